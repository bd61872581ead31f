"""Check: a smoothed column (ewa's, or a peer's) equals pandas `ewm(alpha=1-β, adjust=True).mean()` exactly.

Both sides are read as text and parsed with Python's `float` (correctly rounded, as ewa's parser
must be), then compared with `==`; two missing values count as equal. Prints one JSON object:
rows, compared, differing, max_abs_difference, first_difference (row, output, pandas) or null.
Exits 0 when it could compare (whatever the count), 1 when the output is not what it should be
(missing column, different row count).

Usage: python check_pandas_equal.py INPUT EWA_OUTPUT [--column temp] [--beta 0.9]
"""

import argparse
import json
import sys

import numpy as np
import pandas as pd


def doubles(text: pd.Series) -> np.ndarray:
    """The Doubles a column's text denotes; an empty cell is NaN."""
    return np.fromiter((float(cell) if cell else np.nan for cell in text), np.float64, len(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("ewa_output")
    parser.add_argument("--column", default="temp")
    parser.add_argument("--beta", default="0.9")
    args = parser.parse_args()
    smoothed = f"{args.column}_ewa_{args.beta}"
    text = {"dtype": str, "keep_default_na": False}
    source = doubles(pd.read_csv(args.input, usecols=[args.column], **text)[args.column])
    expected = pd.Series(source).ewm(alpha=1 - float(args.beta), adjust=True).mean().to_numpy()
    produced = pd.read_csv(args.ewa_output, **text)
    if smoothed not in produced.columns:
        sys.exit(f"check: {args.ewa_output} has no column {smoothed!r} ({list(produced.columns)})")
    actual = doubles(produced[smoothed])
    if len(actual) != len(expected):
        sys.exit(f"check: {args.ewa_output} has {len(actual)} rows, the input {len(expected)}")
    both_missing = np.isnan(actual) & np.isnan(expected)
    differ = ~((actual == expected) | both_missing)
    count = int(differ.sum())
    first = None
    if count:
        row = int(np.argmax(differ))
        first = {"row": row + 1, "output": float(actual[row]), "pandas": float(expected[row])}
    with np.errstate(invalid="ignore"):
        gaps = np.abs(actual - expected)
    result = {
        "rows": len(expected),
        "compared": smoothed,
        "differing": count,
        "max_abs_difference": float(np.nanmax(gaps)) if len(gaps) else 0.0,
        "first_difference": first,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
