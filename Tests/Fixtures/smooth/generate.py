"""Reference outputs for `ewa smooth`, computed with pandas (run with pandas 3.1.1).

Run from anywhere:  /work/pyenv/bin/python Tests/Fixtures/smooth/generate.py

Inputs (committed beside this script, made here from data/seattle-weather.csv):
  weather-gaps.csv       the log with some cells blanked ("" or "NA") by a fixed rule
  weather-irregular.csv  the log with some rows deleted by a fixed rule (irregular dates)
Outputs: one CSV per configuration, named after the ewa options that should reproduce it, with
the columns ewa writes (<col>_ewa_<beta>, <col>_ewstd_<beta>, <col>_ewa_hl4d); a cell is empty
where the input cell is missing (ewa prints nothing there) or pandas gives NaN. Values are
printed with repr (shortest round-trip text).
"""

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
COLUMNS = ["temp_max", "temp_min", "precipitation", "wind"]
BETAS = ["0.5", "0.9", "0.98"]


def make_inputs():
    lines = (ROOT / "data" / "seattle-weather.csv").read_text().splitlines()
    header, rows = lines[0], [line.split(",") for line in lines[1:]]
    names = header.split(",")
    gaps = []
    for i, row in enumerate(rows):
        row = list(row)
        for j, name in enumerate(COLUMNS):
            k = names.index(name)
            # about one cell in seventeen, plus a run of five missing days in temp_max
            if (i * 7 + j * 13) % 17 == 0 or (name == "temp_max" and 100 <= i < 105):
                row[k] = "NA" if (i + j) % 3 == 0 else ""
        gaps.append(",".join(row))
    (HERE / "weather-gaps.csv").write_text("\n".join([header] + gaps) + "\n")
    # delete rows 1 and 3 (mod 7) and a 20-day stretch: irregular gaps of 1 to 21 days
    kept = [",".join(row) for i, row in enumerate(rows)
            if (i % 7) not in (1, 3) and not (400 <= i < 420)]
    (HERE / "weather-irregular.csv").write_text("\n".join([header] + kept) + "\n")


def text(value):
    return "" if np.isnan(value) else repr(float(value))


def write(name, frame, observed):
    """frame: output columns; observed: per output column, the input column's non-missing mask."""
    out = frame.copy().astype(object)
    for column in frame.columns:
        values = frame[column].to_numpy()
        mask = observed[column]
        out[column] = [text(v) if m else "" for v, m in zip(values, mask)]
    out.to_csv(HERE / name, index=False)


def documented_adjust_false(x, beta):
    """ewm(adjust=False, ignore_na=False) as pandas documents it: weights follow absolute
    positions, so [x0, NaN, x2] weighs x0 by (1-α)² and x2 by α (pandas 3.1.1 instead gives
    x0 the weight 1-α, pandas-dev/pandas#66523)."""
    alpha = 1 - beta
    out, average, old = np.full(len(x), np.nan), np.nan, 0.0
    for t, value in enumerate(x):
        if np.isnan(average):
            if not np.isnan(value):
                average, old = value, 1.0
        else:
            old *= beta
            if not np.isnan(value):
                if average != value:
                    average = (old * average + alpha * value) / (old + alpha)
                old = 1.0
        out[t] = average
    return out


def by_beta(frame, adjust, ignore_na, std, documented=False):
    result, observed = {}, {}
    for column in COLUMNS:
        series = frame[column]
        for b in BETAS:
            alpha = 1 - float(b)
            ewm = series.ewm(alpha=alpha, adjust=adjust, ignore_na=ignore_na)
            mean = ewm.mean()
            if documented:
                mean = pd.Series(documented_adjust_false(series.to_numpy(), float(b)))
            result[f"{column}_ewa_{b}"] = mean
            observed[f"{column}_ewa_{b}"] = series.notna().to_numpy()
        if std:
            for b in BETAS:
                alpha = 1 - float(b)
                ewm = series.ewm(alpha=alpha, adjust=adjust, ignore_na=ignore_na)
                result[f"{column}_ewstd_{b}"] = ewm.std()
                observed[f"{column}_ewstd_{b}"] = series.notna().to_numpy()
    return pd.DataFrame(result), observed


def by_time(frame, ignore_na):
    """times= with halflife 4 days; with ignore_na, each column is smoothed with its missing rows
    deleted (pandas instead drops the time elapsed over missing rows, which ewa does not copy)."""
    times = pd.to_datetime(frame["date"], format="%Y/%m/%d")
    result, observed = {}, {}
    for column in COLUMNS:
        series = frame[column]
        name = f"{column}_ewa_hl4d"
        if ignore_na:
            keep = series.notna()
            mean = series[keep].ewm(halflife="4 days", times=times[keep]).mean()
            mean = mean.reindex(series.index)
        else:
            mean = series.ewm(halflife="4 days", times=times).mean()
        result[name] = mean
        observed[name] = series.notna().to_numpy()
    return pd.DataFrame(result), observed


def main():
    make_inputs()
    weather = pd.read_csv(ROOT / "data" / "seattle-weather.csv")
    gaps = pd.read_csv(HERE / "weather-gaps.csv")
    irregular = pd.read_csv(HERE / "weather-irregular.csv")
    write("weather.corrected.csv", *by_beta(weather, True, False, std=True))
    write("weather.first.csv", *by_beta(weather, False, False, std=True))
    write("gaps.corrected.csv", *by_beta(gaps, True, False, std=True))
    write("gaps.first.csv", *by_beta(gaps, False, False, std=True, documented=True))
    write("gaps.corrected.ignore-na.csv", *by_beta(gaps, True, True, std=True))
    write("gaps.first.ignore-na.csv", *by_beta(gaps, False, True, std=True))
    write("weather.time.csv", *by_time(weather, False))
    write("irregular.time.csv", *by_time(irregular, False))
    write("gaps.time.csv", *by_time(gaps, False))
    write("gaps.time.ignore-na.csv", *by_time(gaps, True))
    with open(HERE / "VERSIONS", "w") as f:
        f.write(f"pandas {pd.__version__}\nnumpy {np.__version__}\n")


if __name__ == "__main__":
    main()
