"""Job 2, one long series: smoothed in parallel, exactly, from each partition's starting state.

The series is range-partitioned by time (partition i holds an interval of times, all before
partition i+1's) and sorted within each partition. Then:

  phase 1  each partition smoothed from nothing, its output discarded, its final state kept
           (`ewa smooth --state-out`); a state is a few hundred bytes;
  scan     the driver combines the states in partition order (`ewa state combine`): the start
           of partition i is the state after partitions 0..i-1, exactly as one pass leaves it;
  phase 2  each partition smoothed from its start (`ewa smooth --state-in`), output kept.

A block of rows acts on the state as an affine map, so the result equals one sequential pass to
1e-12 relative (the bound `ewa smooth --threads` documents). ewa must be on every worker's PATH
(or --ewa). The times must be distinct: rows with equal times have no order to keep.

Usage:
  spark-submit smooth_one_series.py --input series.csv --time t --value v \\
      --decay="--alpha 0.001" --partitions 64 --output smoothed/

The output is text: ewa's rows, comma-separated without a header, one part file per partition
in time order (part-00000 first), a missing value or average an empty field.
"""

import os
import shlex
import subprocess

from pyspark import StorageLevel
from pyspark.sql import functions as F

import ewa_spark


def partition_runner(ewa, smooth_args, starts=None):
    """The function Spark runs on each partition: phase 1 (starts is None) returns
    [(index, final state text or None)], phase 2 yields the output rows."""

    def run(index, rows):
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return  # an empty partition: nothing to smooth, no state
        lines = _chain(first, rows)
        paths = []
        try:
            if starts is None:
                out = ewa_spark.scratch_file()
                paths.append(out)
                os.remove(out)  # ewa writes it atomically; it exists only if a row was read
                for _ in ewa_spark.run_smooth(ewa, [*smooth_args, "--state-out", out], lines,
                                              keep_output=False):
                    pass
                with open(out) as saved:
                    yield index, saved.read()
                return
            args = list(smooth_args)
            if starts.get(index) is not None:
                start = ewa_spark.scratch_file(starts[index])
                paths.append(start)
                args += ["--state-in", start]
            for line in ewa_spark.run_smooth(ewa, args, lines):
                yield ",".join("" if f == "\\N" else f for f in line.split("\x01"))
        finally:
            for path in paths:
                if os.path.exists(path):
                    os.remove(path)

    return run


def _chain(first, rows):
    yield first[0]
    for row in rows:
        yield row[0]


def prefix_scan(ewa, states, count):
    """Each partition's starting state (None for the first, and for those before any row):
    the combination of every earlier partition's state, in order."""
    starts, current = {}, None
    for index in range(count):
        starts[index] = current
        state = states.get(index)
        if state is None:
            continue
        if current is None:
            current = state
            continue
        a, b = ewa_spark.scratch_file(current), ewa_spark.scratch_file(state)
        try:
            result = subprocess.run([ewa, "state", "combine", a, b], capture_output=True)
        finally:
            os.remove(a)
            os.remove(b)
        if result.returncode != 0:
            raise SystemExit("ewa state combine (partition %d): %s"
                             % (index, result.stderr.decode().strip()))
        current = result.stdout.decode()
    return starts


def main():
    parser = ewa_spark.job_arguments("Smooth one long series with ewa in Spark.",
                                     "the time is field 1, the values from 2")
    parser.add_argument("--partitions", type=int, default=8, help="the time ranges")
    args = parser.parse_args()

    spark = ewa_spark.session("ewa smooth_one_series", args.master)
    spark.sparkContext.addPyFile(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "ewa_spark.py"))

    columns = [args.time, *args.value]
    frame = ewa_spark.read_input(spark, args.input, args.input_format).select(*columns)
    order = [F.expr(e) for e in ewa_spark.time_order(args.time).split(", ")]
    fields = [F.coalesce(F.col(ewa_spark.identifier(c)).cast("string"), F.lit("\\N"))
              for c in columns]
    # Range bounds come from a sample whose seeds are fixed, so a recomputed partition holds
    # the same rows; persisting keeps both phases on one partitioning without recomputing.
    rows = (frame.repartitionByRange(args.partitions, *order).sortWithinPartitions(*order)
            .select(F.concat_ws("\x01", *fields)).rdd.persist(StorageLevel.MEMORY_AND_DISK))

    smooth_args = [*ewa_spark.HIVE_ROWS,
                   *ewa_spark.value_columns(2, len(args.value)),
                   *shlex.split(args.decay)]
    states = dict(rows.mapPartitionsWithIndex(partition_runner(args.ewa, smooth_args)).collect())
    starts = prefix_scan(args.ewa, states, rows.getNumPartitions())
    smoothed = rows.mapPartitionsWithIndex(partition_runner(args.ewa, smooth_args, starts))
    spark.createDataFrame(smoothed.map(lambda line: (line,)), "value string") \
        .write.mode("overwrite").text(args.output)
    rows.unpersist()
    spark.stop()


if __name__ == "__main__":
    main()
