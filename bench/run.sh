#!/usr/bin/env bash
# The benchmark of issue 5: ewa against polars, pandas, Miller, awk, PyTorch and numpy, all
# measured in this one invocation on this machine, so that the ratios are what counts.
#
# Usage: bench/run.sh [--quick]
#   --quick  skip PyTorch (a large download) and the 20 M-row memory check; a few minutes.
#
# It builds ewa in release mode, generates the inputs (deterministic), installs the peers that
# are missing (Python packages into bench/.venv, Miller, hyperfine and GNU time via apt-get),
# times every contestant (hyperfine, median of several runs; GNU `time -v` for peak memory),
# prints a Markdown table and writes bench/results.json. A contestant whose command fails is
# skipped with its reason, not fatal: the ewa subcommands arrive from other issues.
set -euo pipefail

QUICK=0
for argument in "$@"; do
  case "$argument" in
    --quick) QUICK=1 ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "run.sh: unknown option \"$argument\" (expected --quick or --help)" >&2
      exit 64
      ;;
  esac
done

# Everything runs from the repository root, so that the recorded commands read as typed there.
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BENCH=bench
WORK="$BENCH/work"
VENV="$BENCH/.venv"
PYTHON="$VENV/bin/python"
EWA="${EWA_BINARY:-.build/release/ewa}" # EWA_BINARY=path benchmarks another build of ewa
JOBS="$WORK/jobs.jsonl"
RESULTS="$BENCH/results.json"
ROWS=2000000
BIG_ROWS=20000000
if [ "$QUICK" = 1 ]; then RUNS=3; else RUNS=5; fi
SLOW_RUNS=3 # for contestants that take seconds (pandas, Miller, the moons experiment)

say() { printf '\n== %s\n' "$*" >&2; }

# --- Tools -------------------------------------------------------------------------------------
install_debian_tools() {
  local missing=()
  command -v mlr >/dev/null 2>&1 || missing+=(miller)
  command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
  [ -x /usr/bin/time ] || missing+=(time)
  command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-venv)
  [ "${#missing[@]}" = 0 ] && return
  say "installing ${missing[*]} with apt-get"
  if [ "$(id -u)" != 0 ]; then
    echo "run.sh: ${missing[*]} missing and this is not root; install them and run again" >&2
    exit 69
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# PyTorch's default wheel on PyPI brings CUDA libraries (gigabytes); a CPU-only wheel found in
# pip's --find-links folder (PIP_FIND_LINKS) is preferred when there is one.
torch_requirement() {
  local wheel=""
  if [ -n "${PIP_FIND_LINKS:-}" ] && [ -d "$PIP_FIND_LINKS" ]; then
    wheel="$(find "$PIP_FIND_LINKS" -maxdepth 1 -name 'torch-*+cpu-*.whl' | sort | tail -n 1)"
  fi
  if [ -n "$wheel" ]; then
    basename "$wheel" | sed -E 's/^torch-([^-]+)-.*/torch==\1/'
  else
    echo torch
  fi
}

install_python_peers() {
  [ -x "$PYTHON" ] || python3 -m venv "$VENV"
  local wanted=(polars pandas numpy)
  [ "$QUICK" = 1 ] || wanted+=(torch)
  local missing=()
  for package in "${wanted[@]}"; do
    "$PYTHON" -c "import $package" 2>/dev/null || missing+=("$package")
  done
  [ "${#missing[@]}" = 0 ] && return
  local requirements=()
  for package in "${missing[@]}"; do
    if [ "$package" = torch ]; then requirements+=("$(torch_requirement)"); else
      requirements+=("$package")
    fi
  done
  say "installing ${requirements[*]} into bench/.venv"
  "$PYTHON" -m pip install --quiet "${requirements[@]}"
}

# --- Inputs ------------------------------------------------------------------------------------
# Regenerated when missing or older than the generator.
generate() {
  local rows="$1" file="$2"
  if [ ! -s "$file" ] || [ "$BENCH/generate_input.py" -nt "$file" ]; then
    say "generating $file"
    "$PYTHON" "$BENCH/generate_input.py" "$rows" "$file"
  fi
}

# --- Measuring ---------------------------------------------------------------------------------
# record NAME GROUP CONTESTANT KIND COMMAND [report.py options]: append one job to jobs.jsonl.
record() {
  local name="$1" group="$2" contestant="$3" kind="$4" command="$5"
  shift 5
  "$PYTHON" "$BENCH/report.py" record "$JOBS" --name "$name" --group "$group" \
    --contestant "$contestant" --kind "$kind" --command "$command" "$@"
}

# skip_job NAME GROUP CONTESTANT KIND COMMAND REASON [options]: say why, record it as skipped.
skip_job() {
  local reason="$6"
  echo "skip: $1: $reason" >&2
  record "$1" "$2" "$3" "$4" "$5" --skipped "$reason" "${@:7}"
}

