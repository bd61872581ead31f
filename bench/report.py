"""The benchmark's bookkeeping: record each job's measurement, then write results.json and a table.

run.sh calls `record` once per job (measured or skipped) and `summarize` at the end:

    report.py record JOBS.jsonl --name N --group G --contestant peer|ewa|floor
                     --kind time|throughput|memory --command CMD
                     [--hyperfine FILE] [--time-v FILE] [--throughput JSON] [--skipped REASON]
                     [--peer NAME:TARGET ...] [--max-peak-mib M]
    report.py summarize JOBS.jsonl RESULTS.json [--meta FILE.json]

Ratios: for timed jobs `seconds / peer seconds` (below 1 is faster than the peer), for throughput
jobs `mparams_per_s / peer mparams_per_s` (above 1 is faster), for memory jobs `peak / peer peak`.
The floor jobs (contestant `floor`: `cat FILE`, and parsing or printing the 2 M numbers alone)
have no target; a throughput floor job's "M params/s" column is millions of numbers per second.
A target is met when the ratio is at most the target (timed and memory jobs) or at least the
target (throughput jobs), and the peak stays under `--max-peak-mib` where one is given.
"""

import argparse
import json
import re
import sys
from pathlib import Path


def peak_mib(time_v: Path) -> float | None:
    """The peak resident set size that GNU time -v reported, in MiB."""
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_v.read_text())
    return int(match.group(1)) / 1024 if match else None


def record(args: argparse.Namespace) -> None:
    job = {
        "name": args.name,
        "group": args.group,
        "contestant": args.contestant,
        "kind": args.kind,
        "command": args.command,
        "peers": [dict(zip(("name", "target"), spec.split(":", 1))) for spec in args.peer],
    }
    if args.max_peak_mib is not None:
        job["max_peak_mib"] = args.max_peak_mib
    if args.skipped is not None:
        job["status"] = "skipped"
        job["reason"] = args.skipped
    else:
        job["status"] = "measured"
    if args.hyperfine:
        result = json.loads(Path(args.hyperfine).read_text())["results"][0]
        job["seconds"] = result["median"]
        job["runs"] = len(result["times"])
        job["min_seconds"] = min(result["times"])
        job["max_seconds"] = max(result["times"])
    if args.time_v:
        job["peak_mib"] = peak_mib(Path(args.time_v))
    if args.throughput:
        details = json.loads(args.throughput)
        job["seconds"] = details.pop("seconds")
        job["mparams_per_s"] = details.pop("mparams_per_s")
        job["details"] = details
    with open(args.jobs, "a", encoding="utf-8") as out:
        out.write(json.dumps(job) + "\n")


def measure(job: dict) -> float | None:
    """The figure a job's ratios are taken on, by its kind."""
    key = {"time": "seconds", "throughput": "mparams_per_s", "memory": "peak_mib"}
    return job.get(key.get(job.get("kind"), ""), None)


def summarize(args: argparse.Namespace) -> None:
    jobs = [json.loads(line) for line in Path(args.jobs).read_text().splitlines() if line]
    by_name = {job["name"]: job for job in jobs if job["status"] == "measured"}
    for job in jobs:
        ratios = {}
        met = []
        value = measure(job)
        for peer in job["peers"]:
            other = by_name.get(peer["name"])
            # A memory job compares peaks even when its peer is a timed job.
            base = other.get("peak_mib") if other and job["kind"] == "memory" else None
            base = base if base is not None else (measure(other) if other else None)
            if value is None or not base:
                continue
            ratio = value / base
            ratios[peer["name"]] = ratio
            if peer.get("target"):
                target = float(peer["target"])
                met.append(ratio >= target if job["kind"] == "throughput" else ratio <= target)
        if "max_peak_mib" in job and job.get("peak_mib") is not None:
            met.append(job["peak_mib"] <= job["max_peak_mib"])
        job["ratios"] = ratios
        job["ratio_to_peer"] = next(iter(ratios.values()), None)
        job["target_met"] = all(met) if met else None
    results = {"jobs": jobs}
    if args.meta:
        results = {**json.loads(Path(args.meta).read_text()), **results}
    Path(args.results).write_text(json.dumps(results, indent=2) + "\n")
    print(table(jobs))
    for name, check in results.get("checks", {}).items():
        print(
            f"\n{name}: {check['differing']:,} of {check['rows']:,} values differ from pandas "
            f"(largest difference {check['max_abs_difference']:.3g})"
        )


def cell(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def table(jobs: list[dict]) -> str:
    """The Markdown table of medians and ratios, one row per job."""
    lines = [
        "| job | median s | peak MiB | M params/s | ratio to | ratio | target | met |",
        "|---|---:|---:|---:|---|---:|---|---|",
    ]
    for job in jobs:
        bound = "≥" if job["kind"] == "throughput" else "≤"
        targets = ", ".join(
            f"{bound} {peer['target']}× {peer['name']}"
            for peer in job["peers"]
            if peer.get("target")
        )
        if "max_peak_mib" in job:
            targets = ", ".join(filter(None, [targets, f"peak ≤ {job['max_peak_mib']:g} MiB"]))
        if job["status"] == "skipped":
            reason = job["reason"].replace("|", "\\|")
            lines.append(
                f"| {job['name']} | not yet available: {reason} | | | | | {targets or '–'} | |"
            )
            continue
        ratio_names = ", ".join(job["ratios"]) or "–"
        ratio_values = ", ".join(f"{ratio:.3f}" for ratio in job["ratios"].values()) or "–"
        met = {True: "yes", False: "no", None: "–"}[job["target_met"]]
        seconds = job.get("seconds") if job.get("kind") != "memory" else None
        lines.append(
            f"| {job['name']} | {cell(seconds, 3)} | {cell(job.get('peak_mib'), 1)} "
            f"| {cell(job.get('mparams_per_s'), 0)} | {ratio_names} | {ratio_values} "
            f"| {targets or '–'} | {met} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    one = verbs.add_parser("record")
    one.add_argument("jobs")
    one.add_argument("--name", required=True)
    one.add_argument("--group", required=True)
    one.add_argument("--contestant", choices=["peer", "ewa", "floor"], required=True)
    one.add_argument("--kind", choices=["time", "throughput", "memory"], required=True)
    one.add_argument("--command", required=True)
    one.add_argument("--hyperfine")
    one.add_argument("--time-v")
    one.add_argument("--throughput")
    one.add_argument("--skipped")
    one.add_argument("--peer", action="append", default=[])
    one.add_argument("--max-peak-mib", type=float)
    every = verbs.add_parser("summarize")
    every.add_argument("jobs")
    every.add_argument("results")
    every.add_argument("--meta")
    args = parser.parse_args()
    if args.verb == "record":
        record(args)
    else:
        summarize(args)


if __name__ == "__main__":
    sys.exit(main())
