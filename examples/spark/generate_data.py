"""Writes the deterministic test data for examples/spark/test.sh.

readings.csv: sensor,t,v for several sensors, interleaved by time (job 1, many series);
series.csv:   t,v for one sensor at a high rate, in time order (job 2, one long series), a
              mean-reverting level around 20.
Values have three decimals; about one in 97 is missing (an empty cell). The same arguments give
the same bytes on every run (a seeded generator, fixed formatting).

Usage: python3 generate_data.py OUT_DIR [--sensors 6] [--rows-per-sensor 250000] [--series-rows 1500000]
"""

import argparse
import os
import random


def value_text(rng, level):
    """One reading near `level`, or an empty cell for a missing one."""
    if rng.random() < 1 / 97:
        return ""
    return "%.3f" % (level + rng.gauss(0, 1))


def write_readings(path, sensors, rows_per_sensor, rng):
    levels = [rng.uniform(-50, 50) for _ in range(sensors)]
    with open(path, "w", newline="") as out:
        out.write("sensor,t,v\n")
        lines = []
        for t in range(rows_per_sensor):
            for s in range(sensors):
                levels[s] += rng.gauss(0, 0.05)
                lines.append("s%02d,%d,%s\n" % (s, t, value_text(rng, levels[s])))
            if len(lines) >= 65536:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


def write_series(path, rows, rng):
    # Mean-reverting around 20 (stationary spread about 3), so the series stays far from 0 and
    # job 2's check can be relative to each value.
    level = 20.0
    with open(path, "w", newline="") as out:
        out.write("t,v\n")
        lines = []
        for t in range(rows):
            level = 20 + 0.999 * (level - 20) + rng.gauss(0, 0.13)
            lines.append("%d,%s\n" % (t, value_text(rng, level)))
            if len(lines) >= 65536:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--sensors", type=int, default=6)
    parser.add_argument("--rows-per-sensor", type=int, default=250_000)
    parser.add_argument("--series-rows", type=int, default=1_500_000)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    rng = random.Random(args.seed)
    write_readings(os.path.join(args.out_dir, "readings.csv"), args.sensors, args.rows_per_sensor, rng)
    write_series(os.path.join(args.out_dir, "series.csv"), args.series_rows, rng)


if __name__ == "__main__":
    main()
