#!/bin/sh
# Builds the libFuzzer targets against the library sources and runs each for SECONDS.
#
#   Tests/Fuzz/run.sh SECONDS [TARGET...]
#
# Targets: csv number time duration state checkpoint (all by default). Each is built with
# `swiftc -sanitize=fuzzer,address` into .build-fuzz/ (git-ignored; not part of `swift build` or
# `swift test`), starts from the committed seeds in Tests/Fuzz/corpus/<target>/ plus what earlier
# runs found (.build-fuzz/corpus/<target>/), and writes its log and any crashing input to
# $FUZZ_LOG_DIR (default .build-fuzz/logs). Exits non-zero, naming the target, when one finds a
# crash, a leak or a timeout.
set -eu

if [ $# -lt 1 ]; then
  echo "usage: Tests/Fuzz/run.sh SECONDS [csv|number|time|duration|state|checkpoint ...]" >&2
  exit 64
fi
seconds=$1
shift
targets=${*:-csv number time duration state checkpoint}

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=$root/.build-fuzz
logs=${FUZZ_LOG_DIR:-$build/logs}
mkdir -p "$build/lib" "$logs"
flags="-swift-version 6 -package-name ewa -O -g -sanitize=fuzzer,address -parse-as-library"
# ld.bfd without warnings: gold warns about every ASan helper symbol it cannot export.
linkflags="-use-ld=bfd -Xlinker --no-warnings"

# The libraries, as static archives with their modules (same sources as the package).
library() {
  name=$1
  shift
  # shellcheck disable=SC2086
  swiftc $flags -module-name "$name" -I "$build/lib" -I "$build/lib/_CPUFeatures" -emit-module \
    -emit-module-path "$build/lib/$name.swiftmodule" -emit-library -static \
    -o "$build/lib/lib$name.a" "$@"
}
# Rebuilt when a library source (or this script) is newer than the last archive built.
stamp=$build/lib/libEWATrain.a
if [ ! -f "$stamp" ] || [ -n "$(find Sources/EWA Sources/EWAIO Sources/_CPUFeatures Sources/_EWATrainAVX2 Sources/EWASmooth Sources/EWATrain Tests/Fuzz/run.sh -newer "$stamp")" ]; then
  echo "building the libraries into $build/lib" >&2
  # From a copy, so that editing the sources meanwhile does not break the build.
  rm -rf "$build/src"
  mkdir -p "$build/src"
  cp -R Sources/EWA Sources/EWAIO Sources/_CPUFeatures Sources/_EWATrainAVX2 Sources/EWASmooth \
    Sources/EWATrain "$build/src/"
  library EWA "$build"/src/EWA/*.swift
  library EWAIO "$build"/src/EWAIO/*.swift
  # The cpuid check (C) with a module map, and the optimizer steps' AVX2 build, as SwiftPM
  # builds them for EWATrain.
  clang -O1 -I "$build/src/_CPUFeatures/include" -c "$build/src/_CPUFeatures/CPUFeatures.c" -o "$build/lib/CPUFeatures.o"
  ar rcs "$build/lib/lib_CPUFeatures.a" "$build/lib/CPUFeatures.o"
  mkdir -p "$build/lib/_CPUFeatures"
  printf 'module _CPUFeatures {\n  header "%s"\n  export *\n}\n' \
    "$build/src/_CPUFeatures/include/CPUFeatures.h" >"$build/lib/_CPUFeatures/module.modulemap"
  avx2=""
  [ "$(uname -m)" = x86_64 ] && avx2="-target-cpu haswell"
  portable=$flags
  flags="$flags $avx2"
  library _EWATrainAVX2 "$build"/src/_EWATrainAVX2/*.swift
  flags=$portable
  library EWASmooth "$build"/src/EWASmooth/*.swift
  library EWATrain "$build"/src/EWATrain/*.swift
fi

source_of() {
  case $1 in
  csv) echo CSVReaderFuzz.swift ;;
  number) echo NumberFuzz.swift ;;
  time) echo TimeFuzz.swift ;;
  duration) echo DurationFuzz.swift ;;
  state) echo StateFuzz.swift ;;
  checkpoint) echo CheckpointFuzz.swift ;;
  *) echo "run.sh: unknown target $1" >&2; exit 64 ;;
  esac
}

failed=""
for target in $targets; do
  file=$(source_of "$target")
  binary=$build/fuzz-$target
  echo "building $target" >&2
  # shellcheck disable=SC2086
  swiftc $flags $linkflags -module-name "Fuzz_$target" -I "$build/lib" -L "$build/lib" \
    -lEWATrain -l_EWATrainAVX2 -l_CPUFeatures -lEWASmooth -lEWAIO -lEWA \
    -I "$build/lib/_CPUFeatures" "Tests/Fuzz/$file" Tests/Fuzz/FuzzSupport.swift -o "$binary"
  corpus=$build/corpus/$target
  mkdir -p "$corpus"
  echo "running $target for $seconds s (log: $logs/$target.log)" >&2
  # The Swift backtracer would read memory ASan watches; libFuzzer prints the stack itself.
  if SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$root/Tests/Fuzz/lsan.supp" "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$logs/$target-" "$corpus" \
    "Tests/Fuzz/corpus/$target" >"$logs/$target.log" 2>&1; then
    tail -n 12 "$logs/$target.log" | grep -E '^(stat::|#[0-9]+ +DONE)' >&2 || true
  else
    echo "run.sh: the $target target failed; see $logs/$target.log" >&2
    grep -E '^(==[0-9]+==ERROR|Fatal error|SUMMARY|artifact_prefix|Test unit written)' \
      "$logs/$target.log" | head -n 5 >&2 || true
    failed="$failed $target"
  fi
done

if [ -n "$failed" ]; then
  echo "run.sh: crashes found by:$failed" >&2
  exit 1
fi
