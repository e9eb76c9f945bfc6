"""Word-level ("token") and exact-span P/R/F1 per label on the held-out sets
in training/eval_*.jsonl, decoding exactly as src/detect/ner does (windows
of 254 tokens, stride 192, most-central window wins, word = mean of its
pieces, BIO repaired). Usage: evaluate.py CHECKPOINT [--json out.json]"""
import argparse
import collections
import json
import os
import time

import torch

from common import ENTITY_TYPES, LABELS, MAX_LEN, WINDOW, STRIDE, WordPiece, load_vocab, pretokenize, windows, MODELS
from model import Tagger

TRAIN_DIR = os.path.join(MODELS, "tacha-ner-es", "training")
RULE = "mean"
PUNCT_EDGE = set(",;:()[]{}\"'«»“”-–—")


def token_probs(model, ids, cls, sep):
    n = len(ids)
    starts = windows(n)
    best = [-1] * n
    probs = torch.zeros(n, len(LABELS))
    batch = []
    for s in starts:
        batch.append(s)
    for b in range(0, len(batch), 32):
        chunk = batch[b:b + 32]
        L = max(min(WINDOW, n - s) for s in chunk) + 2
        x = torch.zeros(len(chunk), L, dtype=torch.long)
        m = torch.zeros(len(chunk), L, dtype=torch.long)
        for k, s in enumerate(chunk):
            seg = [cls] + ids[s:s + WINDOW] + [sep]
            x[k, :len(seg)] = torch.tensor(seg)
            m[k, :len(seg)] = 1
        with torch.no_grad():
            p = torch.softmax(model(x, m, torch.zeros_like(x)), -1)
        for k, s in enumerate(chunk):
            ln = min(WINDOW, n - s)
            for i in range(ln):
                c = min(i, ln - 1 - i)
                if c > best[s + i]:
                    best[s + i] = c
                    probs[s + i] = p[k, i + 1]
    return probs


def decode(words, wtok, probs, threshold=0.0, ids=(), unk=None):
    """words: [(start,end,w)], wtok: [(t0,t1)] -> spans [(start,end,label,score)], word labels."""
    spans, cur, wl = [], None, []
    for (s, e, w), (t0, t1) in zip(words, wtok):
        if t1 <= t0 or (unk is not None and all(i == unk for i in ids[t0:t1]) and not any(c.isalpha() for c in w)):
            wl.append("O")  # a symbol the vocabulary lacks (emoji...) is never an entity
            if cur:
                spans.append(cur)
            cur = None
            continue
        if RULE == "first":
            p = probs[t0]
        elif RULE == "max":  # the piece most confident of some entity decides
            q = probs[t0:t1]
            p = q[int(q[:, 0].argmin())]
        else:
            p = probs[t0:t1].mean(0)
        typ_p = [float(p[0])] + [float(p[1 + 2 * k] + p[2 + 2 * k]) for k in range(len(ENTITY_TYPES))]
        k = max(range(len(typ_p)), key=lambda j: typ_p[j])
        if k == 0:
            wl.append("O")
            if cur:
                spans.append(cur)
            cur = None
            continue
        typ = ENTITY_TYPES[k - 1]
        wl.append(typ)
        first = probs[t0]
        begin = float(first[1 + 2 * (k - 1)]) > float(first[2 + 2 * (k - 1)])
        if cur and cur[2] == typ and not begin:
            cur[1] = e
            cur[3].append(typ_p[k])
        else:
            if cur:
                spans.append(cur)
            cur = [s, e, typ, [typ_p[k]]]
    if cur:
        spans.append(cur)
    out = []
    for s, e, t, sc in spans:
        score = sum(sc) / len(sc)
        if score >= threshold:
            out.append((s, e, t, score))
    return out, wl


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(model, wp, docs):
    cls, sep = wp.vocab["[CLS]"], wp.vocab["[SEP]"]
    wc = {t: collections.Counter() for t in ENTITY_TYPES}
    sc = {t: collections.Counter() for t in ENTITY_TYPES}
    ntok = 0
    t0 = time.time()
    for d in docs:
        text = d["text"]
        words = pretokenize(text)
        ids, wtok = [], []
        for (_, _, w) in words:
            a = len(ids)
            for p, _ in wp.pieces(w):
                ids.append(wp.vocab.get(p, wp.unk))
            wtok.append((a, len(ids)))
        ntok += len(ids)
        if not ids:
            continue
        probs = token_probs(model, ids, cls, sep)
        pred, wl = decode(words, wtok, probs, ids=ids, unk=wp.unk)
        # gold word labels and word-snapped gold spans
        gold_w = ["O"] * len(words)
        gold_spans = set()
        for gs, ge, gl in d["spans"]:
            inside = [k for k, (s, e, _) in enumerate(words) if gs <= s < ge]
            for k in inside:
                gold_w[k] = gl
            if inside:
                gold_spans.add((words[inside[0]][0], words[inside[-1]][1], gl))
        for g, p in zip(gold_w, wl):
            for t in ENTITY_TYPES:
                if g == t and p == t:
                    wc[t]["tp"] += 1
                elif p == t:
                    wc[t]["fp"] += 1
                elif g == t:
                    wc[t]["fn"] += 1
        ps = {(s, e, t) for s, e, t, _ in pred}
        for t in ENTITY_TYPES:
            G = {x for x in gold_spans if x[2] == t}
            P = {x for x in ps if x[2] == t}
            sc[t]["tp"] += len(G & P)
            sc[t]["fp"] += len(P - G)
            sc[t]["fn"] += len(G - P)
    res = {"tokens": ntok, "seconds": round(time.time() - t0, 1)}
    for t in ENTITY_TYPES:
        res[t] = {"word": [round(x, 3) for x in prf(wc[t]["tp"], wc[t]["fp"], wc[t]["fn"])] + [wc[t]["tp"] + wc[t]["fn"]],
                  "span": [round(x, 3) for x in prf(sc[t]["tp"], sc[t]["fp"], sc[t]["fn"])] + [sc[t]["tp"] + sc[t]["fn"]]}
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("--sets", default="eval_synth,eval_generator,eval_echr,eval_meddocan")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json")
    ap.add_argument("--rule", default="mean", choices=["mean", "first", "max"])
    a = ap.parse_args()
    torch.set_num_threads(2)
    global RULE
    RULE = a.rule
    ck = torch.load(a.checkpoint, map_location="cpu")
    model = Tagger(**ck["cfg"])
    model.load_state_dict(ck["state"])
    model.eval()
    wp = WordPiece(load_vocab(os.path.join(MODELS, "tacha-ner-es", "tokenizer.json")))
    out = {}
    for name in a.sets.split(","):
        path = os.path.join(TRAIN_DIR, name + ".jsonl")
        if not os.path.exists(path):
            continue
        docs = [json.loads(l) for l in open(path, encoding="utf-8")]
        if a.limit:
            docs = docs[:a.limit]
        if not docs:
            continue
        r = evaluate(model, wp, docs)
        out[name] = r
        print(f"## {name} ({len(docs)} docs, {r['tokens']} tokens)")
        print("| label | word P | word R | word F1 | n | span P | span R | span F1 | n |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for t in ENTITY_TYPES:
            w, s = r[t]["word"], r[t]["span"]
            print(f"| {t} | {w[0]:.3f} | {w[1]:.3f} | {w[2]:.3f} | {w[3]} | {s[0]:.3f} | {s[1]:.3f} | {s[2]:.3f} | {s[3]} |")
        print(flush=True)
    if a.json:
        json.dump(out, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
