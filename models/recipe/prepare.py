"""Build the training corpus, the WordPiece vocabulary (tokenizer.json) and
the encoded training windows.

Sources (all read from ../shared/data, never copied into the repo):
  * synthetic rulings (synth.py, gazetteer names; every 10th name held out)
  * samples/generate.ts JSONL when that generator exists (TACHA_GEN=0 skips)
  * ECHR-es train (PER->PERSONA, LOC->LUGAR)
  * MEDDOCAN train (NOMBRE_*->PERSONA, CALLE->DIRECCION, TERRITORIO/PAIS->LUGAR)
Outputs: models/tacha-ner-es/tokenizer.json, and under models/tacha-ner-es/training/
(git-ignored) the corpora as JSONL and the encoded windows gpu/train.pt.
"""
import collections
import glob
import heapq
import json
import os
import random
import subprocess
import sys

import torch

from common import (DATA, L2I, MAX_LEN, MODELS, REPO, SPECIALS, WINDOW, WordPiece, pretokenize, windows)
import synth

OUT = os.path.join(MODELS, "tacha-ner-es")
TRAIN_DIR = os.path.join(OUT, "training")

ECHR_MAP = {"PER": "PERSONA", "LOC": "LUGAR"}
MEDDOCAN_MAP = {"NOMBRE_SUJETO_ASISTENCIA": "PERSONA", "NOMBRE_PERSONAL_SANITARIO": "PERSONA",
                "CALLE": "DIRECCION", "TERRITORIO": "LUGAR", "PAIS": "LUGAR"}
GEN_MAP = {"PERSONA": "PERSONA", "FUNCIONARIO": "PERSONA", "LUGAR": "LUGAR", "DIRECCION": "DIRECCION"}


def detok(tokens):
    text, offs = "", []
    no_space_before = set(",.;:)]}%?!»”")
    no_space_after = set("([{¿¡«“")
    prev = None
    quote_open = False
    for t in tokens:
        sp = True
        if prev is None or t in no_space_before or (prev in no_space_after):
            sp = False
        if t == '"':
            if quote_open:
                sp = False
            quote_open = not quote_open
        elif prev == '"' and quote_open:
            sp = False
        if sp:
            text += " "
        offs.append((len(text), len(text) + len(t)))
        text += t
        prev = t
    return text, offs


TITLES = {"la", "el", "los", "las", "Sr", "Sra", "Srta", "Sres", "Sras", "Dr", "Dra", "Dres", "D", "Dña", "Don", "Doña", "."}


def trim_title(text, sp):
    """ECHR-es annotates 'el Sr. X'; our convention leaves titles outside."""
    s, e, lab = sp
    if lab != "PERSONA":
        return sp
    while True:
        w = text[s:e].split(" ", 1)
        head = w[0].rstrip(".") if w[0] != "." else "."
        if len(w) == 2 and head in TITLES:
            s += len(w[0]) + 1
            continue
        if text[s:e].startswith(". "):
            s += 2
            continue
        return (s, e, lab)


def read_echr(path, group=25):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        parts = line.split(" ")
        tok, lab = " ".join(parts[:-1]) or parts[0], parts[-1] if len(parts) > 1 else "O"
        cur.append((tok, lab))
    if cur:
        sents.append(cur)
    docs = []
    for i in range(0, len(sents), group):
        toks = [t for s in sents[i:i + group] for t in s + [("\n", "O")]]
        text, offs = detok([t for t, _ in toks])
        spans, cur_sp = [], None
        for (t, lab), (s, e) in zip(toks, offs):
            typ = lab[2:] if len(lab) > 2 else None
            mapped = ECHR_MAP.get(typ)
            if lab.startswith("B-") or (lab.startswith("I-") and (cur_sp is None or cur_sp[2] != mapped)):
                if cur_sp:
                    spans.append(tuple(cur_sp))
                cur_sp = [s, e, mapped] if mapped else None
            elif lab.startswith("I-") and cur_sp:
                cur_sp[1] = e
            else:
                if cur_sp:
                    spans.append(tuple(cur_sp))
                cur_sp = None
        if cur_sp:
            spans.append(tuple(cur_sp))
        docs.append({"text": text, "spans": [trim_title(text, sp) for sp in spans], "src": "echr"})
    return docs


def read_meddocan(folder):
    docs = []
    for txt in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        text = open(txt, encoding="utf-8").read()
        spans = []
        for line in open(txt[:-4] + ".ann", encoding="utf-8"):
            if not line.startswith("T"):
                continue
            _, mid, surface = line.rstrip("\n").split("\t")[:3]
            typ, s, e = mid.split(" ")[:3]
            s, e = int(s), int(e)
            if text[s:e] != surface:
                continue
            lab = MEDDOCAN_MAP.get(typ)
            if typ == "FAMILIARES_SUJETO_ASISTENCIA" and surface[:1].isupper():
                lab = "PERSONA"
            if lab:
                spans.append((s, e, lab))
        docs.append({"text": text, "spans": sorted(spans), "src": "meddocan"})
    return docs


