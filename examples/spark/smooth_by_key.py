"""Job 1, many series: each key's rows smoothed in time order by `ewa smooth --group-by`, as the
command of a Spark SQL TRANSFORM (the Hive streaming idiom).

    SELECT TRANSFORM (key, time, v...) USING 'ewa smooth --no-header --delimiter ctrl-a
                                             --group-by 1 --column 3 ... <decay>'
           AS (key, time, v..., v_ewa_...)
    FROM (SELECT ... FROM readings DISTRIBUTE BY key SORT BY key, time)

DISTRIBUTE BY puts all rows of a key in one partition and SORT BY orders each partition by key,
then time, so each ewa process sees every row of its keys, in order: the result is the one a
single process gives for the whole input. ewa must be on the PATH of every worker (or --ewa).

Usage:
  spark-submit smooth_by_key.py --input readings.csv --key sensor --time t --value v \\
      --decay="--alpha 0.01" --output smoothed/ [--output-format text|parquet]

Output `text`: ewa's rows exactly as it printed them (comma-separated, no header, part files in
no particular key order). `parquet`: typed columns, the values and averages as doubles (a
missing average is NULL).
"""

import shlex

from pyspark.sql import functions as F

import ewa_spark


def main():
    parser = ewa_spark.job_arguments("Smooth many series with ewa in Spark.",
                                     "the key is field 1, the time 2, the values from 3")
    parser.add_argument("--key", required=True, help="the column naming the series")
    parser.add_argument("--output-format", default="parquet", choices=["text", "parquet"])
    parser.add_argument("--partitions", type=int, default=None, help="spark.sql.shuffle.partitions")
    args = parser.parse_args()

    spark = ewa_spark.session("ewa smooth_by_key", args.master)
    if args.partitions:
        spark.conf.set("spark.sql.shuffle.partitions", str(args.partitions))

    columns = [args.key, args.time, *args.value]
    frame = ewa_spark.read_input(spark, args.input, args.input_format).select(*columns)
    frame.createOrReplaceTempView("ewa_input")

    smooth_args = ["--group-by", "1", *ewa_spark.value_columns(3, len(args.value)),
                   *shlex.split(args.decay)]
    names = ewa_spark.output_names(args.ewa, columns, smooth_args)
    command = ewa_spark.shell_command([args.ewa, "smooth", *ewa_spark.HIVE_ROWS, *smooth_args])
    q = ewa_spark.identifier
    # Text keeps ewa's digits (every output column a string); Parquet asks TRANSFORM for typed
    # columns: the key and time as read, the values and averages as doubles (an empty field, a
    # missing average, and a copied \N are NULL).
    types = dict(frame.dtypes)
    output_types = [
        "string" if args.output_format == "text" else types[n] if i < 2 else "double"
        for i, n in enumerate(names)
    ]
    query = """
        SELECT TRANSFORM ({fields}) USING {command} AS ({outputs})
        FROM (SELECT {fields} FROM ewa_input DISTRIBUTE BY {key} SORT BY {key}, {order})
    """.format(
        fields=", ".join(q(c) for c in columns),
        command=ewa_spark.sql_string(command),
        outputs=", ".join(q(n) + " " + t for n, t in zip(names, output_types)),
        key=q(args.key),
        order=ewa_spark.time_order(args.time),
    )
    smoothed = spark.sql(query)

    if args.output_format == "text":
        line = F.concat_ws(",", *[F.coalesce(F.col(q(n)), F.lit("")) for n in names])
        smoothed.select(line.alias("value")).write.mode("overwrite").text(args.output)
    else:
        smoothed.write.mode("overwrite").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