# The first non-empty line of a job's standard error, after its exit status.
failure() { echo "exit status $2: $(grep -v '^[[:space:]]*$' "$WORK/err/$1.txt" | "$3" -n 1)"; }

# measured_run NAME COMMAND: one run under GNU time -v (peak memory); 0 when COMMAND succeeded,
# else 1 with the reason in REASON.
measured_run() {
  local status=0
  /usr/bin/time -v -o "$WORK/time/$1.txt" bash -c "$2" 2>"$WORK/err/$1.txt" || status=$?
  [ "$status" = 0 ] && return 0
  REASON="$(failure "$1" "$status" head)"
  return 1
}

# time_job NAME GROUP CONTESTANT RUNS COMMAND [report.py options: --peer NAME:TARGET ...]
# Runs COMMAND once under GNU time -v (peak memory; a failure there skips the job with the
# reason), then RUNS times under hyperfine for the median wall time.
time_job() {
  local name="$1" group="$2" contestant="$3" runs="$4" command="$5"
  shift 5
  say "$name: $command"
  if ! measured_run "$name" "$command"; then
    skip_job "$name" "$group" "$contestant" time "$command" "$REASON" "$@"
    return 0
  fi
  if ! hyperfine --style basic --runs "$runs" --export-json "$WORK/hyperfine/$name.json" \
    --command-name "$name" "$command" >&2; then
    skip_job "$name" "$group" "$contestant" time "$command" \
      "it succeeded once, then failed under hyperfine (see its output above)" "$@"
    return 0
  fi
  record "$name" "$group" "$contestant" time "$command" \
    --hyperfine "$WORK/hyperfine/$name.json" --time-v "$WORK/time/$name.txt" "$@"
}

# memory_job NAME GROUP CONTESTANT COMMAND [options]: one run under GNU time -v, peak memory only.
memory_job() {
  local name="$1" group="$2" contestant="$3" command="$4"
  shift 4
  say "$name: $command"
  if ! measured_run "$name" "$command"; then
    skip_job "$name" "$group" "$contestant" memory "$command" "$REASON" "$@"
    return 0
  fi
  record "$name" "$group" "$contestant" memory "$command" --time-v "$WORK/time/$name.txt" "$@"
}

# throughput_job NAME GROUP CONTESTANT COMMAND [options]: COMMAND prints one JSON object whose
# `seconds` and `mparams_per_s` are recorded (other keys are kept as details).
throughput_job() {
  local name="$1" group="$2" contestant="$3" command="$4"
  shift 4
  say "$name: $command"
  local status=0 output
  output="$(bash -c "$command" 2>"$WORK/err/$name.txt")" || status=$?
  if [ "$status" != 0 ] || [ -z "$output" ]; then
    skip_job "$name" "$group" "$contestant" throughput "$command" \
      "$(failure "$name" "$status" tail)" "$@"
    return 0
  fi
  echo "$output" >&2
  record "$name" "$group" "$contestant" throughput "$command" \
    --throughput "$(tail -n 1 <<<"$output")" "$@"
}

# --- Setup -------------------------------------------------------------------------------------
install_debian_tools
install_python_peers
# The measured ewa is the installed one: `make install` links the Swift runtime and Foundation
# statically (Package.swift reads EWA_STATIC_LINK), which keeps ewa smooth's peak near 15 MiB.
# Exported so that the later builds of the bench tools keep ewa's link as it is.
export EWA_STATIC_LINK=1
say "building ewa (EWA_STATIC_LINK=1 swift build -c release)"
swift build -c release >&2