def substitute(doc, gen, rng):
    """Copy of a real-text document with every entity replaced by a fresh
    Argentine surface form (name styles, CABA streets, places): real
    sentence contexts, local names."""
    text, spans = doc["text"], sorted(doc["spans"])
    out, new, pos = [], [], 0
    n = 0
    for s, e, lab in spans:
        if s < pos:
            continue
        out.append(text[pos:s])
        n += len(text[pos:s])
        if lab == "PERSONA":
            rep = gen.person()
        elif lab == "LUGAR":
            rep = text[s:e] if text[s:e].isdigit() else gen.place()
        else:
            rep = gen.street()[1]
        out.append(rep)
        new.append((n, n + len(rep), lab))
        n += len(rep)
        pos = e
    out.append(text[pos:])
    t, sp = synth.noise("".join(out), new, rng)
    return {"text": t, "spans": sp, "src": doc["src"] + "-subst"}


def utf16_to_cp(text):
    m, u = [], 0
    for i, c in enumerate(text):
        m.append(i)
        if ord(c) > 0xFFFF:
            m.append(i)
    m.append(len(text))
    return m


def read_generator(count, seed):
    gen = os.path.join(REPO, "samples", "generate.ts")
    if os.environ.get("TACHA_GEN", "1") == "0" or not os.path.exists(gen) or count <= 0:
        return []
    path = os.path.join(TRAIN_DIR, f"gen_{seed}_{count}.jsonl")
    if not os.path.exists(path):
        try:
            subprocess.run(["npx", "node", gen, "--jsonl", path, "--count", str(count), "--seed", str(seed)],
                           cwd=REPO, check=True, timeout=900, stdout=subprocess.DEVNULL)
        except Exception as ex:  # generator not usable: skip it
            print("generator skipped:", ex, file=sys.stderr)
            return []
    docs = []
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        t = o["text"]
        m = utf16_to_cp(t)
        sp = []
        for s in o.get("spans", []):
            lab = GEN_MAP.get(s["label"])
            if lab:
                sp.append((m[s["start"]], m[s["end"]], lab))
        for s in o.get("keep", []):  # officials: names are PERSONA to the model; the resolver decides the role
            if s.get("kind") == "FUNCIONARIO":
                sp.append((m[s["start"]], m[s["end"]], "PERSONA"))
        docs.append({"text": t, "spans": sorted(sp), "src": "generator"})
    return docs


def learn_vocab(texts, size, min_char=3):
    """BPE-style WordPiece training (as HF's WordPieceTrainer): start from
    characters (initial and ##continuation), merge the most frequent pair."""
    wc = collections.Counter()
    for t in texts:
        for _, _, w in pretokenize(t):
            wc[w] += 1
    chars = collections.Counter()
    for w, c in wc.items():
        for ch in w:
            chars[ch] += c
    alphabet = {ch for ch, c in chars.items() if c >= min_char}
    words = []
    counts = []
    for w, c in wc.items():
        if c < 2 or any(ch not in alphabet for ch in w) or len(w) > 100:
            continue
        words.append([w[0]] + ["##" + ch for ch in w[1:]])
        counts.append(c)
    vocab = list(SPECIALS)
    seen = set(vocab)
    for ch in sorted(alphabet, key=lambda x: (-chars[x], x)):
        for tkn in (ch, "##" + ch):
            if tkn not in seen:
                seen.add(tkn)
                vocab.append(tkn)
    pairs = collections.Counter()
    where = collections.defaultdict(set)
    for i, w in enumerate(words):
        for a, b in zip(w, w[1:]):
            pairs[(a, b)] += counts[i]
            where[(a, b)].add(i)
    heap = [(-c, p) for p, c in pairs.items()]
    heapq.heapify(heap)
    while len(vocab) < size and heap:
        negc, p = heapq.heappop(heap)
        if pairs.get(p, 0) != -negc or -negc <= 0:
            continue
        a, b = p
        new = a + b[2:]
        if new not in seen:
            seen.add(new)
            vocab.append(new)
        touched = collections.Counter()
        for i in list(where[p]):
            w = words[i]
            c = counts[i]
            for x, y in zip(w, w[1:]):
                pairs[(x, y)] -= c
                touched[(x, y)] += 0
            nw, k = [], 0
            while k < len(w):
                if k + 1 < len(w) and w[k] == a and w[k + 1] == b:
                    nw.append(new)
                    k += 2
                else:
                    nw.append(w[k])
                    k += 1
            words[i] = nw
            for x, y in zip(nw, nw[1:]):
                pairs[(x, y)] += c
                where[(x, y)].add(i)
                touched[(x, y)] += 0
        where.pop(p, None)
        pairs.pop(p, None)
        for q in touched:
            if q in pairs and pairs[q] > 0:
                heapq.heappush(heap, (-pairs[q], q))
    return vocab


