"""Peer: pandas `read_csv` + `ewm(alpha=0.1).mean()` + `to_csv` (adjust=True, pandas' default).

Adds `temp_ewa_0.9` after the input columns, as `ewa smooth --beta 0.9 --column temp` does.

Usage: python pandas_ewm.py INPUT OUTPUT
"""

import sys

import pandas as pd


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    frame = pd.read_csv(source)
    frame["temp_ewa_0.9"] = frame["temp"].ewm(alpha=0.1).mean()
    frame.to_csv(target, index=False)


if __name__ == "__main__":
    main()
