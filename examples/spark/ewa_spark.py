"""What both Spark jobs share: reading the input, quoting a command, and running `ewa smooth`.

ewa reads and writes Hive/Spark text rows: fields separated by \\x01 (`--delimiter ctrl-a`), no
header (`--no-header`), SQL NULL written `\\N` (a missing cell to ewa). A missing average is an
empty field, which Spark reads back as NULL for a typed (double) column.
"""

import argparse
import os
import shlex
import subprocess
import tempfile
import threading

# The flags that make ewa read and write the rows Spark's TRANSFORM and these jobs exchange.
HIVE_ROWS = ["--no-header", "--delimiter", "ctrl-a"]


def job_arguments(description, fields):
    """The options both jobs take; `fields` says how ewa numbers the fields (for --decay's help).
    A job adds its own (the key, the partitions) to the parser returned."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--input", required=True)
    parser.add_argument("--input-format", default="csv", choices=["csv", "parquet"])
    parser.add_argument("--time", required=True, help="the column that orders each series")
    parser.add_argument("--value", action="append", required=True, help="a column to smooth")
    parser.add_argument("--decay", default="--alpha 0.1",
                        help="ewa smooth options for the decay (%s)" % fields)
    parser.add_argument("--output", required=True)
    parser.add_argument("--ewa", default="ewa", help="the ewa executable on the workers")
    parser.add_argument("--master", default=None, help="e.g. local[2]; spark-submit sets it")
    return parser


def session(name, master):
    """The Spark session, on `master` when given (spark-submit gives it otherwise)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(name)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def value_columns(first_field, count):
    """`--column` options for `count` values numbered from `first_field`."""
    return sum((["--column", str(first_field + i)] for i in range(count)), [])


def read_input(spark, path, input_format):
    """The input as a DataFrame: CSV with a header (every column read as text, so values reach
    ewa exactly as written) or Parquet (typed; Spark turns each value into text for ewa)."""
    if input_format == "csv":
        return spark.read.option("header", True).option("inferSchema", False).csv(path)
    if input_format == "parquet":
        return spark.read.parquet(path)
    raise SystemExit("--input-format must be csv or parquet, not %r" % input_format)


def time_order(column):
    """SQL that orders by a time column: numerically when it holds numbers, else as text (ISO
    8601 timestamps sort chronologically as text)."""
    quoted = identifier(column)
    return "try_cast(%s AS double), %s" % (quoted, quoted)


def identifier(name):
    """`name` as a Spark SQL identifier."""
    return "`" + name.replace("`", "``") + "`"


def sql_string(text):
    """`text` as a Spark SQL string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def shell_command(words):
    """`words` as one shell command line (Spark runs a TRANSFORM's command with /bin/bash -c)."""
    return " ".join(shlex.quote(word) for word in words)


def output_names(ewa, header, smooth_args):
    """The names of ewa's output columns for an input with `header`, from ewa itself: it prints
    the header of a header-only input without reading any row."""
    result = subprocess.run(
        [ewa, "smooth", *smooth_args],
        input=(",".join(header) + "\n").encode(),
        capture_output=True,
    )
    if result.returncode != 0:
        raise SystemExit("ewa smooth %s: %s" % (shell_command(smooth_args), result.stderr.decode().strip()))
    return result.stdout.decode().rstrip("\n").split(",")


class EwaFailed(RuntimeError):
    """ewa exited with a non-zero status; the message carries its one-line error."""


def run_smooth(ewa, smooth_args, lines, keep_output=True):
    """Runs `ewa smooth` on `lines` (text rows without line ends) and yields its output lines.

    The rows are written from a thread while the output is read, so neither pipe fills up. A
    non-zero exit raises EwaFailed with ewa's message, which Spark shows in the task's error.
    """
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [ewa, "smooth", *smooth_args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
            stderr=errors,
        )

        def feed():
            try:
                batch = []
                for line in lines:
                    batch.append(line)
                    if len(batch) == 8192:
                        process.stdin.write(("\n".join(batch) + "\n").encode())
                        batch.clear()
                if batch:
                    process.stdin.write(("\n".join(batch) + "\n").encode())
            except BrokenPipeError:
                pass  # ewa stopped early; its status says why
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        if keep_output:
            for line in process.stdout:
                yield line.decode().rstrip("\n")
        writer.join()
        status = process.wait()
        if status != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise EwaFailed("ewa smooth exited with status %d: %s" % (status, message))


def scratch_file(text=None, suffix=".json"):
    """A new temporary file's path, holding `text` when given (the caller removes it)."""
    descriptor, path = tempfile.mkstemp(prefix="ewa-spark-", suffix=suffix)
    with os.fdopen(descriptor, "w") as out:
        if text is not None:
            out.write(text)
    return path
