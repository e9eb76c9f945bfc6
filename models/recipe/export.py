"""Export a checkpoint to the transformers.js folder layout:
config.json, tokenizer_config.json, special_tokens_map.json,
onnx/model.onnx (fp32, opset 14) and onnx/model_quantized.onnx (int8
weights, dynamically quantised activations: DynamicQuantizeLinear +
MatMulInteger, the pattern onnxruntime's quantize_dynamic produces)."""
import argparse
import json
import os

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

from common import LABELS, MAX_LEN, MODELS
from model import Tagger

OUT = os.path.join(MODELS, "tacha-ner-es")


def export_fp32(model, path):
    model.eval()
    x = torch.randint(5, 100, (2, 16))
    m = torch.ones_like(x)
    torch.onnx.export(model, (x, m, torch.zeros_like(x)), path, opset_version=14,
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                                    "token_type_ids": {0: "batch", 1: "sequence"}, "logits": {0: "batch", 1: "sequence"}},
                      do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path), full_check=True)


def quantize(src, dst):
    m = onnx.load(src)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    nodes = []
    count = 0
    for n in g.node:
        w = inits.get(n.input[1]) if n.op_type == "MatMul" and len(n.input) == 2 else None
        if w is None or len(w.dims) != 2:
            nodes.append(n)
            continue
        W = numpy_helper.to_array(w).astype(np.float32)  # [K, N]
        scale = np.maximum(np.abs(W).max(axis=0), 1e-8) / 127.0  # per output column
        Wq = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
        base = n.output[0] + "_q"
        g.initializer.append(numpy_helper.from_array(Wq, w.name + "_int8"))
        g.initializer.append(numpy_helper.from_array(np.zeros(W.shape[1], np.int8), w.name + "_zp"))
        g.initializer.append(numpy_helper.from_array(scale.astype(np.float32), w.name + "_scale"))
        nodes += [
            helper.make_node("DynamicQuantizeLinear", [n.input[0]], [base + "_x", base + "_xs", base + "_xzp"]),
            helper.make_node("MatMulInteger", [base + "_x", w.name + "_int8", base + "_xzp", w.name + "_zp"], [base + "_i32"]),
            helper.make_node("Cast", [base + "_i32"], [base + "_f"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [base + "_xs", w.name + "_scale"], [base + "_s"]),
            helper.make_node("Mul", [base + "_f", base + "_s"], [n.output[0]]),
        ]
        count += 1
    del g.node[:]
    g.node.extend(nodes)
    used = {i for n in g.node for i in n.input}
    keep = [i for i in g.initializer if i.name in used]
    del g.initializer[:]
    g.initializer.extend(keep)
    onnx.checker.check_model(m, full_check=True)
    onnx.save(m, dst)
    return count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    ck = torch.load(a.checkpoint, map_location="cpu")
    cfg = ck["cfg"]
    model = Tagger(**cfg)
    model.load_state_dict(ck["state"])
    os.makedirs(os.path.join(a.out, "onnx"), exist_ok=True)
    fp32 = os.path.join(a.out, "onnx", "model.onnx")
    export_fp32(model, fp32)
    n = quantize(fp32, os.path.join(a.out, "onnx", "model_quantized.onnx"))
    config = {
        "_name_or_path": "tacha-ner-es",
        "architectures": ["BertForTokenClassification"],
        "model_type": "bert",
        "vocab_size": cfg["vocab"],
        "hidden_size": cfg["h"],
        "num_hidden_layers": cfg["layers"],
        "num_attention_heads": cfg["heads"],
        "intermediate_size": cfg["ffn"],
        "hidden_act": "gelu",
        "max_position_embeddings": cfg["max_len"],
        "type_vocab_size": 2,
        "layer_norm_eps": 1e-12,
        "pad_token_id": 0,
        "id2label": {str(i): l for i, l in enumerate(LABELS)},
        "label2id": {l: i for i, l in enumerate(LABELS)},
        "tacha": {"train": ck.get("train"), "window": MAX_LEN - 2, "note": "trained by models/recipe (see README.md)"},
    }
    with open(os.path.join(a.out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2, ensure_ascii=False)
    with open(os.path.join(a.out, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump({"tokenizer_class": "BertTokenizer", "do_lower_case": False, "strip_accents": False,
                   "tokenize_chinese_chars": True, "model_max_length": MAX_LEN, "unk_token": "[UNK]",
                   "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]",
                   "clean_up_tokenization_spaces": True}, f, indent=2)
    with open(os.path.join(a.out, "special_tokens_map.json"), "w", encoding="utf-8") as f:
        json.dump({"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"}, f, indent=2)
    print(f"exported {a.checkpoint}: {n} MatMuls quantised; sizes",
          {p: os.path.getsize(os.path.join(a.out, "onnx", p)) for p in os.listdir(os.path.join(a.out, "onnx"))})


if __name__ == "__main__":
    main()
