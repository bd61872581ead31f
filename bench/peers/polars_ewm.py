"""Peer: polars `read_csv` + `ewm_mean(alpha=0.1)` + `write_csv` (adjust=True, polars' default).

Adds `temp_ewa_0.9` after the input columns, as `ewa smooth --beta 0.9 --column temp` does.
With `--over sensor` the average is computed per sensor (`.over("sensor")`).

Usage: python polars_ewm.py INPUT OUTPUT [--over COLUMN]
"""

import sys

import polars as pl


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    average = pl.col("temp").ewm_mean(alpha=0.1)
    if len(sys.argv) == 5 and sys.argv[3] == "--over":
        average = average.over(sys.argv[4])
    frame = pl.read_csv(source).with_columns(average.alias("temp_ewa_0.9"))
    frame.write_csv(target)


if __name__ == "__main__":
    main()
