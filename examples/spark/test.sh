#!/usr/bin/env bash
# Runs both Spark jobs in local[2] on generated data and checks them against one ewa process:
# job 1 (smooth_by_key.py) byte for byte after sorting, job 2 (smooth_one_series.py) within 1e-12
# relative. Installs what is missing: Java 17 from Debian (openjdk-17-jre-headless, as root) and
# pyspark into examples/spark/.venv. Uses the debug ewa that `swift build` makes (the one
# `swift test` already built in CI), or $EWA when set.
#
#   examples/spark/test.sh [--rows-per-sensor N] [--series-rows N]   (defaults: 250000, 1500000)
set -euo pipefail
shopt -s inherit_errexit
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows_per_sensor=250000
series_rows=1500000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows-per-sensor) rows_per_sensor="$2"; shift 2 ;;
    --series-rows) series_rows="$2"; shift 2 ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
PYSPARK_VERSION=4.3.0 # installs with Python 3.11 and runs on Java 17

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openjdk-17-jre-headless >/dev/null
  else
    echo "test.sh: java is missing; install openjdk-17-jre-headless" >&2
    exit 69
  fi
fi
venv="$here/.venv"
if ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pyspark==$PYSPARK_VERSION"
fi
if [ -z "${EWA:-}" ]; then
  (cd "$root" && swift build --product ewa >/dev/null)
  EWA="$(cd "$root" && swift build --show-bin-path)/ewa"
fi
echo "test.sh: ewa $("$EWA" --version) at $EWA; $("$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'); $(java -version 2>&1 | head -1)"

work="$(mktemp -d "${TMPDIR:-/tmp}/ewa-spark-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$here/generate_data.py" "$work" --rows-per-sensor "$rows_per_sensor" \
  --series-rows "$series_rows"
export PYSPARK_PYTHON="$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
spark() { (cd "$here" && "$venv/bin/python" "$@" --master 'local[2]' --ewa "$EWA") 2> "$work/spark.log" \
  || { grep -v '^\s*at ' "$work/spark.log" | tail -40 >&2; return 1; }; }
seconds() { local start=$SECONDS; "$@"; echo $((SECONDS - start)); }

# Job 1: many series. 16 shuffle partitions for 6 sensors: some partitions are empty.
decay1="--alpha 0.01 --std"
t=$(seconds spark smooth_by_key.py --input "$work/readings.csv" --key sensor --time t --value v \
  --decay="$decay1" --partitions 16 --output "$work/job1" --output-format text)
echo "test.sh: job 1 (smooth_by_key.py, local[2]): ${t} s"
t=$(seconds sh -c '"$1" smooth --group-by sensor --column v $2 "$3" > "$4"' - "$EWA" "$decay1" \
  "$work/readings.csv" "$work/single1.csv")
echo "test.sh: job 1 as one process: ${t} s"
tail -n +2 "$work/single1.csv" | LC_ALL=C sort > "$work/single1.sorted"
cat "$work"/job1/part-* | LC_ALL=C sort > "$work/job1.sorted"
if ! cmp -s "$work/single1.sorted" "$work/job1.sorted"; then
  echo "test.sh: job 1 differs from one ewa process (sorted):" >&2
  diff "$work/single1.sorted" "$work/job1.sorted" | head -5 >&2
  exit 1
fi
echo "test.sh: job 1: $(wc -l < "$work/job1.sorted") rows, byte for byte equal to one process after sorting"

# Job 2: one long series, 8 range partitions.
decay2="--alpha 0.001 --std"
t=$(seconds spark smooth_one_series.py --input "$work/series.csv" --time t --value v \
  --decay="$decay2" --partitions 8 --output "$work/job2")
echo "test.sh: job 2 (smooth_one_series.py, local[2], 8 partitions): ${t} s"
t=$(seconds sh -c '"$1" smooth --column v $2 "$3" > "$4"' - "$EWA" "$decay2" "$work/series.csv" \
  "$work/single2.csv")
echo "test.sh: job 2 as one process: ${t} s"
python3 "$here/compare_series.py" "$work/single2.csv" "$work/job2" --tolerance 1e-12
echo "test.sh: both jobs agree with one ewa process"