mkdir -p "$WORK/out" "$WORK/time" "$WORK/err" "$WORK/hyperfine"
rm -f "$JOBS" "$WORK"/out/* "$WORK"/time/* "$WORK"/err/* "$WORK"/hyperfine/*
INPUT="$WORK/input-2m.csv"
BIG_INPUT="$WORK/input-20m.csv"
generate "$ROWS" "$INPUT"
[ "$QUICK" = 1 ] || generate "$BIG_ROWS" "$BIG_INPUT"
OUT="$WORK/out"
PY="$PYTHON"

# --- Smoothing a 2,000,000-row CSV -------------------------------------------------------------
time_job polars_ewm smooth peer "$RUNS" \
  "$PY $BENCH/peers/polars_ewm.py $INPUT $OUT/polars.csv"
time_job polars_ewm_over_sensor smooth peer "$RUNS" \
  "$PY $BENCH/peers/polars_ewm.py $INPUT $OUT/polars-over.csv --over sensor"
time_job miller_step_ewma smooth peer "$SLOW_RUNS" \
  "mlr --icsv --ocsv step -a ewma -d 0.1 -f temp $INPUT > $OUT/miller.csv" --peer polars_ewm
time_job pandas_ewm smooth peer "$SLOW_RUNS" \
  "$PY $BENCH/peers/pandas_ewm.py $INPUT $OUT/pandas.csv" --peer polars_ewm
# awk prints numbers with CONVFMT (%.6g): six significant digits only.
time_job awk_ewma smooth peer "$RUNS" \
  "awk -F, 'NR == 1 { print \$0 \",temp_ewa_0.9\"; next }
    { n = 0.9 * n + \$3; d = 0.9 * d + 1; print \$0 \",\" n / d }' $INPUT > $OUT/awk.csv" \
  --peer polars_ewm

time_job ewa_smooth smooth ewa "$RUNS" \
  "$EWA smooth --beta 0.9 --column temp $INPUT > $OUT/ewa.csv" \
  --peer polars_ewm:0.5 --peer miller_step_ewma:0.1 --peer floor_cat --max-peak-mib 16
time_job ewa_smooth_group smooth ewa "$RUNS" \
  "$EWA smooth --beta 0.9 --column temp --group-by sensor $INPUT > $OUT/ewa-group.csv" \
  --peer polars_ewm_over_sensor:0.6 --max-peak-mib 16
time_job ewa_smooth_3beta smooth ewa "$RUNS" \
  "$EWA smooth --beta 0.5,0.9,0.98 --column temp $INPUT > $OUT/ewa-3beta.csv" \
  --peer ewa_smooth:1.5 --max-peak-mib 16
# ≥ 1.6× faster than one thread: at most 1/1.6 = 0.625 of its time.
time_job ewa_smooth_threads2 smooth ewa "$RUNS" \
  "$EWA smooth --threads 2 --beta 0.9 --column temp $INPUT > $OUT/ewa-threads2.csv" \
  --peer ewa_smooth:0.625

# --- The physical floor: reading the file, and parsing or printing 2 M numbers alone ------------
# No target: they show how close each smoothing job is to its limit. _EWATextBench parse and print
# time NumberText alone (in process, the median of 5 passes) over the 2 M temp values.
time_job floor_cat floor floor "$RUNS" "cat $INPUT > /dev/null"
TEXT_BENCH=.build/release/_EWATextBench
say "building _EWATextBench (swift build -c release --product _EWATextBench)"
if swift build -c release --product _EWATextBench >&2; then
  throughput_job floor_parse_2m floor floor "$TEXT_BENCH parse $INPUT"
  throughput_job floor_print_2m floor floor "$TEXT_BENCH print $INPUT"
else
  for job in parse print; do
    skip_job "floor_${job}_2m" floor floor throughput "$TEXT_BENCH $job $INPUT" \
      "_EWATextBench did not build"
  done
fi

# Flat memory: the same peak on 20 M rows as on 2 M.
if [ "$QUICK" = 1 ]; then
  skip_job ewa_smooth_20m memory ewa memory "$EWA smooth --beta 0.9 --column temp $BIG_INPUT" \
    "--quick skips the 20 M-row file" --peer ewa_smooth:1.1 --max-peak-mib 16
else
  memory_job ewa_smooth_20m memory ewa \
    "$EWA smooth --beta 0.9 --column temp $BIG_INPUT > /dev/null" \
    --peer ewa_smooth:1.1 --max-peak-mib 16
fi

# --- Optimizer steps on 10,000,000 Float32 parameters ------------------------------------------
STEP="$PY $BENCH/optim_step.py --params 10000000"
for optimizer in adam momentum rmsprop; do
  for threads in 1 2; do
    name="torch_${optimizer}_${threads}t"
    command="$STEP --library torch --optimizer $optimizer --threads $threads"
    if [ "$QUICK" = 1 ]; then
      skip_job "$name" optimizer peer throughput "$command" "--quick skips PyTorch"
    elif [ "$threads" = 1 ]; then
      throughput_job "$name" optimizer peer "$command"
    else
      throughput_job "$name" optimizer peer "$command" --peer "torch_${optimizer}_1t"
    fi
  done
done
throughput_job numpy_adam optimizer peer \
  "$STEP --library numpy --optimizer adam --steps 10 --repeats 3" --peer torch_adam_1t

# The Swift optimizer benchmark: the package's executable target _EWABench (not a product), built
# in release mode and run as
#   _EWABench --optimizer adam|momentum|rmsprop --params 10000000 --steps 40 --threads 1
# It prints ONE JSON object on stdout with at least "seconds" (median wall time of --steps fused
# in-place steps), "mparams_per_s" (params × steps / seconds / 1e6) and "allocations_per_step"
# (heap allocations counted during the timed steps, divided by steps).
EWA_BENCH=.build/release/_EWABench
ewa_bench_available=0
if grep -q '"_EWABench"' Package.swift; then
  say "building _EWABench (swift build -c release --product _EWABench)"
  if swift build -c release --product _EWABench >&2; then
    ewa_bench_available=1
  fi
fi
for optimizer in adam momentum rmsprop; do
  name="ewa_${optimizer}_f32_1t"
  command="$EWA_BENCH --optimizer $optimizer --params 10000000 --steps 40 --threads 1"
  if [ "$ewa_bench_available" = 1 ]; then
    throughput_job "$name" optimizer ewa "$command" --peer "torch_${optimizer}_1t:1.0"
  else
    skip_job "$name" optimizer ewa throughput "$command" \
      "no _EWABench executable target in Package.swift" \
      --peer "torch_${optimizer}_1t:1.0"
  fi
done

# --- The textbook moons experiment ---------------------------------------------------------------
for optimizer in gd momentum adam; do
  time_job "numpy_moons_$optimizer" moons peer "$SLOW_RUNS" \
    "$PY $BENCH/moons_numpy.py $optimizer > $OUT/numpy-moons-$optimizer.json"
done
# ≥ 30× faster than numpy: at most 1/30 = 0.0333 of its time.
for optimizer in gd momentum adam; do
  time_job "ewa_train_$optimizer" moons ewa "$RUNS" \
    "$EWA train --dataset moons --samples 300 --noise 0.2 --layers 5,2 --lr 0.0007 \
--batch-size 64 --epochs 5000 --optimizer $optimizer --json > $OUT/ewa-train-$optimizer.json" \
    --peer "numpy_moons_$optimizer:0.0333"
done

# --- Machine, versions, table --------------------------------------------------------------------
META="$WORK/meta.json"
versions="$("$PY" - <<'EOF'
import importlib, json
found = {}
for name in ("polars", "pandas", "numpy", "torch"):
    try:
        found[name] = importlib.import_module(name).__version__
    except ImportError:
        pass
print(json.dumps(found))
EOF
)"
QUICK="$QUICK" VERSIONS="$versions" "$PY" - "$META" <<'EOF'
import datetime, json, os, platform, subprocess, sys
def first_line(command):
    try:
        text = subprocess.run(command, capture_output=True, text=True, shell=True).stdout
        return text.strip().splitlines()[0] if text.strip() else None
    except OSError:
        return None
def lscpu(field):
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if line.startswith(field + ":"):
            return line.split(":", 1)[1].strip()
    return None
with open("/proc/meminfo") as meminfo:
    total_kib = int(meminfo.readline().split()[1])
versions = json.loads(os.environ["VERSIONS"])
versions.update({
    "python": platform.python_version(),
    "miller": first_line("mlr --version"),
    "awk": first_line("awk -W version 2>/dev/null || awk --version"),
    "hyperfine": first_line("hyperfine --version"),
    "swift": first_line("swift --version 2>&1"),
})
meta = {
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "quick": os.environ["QUICK"] == "1",
    "machine": {
        "cpu": lscpu("Model name"),
        "cores": os.cpu_count(),
        "memory_gib": round(total_kib / 1024 / 1024, 1),
        "load_average_at_end": os.getloadavg(),
    },
    "versions": versions,
}
with open(sys.argv[1], "w") as out:
    json.dump(meta, out)
EOF

# --- Correctness: ewa's output against pandas adjust=True ----------------------------------------
# check NAME OUTPUT: compare OUTPUT's temp_ewa_0.9 with pandas, store the counts under NAME.
check() {
  local name="$1" output="$2"
  if [ ! -s "$output" ]; then
    echo "skip: $name: no output to check ($output)" >&2
    return 0
  fi
  say "$name: $output against pandas ewm(alpha=0.1, adjust=True), exact"
  if ! "$PY" "$BENCH/check_pandas_equal.py" "$INPUT" "$output" >"$WORK/$name.json"; then
    echo "$name: the output could not be compared (see above)" >&2
    return 0
  fi
  cat "$WORK/$name.json" >&2
  "$PY" - "$META" "$WORK/$name.json" "$name" <<'EOF'
import json, sys
meta = json.load(open(sys.argv[1]))
meta.setdefault("checks", {})[sys.argv[3]] = json.load(open(sys.argv[2]))
json.dump(meta, open(sys.argv[1], "w"))
EOF
}
check ewa_smooth_vs_pandas "$OUT/ewa.csv"
# For context: how far the fastest peer is from pandas' values.
check polars_vs_pandas "$OUT/polars.csv"

say "results ($RESULTS)"
"$PY" "$BENCH/report.py" summarize "$JOBS" "$RESULTS" --meta "$META"
