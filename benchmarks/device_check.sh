#!/usr/bin/env bash
# The GPU checks of issue 18 in one call of about 8 minutes on a lent H100/H200 (the `device` tool), logs under
# $OUT. Parts, in order (each under its own time limit, all under DEADLINE seconds in total):
#   convert  the packaged GGUF into the cache once (so no stage below pays for it)
#   iterate  the small recipe (gec-smollm2-small) end to end, with its stage timings (summary, manifest, eval.json
#            files): pack.sh carries SmolLM2's GGUF only, as Gemma's four chunks (238 MB) exceed a call's 64 MiB
#   pytest   `pytest -m cuda` (tests/test_cuda.py): generation, every algorithm on LoRA and QLoRA, a smoke
#            iterate, export --merge, the local judge
#   bench    benchmarks/gpu.py with torch profiler tables (eval seconds, tokens/s, SFT steps/s, GPU busy share)
#   qlora    the small recipe with student.quantization=4bit, end to end
# nvidia-smi samples utilisation and memory every 0.5 s throughout (gpu_util.csv); summary.txt says what ran.
#
# On the lent machine (see ../shared/device/README.md; pack.sh first, from the project's virtualenv):
#   call 1: carry .device-carry/c1   mkdir -p /tmp/stash && cp .device-carry/c1/* /tmp/stash/ && nvidia-smi -L
#   call 2: carry .device-carry/c2   cp .device-carry/c2/* /tmp/stash/ && . /tmp/stash/setup.sh && bash benchmarks/device_check.sh
#   (timeout_s 600; a rerun of some parts on the same warm machine: bash benchmarks/device_check.sh bench qlora)
# On any CUDA machine with the project installed: bash benchmarks/device_check.sh  (OUT defaults to ./device-check)
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/device-check}
DEADLINE=${DEADLINE:-480}
RUNS=${RUNS:-/tmp/rankdistill-device-runs}
PY=${PYTHON:-python3}
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(convert iterate pytest bench qlora)
mkdir -p "$OUT" "$RUNS"
begin=$(date +%s)

log() { echo "[$(date +%T)] $*" | tee -a "$OUT/summary.txt"; }

# part NAME LIMIT CMD...: run CMD with its output in $OUT/NAME.log, under LIMIT seconds and what the deadline leaves
part() {
  local name=$1 limit=$2; shift 2
  local left=$((DEADLINE - ($(date +%s) - begin)))
  [ "$left" -lt "$limit" ] && limit=$left
  if [ "$limit" -lt 20 ]; then log "$name: skipped (deadline: ${left}s left)"; return; fi
  local start; start=$(date +%s)
  timeout --kill-after=10 "$limit" "$@" > "$OUT/$name.log" 2>&1
  local rc=$?
  log "$name: rc=$rc in $(($(date +%s) - start))s (limit ${limit}s)$([ $rc -eq 124 ] && echo ', TIMED OUT')"
  tail -n 4 "$OUT/$name.log" | sed 's/^/    /' | tee -a "$OUT/summary.txt"
}

# copy what a run says about itself (not its adapters) to $OUT/NAME-*
keep_run() {
  local name=$1 run=$2
  $PY -m rankdistill summary "$run" > "$OUT/$name-summary.txt" 2>&1
  $PY -m rankdistill summary "$run" --json > "$OUT/$name-summary.json" 2>/dev/null
  cp "$run/manifest.json" "$OUT/$name-manifest.json" 2>/dev/null
  for f in "$run"/round-*/eval.json; do [ -f "$f" ] && cp "$f" "$OUT/$name-$(basename "$(dirname "$f")")-eval.json"; done
  head -n 1 "$OUT/$name-summary.txt" | sed 's/^/    /' | tee -a "$OUT/summary.txt"
}

if ! $PY -c "import torch, sys; sys.exit(not torch.cuda.is_available())" 2>/dev/null; then
  echo "device_check.sh: no CUDA device here (torch.cuda.is_available() is False); these are GPU checks" >&2
  exit 2
fi
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
nvidia-smi --query-gpu=timestamp,utilization.gpu,memory.used --format=csv -lms 500 > "$OUT/gpu_util.csv" 2>/dev/null &
sampler=$!
trap 'kill "$sampler" 2>/dev/null' EXIT
$PY -c "import torch, transformers, trl, peft; print('torch', torch.__version__, 'cuda', torch.version.cuda, torch.cuda.get_device_name(0), '| transformers', transformers.__version__, 'trl', trl.__version__, 'peft', peft.__version__)" 2>&1 | tee -a "$OUT/summary.txt"

for p in "${parts[@]}"; do
  case $p in
    convert)
      part convert 90 $PY -c "from rankdistill.models import resolve_student; print(resolve_student('smollm2-135m-instruct'))" ;;
    iterate)
      rm -rf "$RUNS/default"
      part iterate 170 $PY -m rankdistill iterate gec-smollm2-small --run-dir "$RUNS/default"
      keep_run default "$RUNS/default" ;;
    pytest)
      part pytest 200 $PY -m pytest -m cuda tests/test_cuda.py -q -p no:cacheprovider --durations=20 -rfEs ;;
    bench)
      part bench 110 $PY benchmarks/gpu.py --sft-steps 30 --profile "$OUT/profile"
      tail -n 1 "$OUT/bench.log" > "$OUT/bench.json" ;;
    qlora)
      rm -rf "$RUNS/qlora"
      part qlora 200 $PY -m rankdistill iterate gec-smollm2-small --run-dir "$RUNS/qlora" --set student.quantization=4bit
      keep_run qlora "$RUNS/qlora" ;;
    *) log "unknown part $p (convert iterate pytest bench qlora)" ;;
  esac
done
kill "$sampler" 2>/dev/null
awk -F', ' 'NR > 1 { gsub(/ %/, "", $2); s += $2; n++ } END { if (n) printf "mean GPU utilisation over the check: %.1f %% (%d samples)\n", s / n, n }' \
  "$OUT/gpu_util.csv" | tee -a "$OUT/summary.txt"
log "done in $(($(date +%s) - begin))s"
