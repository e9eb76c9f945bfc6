#!/bin/bash
# Reproduces models/tacha-ner-es (seeded) from ../shared/data and samples/generate.ts.
#
#   models/recipe/train.sh                 # prepare -> train -> export -> evaluate
#   models/recipe/train.sh --export-only   # export + evaluate training/model.pt (e.g. trained on a GPU
#                                          # with models/recipe/gpu_train.sh, copied to training/model.pt)
#   TRAIN_ARGS="--steps 400 --batch 32" models/recipe/train.sh   # CPU-sized run (weaker model)
#
# Needs Debian's python3-torch python3-onnx libopenblas0-pthread (/usr/bin/python3) and Node
# (for samples/generate.ts). Skips cleanly when the reference data is absent.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")"
PY=${PY:-/usr/bin/python3}
DATA=${TACHA_DATA:-$(cd ../.. && pwd)/../shared/data}
if [ ! -d "$DATA" ]; then
  echo "train.sh: reference data not found at $DATA; nothing to do" >&2
  exit 0
fi
T=../tacha-ner-es/training
if [ "${1:-}" != "--export-only" ]; then
  $PY prepare.py
  # shellcheck disable=SC2086
  $PY train.py --data $T/gpu/train.pt --out $T/model.pt ${TRAIN_ARGS:-}
fi
$PY export.py $T/model.pt
$PY evaluate.py $T/model.pt --json $T/eval.json
(cd ../.. && npx node models/recipe/bench.ts models/tacha-ner-es)