def tokenizer_json(vocab):
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for i, t in enumerate(SPECIALS)],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": False, "lowercase": False},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                           "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                           "special_tokens": {t: {"id": t, "ids": [SPECIALS.index(t)], "tokens": [t]} for t in ("[CLS]", "[SEP]")}},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {t: i for i, t in enumerate(vocab)}},
    }


def encode_doc(wp, doc):
    """-> ids, labels (per token), words."""
    text = doc["text"]
    words = pretokenize(text)
    spans = sorted(doc["spans"])
    wlab = []
    j = 0
    last_span = -1
    for s, e, _ in words:
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] <= s < spans[j][1]:
            typ = spans[j][2]
            wlab.append(("I-" if last_span == j else "B-") + typ)
            last_span = j
        else:
            wlab.append("O")
    ids, labs = [], []
    for (s, e, w), lab in zip(words, wlab):
        for k, (p, _) in enumerate(wp.pieces(w)):
            ids.append(wp.vocab.get(p, wp.unk))
            if lab == "O":
                labs.append(0)
            else:
                labs.append(L2I[lab if k == 0 else "I-" + lab[2:]])
    return ids, labs


def make_windows(wp, docs, stride):
    cls, sep, pad = wp.vocab["[CLS]"], wp.vocab["[SEP]"], wp.vocab["[PAD]"]
    X, Y = [], []
    for d in docs:
        ids, labs = encode_doc(wp, d)
        for s in windows(len(ids), WINDOW, stride):
            a, b = ids[s:s + WINDOW], labs[s:s + WINDOW]
            x = [cls] + a + [sep]
            y = [-100] + b + [-100]
            x += [pad] * (MAX_LEN - len(x))
            y += [-100] * (MAX_LEN - len(y))
            X.append(x)
            Y.append(y)
    return torch.tensor(X, dtype=torch.int16 if len(wp.vocab) < 32000 else torch.int32), torch.tensor(Y, dtype=torch.int8)


def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--synth", type=int, default=4000)
    ap.add_argument("--synth-eval", type=int, default=300)
    ap.add_argument("--gen", type=int, default=3000)
    ap.add_argument("--gen-eval", type=int, default=200)
    ap.add_argument("--vocab", type=int, default=8000)
    ap.add_argument("--subst", type=int, default=3, help="entity-substituted copies of ECHR/MEDDOCAN train")
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    if not os.path.isdir(DATA):
        print(f"reference data not found at {DATA}: nothing to build", file=sys.stderr)
        sys.exit(2)
    os.makedirs(TRAIN_DIR, exist_ok=True)
    random.seed(a.seed)
    cdir = os.path.join(DATA, "corpora")
    echr_tr = read_echr(os.path.join(cdir, "echr-es/ES-all-train.tsv"))
    echr_dev = read_echr(os.path.join(cdir, "echr-es/ES-all-dev.tsv"))
    med_tr = read_meddocan(os.path.join(cdir, "meddocan/train"))
    med_dev = read_meddocan(os.path.join(cdir, "meddocan/dev"))
    syn_tr = synth.generate("train", a.synth, a.seed)
    syn_ev = synth.generate("eval", a.synth_eval, a.seed + 1000)
    gen_tr = read_generator(a.gen, a.seed)
    gen_ev = read_generator(a.gen_eval, a.seed + 1000)
    sg = synth.Gen("train", a.seed + 7)
    subst = [substitute(d, sg, sg.rng) for d in (echr_tr + med_tr) * a.subst]
    train = syn_tr + gen_tr + echr_tr + med_tr + subst
    random.shuffle(train)
    sets = {"train": train, "eval_synth": syn_ev, "eval_generator": gen_ev, "eval_echr": echr_dev, "eval_meddocan": med_dev}
    for k, v in sets.items():
        with open(os.path.join(TRAIN_DIR, k + ".jsonl"), "w", encoding="utf-8") as f:
            for d in v:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(k, len(v), "docs", sum(len(d["text"]) for d in v), "chars", file=sys.stderr)
    texts = [d["text"] for d in syn_tr + gen_tr + echr_tr + med_tr]
    vocab = learn_vocab(texts, a.vocab)
    tj = tokenizer_json(vocab)
    with open(os.path.join(OUT, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tj, f, ensure_ascii=False, indent=None)
    wp = WordPiece(tj["model"]["vocab"])
    X, Y = make_windows(wp, train, stride=160)
    os.makedirs(os.path.join(TRAIN_DIR, "gpu"), exist_ok=True)
    torch.save({"X": X, "Y": Y, "vocab_size": len(vocab)}, os.path.join(TRAIN_DIR, "gpu", "train.pt"))
    ntok = int((Y != -100).sum())
    print(f"vocab {len(vocab)}; train windows {X.shape[0]}, labelled tokens {ntok}", file=sys.stderr)


if __name__ == "__main__":
    main()
