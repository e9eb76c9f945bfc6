#!/bin/bash
# Device run: trains the candidate sizes in parallel on one GPU from the
# encoded windows in models/tacha-ner-es/training/gpu/train.pt, writes the
# checkpoints and logs to $OUT (or training/ when OUT is unset).
set -u
cd "$(dirname "$0")"
OUTD=${OUT:-../tacha-ner-es/training}
DATA=../tacha-ner-es/training/gpu/train.pt
STEPS=${STEPS:-4000}
export PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.used --format=csv 2>/dev/null
python3 -c "import torch;print(torch.__version__, torch.cuda.is_available())"
# name hidden heads entity-weight context-noise
CONFIGS=${CONFIGS:-"h192 192 4 2 0;h256 256 4 2 0;h128 128 4 2 0"}
IFS=';' read -ra CFGS <<< "$CONFIGS"
for cfg in "${CFGS[@]}"; do
  set -- $cfg
  ${PY:-python3} train.py --data $DATA --out $OUTD/model_$1.pt --hidden $2 --heads $3 --layers 2 \
    --entity-weight $4 --context-noise $5 \
    --steps $STEPS --batch 128 --lr 1e-3 --seed 13 --max-minutes ${MAXMIN:-6} > $OUTD/log_$1.txt 2>&1 &
done
wait
tail -n 3 $OUTD/log_*.txt
