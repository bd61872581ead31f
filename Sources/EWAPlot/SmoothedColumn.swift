import EWA
import EWAIO
import EWASmooth

/// One column of a CSV input smoothed by `ewa smooth`'s own engine (``Smoother``), with what the
/// smooth figure needs: the x values, the observations and one curve per decay.
///
/// The curves are the numbers `ewa smooth` prints for the same options, read back from its
/// output: with `--time` and `--halflife` durations the past decays by elapsed time,
/// `(1/2)^(Δt / halflife)`; otherwise by one step per row, and the time column only places the
/// points on the x axis. The input's first line is its header.
public struct SmoothedColumn: Sendable {
  /// The smoothed column's header name.
  public var column: String
  /// The x value of each row: the time column's value (seconds since 1970 UTC for dates) or the
  /// row number from 1.
  public var x: [Double]
  /// Whether `x` holds dates.
  public var timeAxis: Bool
  /// The x axis label: the time column's name, or `row`.
  public var xLabel: String
  /// The observations, NaN where missing.
  public var values: [Double]
  /// One curve per decay, NaN where the row has no observation.
  public var curves: [SmoothCurve]

  /// Smooths `column` of `input` as `ewa smooth --column column` does.
  ///
  /// - Parameters:
  ///   - input: the CSV bytes, header first.
  ///   - name: the input's name in messages.
  ///   - column: the column, by name or 1-based index.
  ///   - decays: the decays, one curve each.
  ///   - initial: how each average starts.
  ///   - time: the time column, or `nil` for the row number.
  ///   - compareWithZeroStart: also compute the uncorrected `V_t` from `V_0 = 0` of each decay.
  /// - Throws: ``SmoothError`` for bad data or options, as `ewa smooth` reports them;
  ///   ``PlotError`` for an input without a header.
  public static func smoothing(
    _ input: [UInt8], name: String, column: String, decays: [DecaySpec],
    initial: SmoothOptions.Initial = .corrected, time: String? = nil,
    compareWithZeroStart: Bool = false
  ) throws -> SmoothedColumn {
    let timed = time != nil && decays.allSatisfy { $0.timeHalflife != nil }
    if compareWithZeroStart && timed {
      throw SmoothError.invalidOption(
        "--compare-init draws the uncorrected V_t from V_0 = 0, whose scale 1 - β^t counts steps; "
          + "it cannot be combined with decay by elapsed time (--time with --halflife)")
    }
    var options = SmoothOptions(decays: decays)
    options.columns = [column]
    options.initial = initial
    options.time = timed ? time : nil
    options.hasHeader = true
    let smoothed = try smoothedTable(input, name: name, options: options)
    var uncorrected: CSVTable?
    if compareWithZeroStart {
      options.initial = .zero
      uncorrected = try smoothedTable(input, name: name, options: options)
    }
    // The input itself, for the raw values and the times with their own line numbers.
    let table = try CSVTable(input, source: name)
    let first = smoothed.header.count - decays.count
    let curves = try decays.enumerated().map { d, decay in
      SmoothCurve(
        label: decay.legend, values: try smoothed.numbers(at: first + d),
        uncorrected: try uncorrected?.numbers(at: first + d))
    }
    let raw = try table.resolve(column)
    // With one column a blank line is a row with a missing value for the smoother, while the
    // table skips it: read that column back from the smoother's output, one row per row drawn.
    let rows = table.header.count == 1 ? smoothed : table
    let values = try rows.numbers(table.header[raw])
    var x = values.indices.map { Double($0 + 1) }
    var timeAxis = false
    var xLabel = "row"
    if let time {
      xLabel = table.header[try table.resolve(time)]
      (x, timeAxis) = try rows.times(xLabel)
    }
    guard curves.allSatisfy({ $0.values.count == values.count }) else {
      throw PlotError(
        kind: .data,
        message:
          "cannot plot \(MessageText.inline(name)): its \(values.count) rows do not line up with "
          + "the \(smoothed.rows.count) rows ewa smooth makes of it")
    }
    return SmoothedColumn(
      column: table.header[raw], x: x, timeAxis: timeAxis, xLabel: xLabel, values: values,
      curves: curves)
  }

  /// Runs the smoother over `input` and reads its output back as a table.
  private static func smoothedTable(_ input: [UInt8], name: String, options: SmoothOptions)
    throws -> CSVTable
  {
    try options.validate()
    let sink = MemorySink()
    let smoother = Smoother(options: options, output: OutputBuffer(sink: sink))
    try smoother.process(name: name, source: MemorySource(input))
    try smoother.finish()
    return try CSVTable(sink.bytes, source: name)
  }
}

extension Figure {
  /// The smoothing figure of a column smoothed by ``SmoothedColumn/smoothing(_:name:column:decays:initial:time:compareWithZeroStart:)``.
  public static func smooth(_ smoothed: SmoothedColumn) -> Figure {
    smooth(
      column: smoothed.column, x: smoothed.x, values: smoothed.values, curves: smoothed.curves,
      timeAxis: smoothed.timeAxis, xLabel: smoothed.xLabel)
  }
}
