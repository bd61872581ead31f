"""Write the benchmark input: a `t,sensor,temp` CSV, the same bytes on every machine.

Rows come in hours; each hour has one row per sensor (16 sensors interleaved, `s00`..`s15`).
`t` is the hour since 1970-01-01 (438288 is 2020-01-01T00), and `temp` is a daily sine with a
per-sensor phase and offset plus Gaussian noise, printed with two decimals:

    temp = 15 + 0.5·s + 8·sin(2π·(h mod 24)/24 + s·π/8) + N(0, 1)

The noise comes from numpy's PCG64 with a fixed seed, whose stream numpy keeps stable across
versions, so 2,000,000 rows are always the same 34 MB (the script prints their SHA-256).

Usage: python generate_input.py ROWS OUTPUT
"""

import hashlib
import os
import sys

import numpy as np

SENSORS = 16
FIRST_HOUR = 438288
SEED = 20260101
CHUNK_HOURS = 62_500  # 1,000,000 rows per chunk


def main() -> None:
    rows = int(sys.argv[1])
    output = sys.argv[2]
    if rows <= 0 or rows % SENSORS:
        sys.exit(f"generate_input.py: ROWS must be a positive multiple of {SENSORS}, not {rows}")
    hours = rows // SENSORS
    rng = np.random.Generator(np.random.PCG64(SEED))
    sensor = np.arange(SENSORS)
    names = [f"s{s:02d}" for s in range(SENSORS)]
    digest = hashlib.sha256()
    temporary = output + ".partial"
    with open(temporary, "w", encoding="ascii", newline="\n") as out:
        header = "t,sensor,temp\n"
        out.write(header)
        digest.update(header.encode())
        for first in range(0, hours, CHUNK_HOURS):
            count = min(CHUNK_HOURS, hours - first)
            hour = np.arange(first, first + count)[:, None]
            phase = 2 * np.pi * (hour % 24) / 24 + sensor[None, :] * np.pi / 8
            noise = rng.standard_normal((count, SENSORS))
            temp = 15 + 0.5 * sensor[None, :] + 8 * np.sin(phase) + noise
            # Round once here so that the text and any reader agree on the value; +0.0 turns a
            # rounded -0.0 into 0.0 so that no "-0.00" is printed.
            temp = np.round(temp, 2) + 0.0
            lines = []
            for h in range(count):
                stamp = FIRST_HOUR + first + h
                values = temp[h]
                lines.extend(
                    f"{stamp},{names[s]},{values[s]:.2f}\n" for s in range(SENSORS)
                )
            text = "".join(lines)
            out.write(text)
            digest.update(text.encode())
    os.replace(temporary, output)
    size = os.path.getsize(output)
    print(f"{output}: {rows} rows, {size / 1e6:.1f} MB, sha256 {digest.hexdigest()}")


if __name__ == "__main__":
    main()
