"""A small BERT-style encoder for token classification, in plain PyTorch.
Same computation as HF BertForTokenClassification (post-LayerNorm, GELU),
exported to ONNX with inputs input_ids / attention_mask / token_type_ids."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Layer(nn.Module):
    def __init__(self, h, heads, ffn, drop):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(h, 3 * h)
        self.o = nn.Linear(h, h)
        self.ln1 = nn.LayerNorm(h, eps=1e-12)
        self.ff1 = nn.Linear(h, ffn)
        self.ff2 = nn.Linear(ffn, h)
        self.ln2 = nn.LayerNorm(h, eps=1e-12)
        self.drop = nn.Dropout(drop)

    def forward(self, x, bias):
        b, n, h = x.shape
        d = h // self.heads
        q, k, v = self.qkv(x).view(b, n, 3, self.heads, d).permute(2, 0, 3, 1, 4)
        att = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + bias
        att = self.drop(torch.softmax(att, dim=-1))
        y = torch.matmul(att, v).transpose(1, 2).reshape(b, n, h)
        x = self.ln1(x + self.drop(self.o(y)))
        return self.ln2(x + self.drop(self.ff2(F.gelu(self.ff1(x)))))


class Tagger(nn.Module):
    def __init__(self, vocab, labels, h=128, layers=2, heads=4, ffn=512, max_len=256, drop=0.1):
        super().__init__()
        self.cfg = dict(vocab=vocab, labels=labels, h=h, layers=layers, heads=heads, ffn=ffn, max_len=max_len, drop=drop)
        self.tok = nn.Embedding(vocab, h)
        self.pos = nn.Embedding(max_len, h)
        self.typ = nn.Embedding(2, h)
        self.ln = nn.LayerNorm(h, eps=1e-12)
        self.drop = nn.Dropout(drop)
        self.layers = nn.ModuleList([Layer(h, heads, ffn, drop) for _ in range(layers)])
        self.cls = nn.Linear(h, labels)
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)

    def forward(self, input_ids, attention_mask, token_type_ids):
        n = input_ids.shape[1]
        pos = torch.arange(n, device=input_ids.device).unsqueeze(0)
        x = self.tok(input_ids) + self.pos(pos) + self.typ(token_type_ids)
        x = self.drop(self.ln(x))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for l in self.layers:
            x = l(x, bias)
        return self.cls(x)
