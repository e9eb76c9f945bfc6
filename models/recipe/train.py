"""Train the tagger on training/train.pt. Seeded; runs on CUDA when present
(bf16 autocast), else on CPU (2 threads)."""
import argparse
import contextlib
import json
import math
import os
import time

import torch
import torch.nn.functional as F

from common import LABELS, MAX_LEN
from model import Tagger

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN_DIR = os.path.join(os.path.dirname(HERE), "tacha-ner-es", "training")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(TRAIN_DIR, "gpu", "train.pt"))
    ap.add_argument("--out", default=os.path.join(TRAIN_DIR, "model.pt"))
    ap.add_argument("--hidden", type=int, default=192)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ffn", type=int, default=0)
    ap.add_argument("--steps", type=int, default=4000)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--entity-weight", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--context-noise", type=float, default=0.0,
                    help="share of O tokens replaced by a random vocabulary id each step (robustness to unseen context)")
    ap.add_argument("--max-minutes", type=float, default=0)
    a = ap.parse_args()
    torch.manual_seed(a.seed)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    if dev == "cpu":
        torch.set_num_threads(max(2, torch.get_num_threads()))
    d = torch.load(a.data)
    X, Y = d["X"].long(), d["Y"].long()
    n = X.shape[0]
    model = Tagger(d["vocab_size"], len(LABELS), h=a.hidden, layers=a.layers, heads=a.heads,
                   ffn=a.ffn or 4 * a.hidden, max_len=MAX_LEN).to(dev)
    params = sum(p.numel() for p in model.parameters())
    decay = [p for nme, p in model.named_parameters() if p.dim() >= 2]
    nodecay = [p for nme, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": nodecay, "weight_decay": 0.0}],
                            lr=a.lr, betas=(0.9, 0.98), eps=1e-6)
    warm = max(1, a.steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (a.steps - s) / max(1, a.steps - warm))))
    w = torch.tensor([1.0] + [a.entity_weight] * (len(LABELS) - 1), device=dev)
    g = torch.Generator().manual_seed(a.seed)
    Xd, Yd = X.to(dev), Y.to(dev)
    t0 = time.time()
    tokens = 0
    perm = torch.randperm(n, generator=g)
    pi = 0
    model.train()
    for step in range(a.steps):
        if pi + a.batch > n:
            perm = torch.randperm(n, generator=g)
            pi = 0
        idx = perm[pi:pi + a.batch].to(dev)
        pi += a.batch
        x, y = Xd[idx], Yd[idx]
        mask = (x != 0).long()
        L = int(mask.sum(1).max())
        x, y, mask = x[:, :L], y[:, :L], mask[:, :L]
        if a.context_noise > 0:
            flip = (torch.rand(x.shape, device=dev) < a.context_noise) & (y == 0)
            x = torch.where(flip, torch.randint(5, d["vocab_size"], x.shape, device=dev), x)
        with (torch.autocast(device_type="cuda", dtype=torch.bfloat16) if dev == "cuda" else contextlib.nullcontext()):
            logits = model(x, mask, torch.zeros_like(x))
        loss = F.cross_entropy(logits.float().reshape(-1, len(LABELS)), y.reshape(-1), weight=w, ignore_index=-100)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        tokens += int(mask.sum())
        if step % 200 == 0 or step == a.steps - 1:
            el = time.time() - t0
            print(f"step {step} loss {loss.item():.4f} lr {sched.get_last_lr()[0]:.2e} {tokens / max(el, 1e-9):.0f} tok/s {el:.0f}s", flush=True)
        if a.max_minutes and time.time() - t0 > a.max_minutes * 60:
            print(f"stopping at step {step}: time budget", flush=True)
            break
    el = time.time() - t0
    model = model.float().cpu()
    torch.save({"cfg": model.cfg, "state": model.state_dict(),
                "train": {"steps": step + 1, "tokens": tokens, "seconds": round(el, 1), "device": torch.cuda.get_device_name() if dev == "cuda" else "cpu",
                          "params": params, "args": vars(a), "torch": torch.__version__}}, a.out)
    print(json.dumps({"params": params, "seconds": round(el, 1), "tokens": tokens, "tok_per_s": round(tokens / el)}))


if __name__ == "__main__":
    main()
