"""Checks job 2's output against one sequential `ewa smooth` pass, row by row.

Usage: python3 compare_series.py SINGLE.csv PART_DIR [--tolerance 1e-12]

SINGLE.csv is ewa's output for the whole series (with its header); PART_DIR holds job 2's part
files (no header), whose names sort in partition order. Rows must match in number and in their
copied fields; each average must agree within the tolerance relative to max(|a|, |b|), and an
empty (missing) field must be empty in both. Prints the largest relative difference.
"""

import argparse
import glob
import os
import sys


def parts(directory):
    for path in sorted(glob.glob(os.path.join(directory, "part-*"))):
        with open(path) as lines:
            for line in lines:
                yield line.rstrip("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("single")
    parser.add_argument("parts")
    parser.add_argument("--tolerance", type=float, default=1e-12)
    args = parser.parse_args()
    worst, rows = 0.0, 0
    with open(args.single) as single:
        header = single.readline().rstrip("\n").split(",")
        copied = len(header) - sum(1 for name in header if "_ewa_" in name or "_ewstd_" in name)
        spark_rows = parts(args.parts)
        for rows, line in enumerate(single, start=1):
            expected = line.rstrip("\n").split(",")
            got = next(spark_rows, None)
            if got is None:
                sys.exit("job 2 has %d rows, one pass %s or more" % (rows - 1, rows))
            got = got.split(",")
            if got[:copied] != expected[:copied] or len(got) != len(expected):
                sys.exit("row %d differs: %r against one pass's %r" % (rows, got, expected))
            for a, b in zip(got[copied:], expected[copied:]):
                if (a == "") != (b == ""):
                    sys.exit("row %d: %r against one pass's %r" % (rows, got, expected))
                if a:
                    x, y = float(a), float(b)
                    scale = max(abs(x), abs(y), 1e-300)
                    worst = max(worst, abs(x - y) / scale)
        if next(spark_rows, None) is not None:
            sys.exit("job 2 has more rows than one pass's %d" % rows)
    print("job 2: %d rows, largest relative difference %.3g (tolerance %g)"
          % (rows, worst, args.tolerance))
    if worst > args.tolerance:
        sys.exit(1)


if __name__ == "__main__":
    main()
