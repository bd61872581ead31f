import EWA
import EWAIO
import EWASmooth

/// One column of a CSV input smoothed by `ewa smooth`'s own engine (``SmoothKernel``), with what
/// the smooth figure needs: the x values, the observations and one curve per decay.
///
/// The curves are the numbers `ewa smooth` prints for the same options, taken from the kernel as
/// typed values: with `--time` and `--halflife` durations the past decays by elapsed time,
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
    var options = try self.options(column: column, decays: decays, initial: initial, time: time)
    if compareWithZeroStart && options.time != nil {
      throw SmoothError.invalidOption(
        "--compare-init draws the uncorrected V_t from V_0 = 0, whose scale 1 - β^t counts steps; "
          + "it cannot be combined with decay by elapsed time (--time with --halflife)")
    }
    var values: [Double] = []
    var curves = [[Double]](repeating: [], count: decays.count)
    var cells: [(text: String, line: Int)] = []
    var timeColumn: Int?
    let smoother = Smoother(options: options) { (kernel, record, group, line) throws(SmoothError) in
      let row = observation(kernel, group: group)
      values.append(row.value)
      for d in curves.indices { curves[d].append(row.means[d]) }
      // An unknown time column is reported after the smoother's own errors, as before.
      if let time, timeColumn == nil {
        timeColumn = try? ColumnNames.resolve(time, in: kernel.layout.names)
      }
      if let timeColumn { cells.append((record.text(timeColumn), line)) }
    }
    try smoother.process(name: name, source: MemorySource(input))
    try smoother.finish()
    guard let layout = smoother.layout else {
      throw PlotError(
        kind: .data, message: "\(MessageText.inline(name)) is empty; expected a header line")
    }
    var uncorrected: [[Double]]?
    if compareWithZeroStart {
      options.initial = .zero
      var zero = [[Double]](repeating: [], count: decays.count)
      let zeroStart = Smoother(options: options) { (kernel, _, group, _) throws(SmoothError) in
        let row = observation(kernel, group: group)
        for d in zero.indices { zero[d].append(row.means[d]) }
      }
      try zeroStart.process(name: name, source: MemorySource(input))
      try zeroStart.finish()
      uncorrected = zero
    }
    let names = layout.names
    var x = values.indices.map { Double($0 + 1) }
    var timeAxis = false
    var xLabel = "row"
    if let time {
      // The column as the header names it (its first column of that name).
      let named = names[try ColumnNames.resolve(time, in: names)]
      xLabel = named
      (x, timeAxis) = try positions(cells, column: named, file: name)
    }
    return SmoothedColumn(
      column: names[layout.smoothed[0]], x: x, timeAxis: timeAxis, xLabel: xLabel,
      values: values,
      curves: decays.indices.map { d in
        SmoothCurve(label: decays[d].legend, values: curves[d], uncorrected: uncorrected?[d])
      })
  }

  /// The options of `ewa smooth --column column` for a figure: one column, a header line, and
  /// decay by elapsed time only when `time` is given and every decay is a duration halflife.
  ///
  /// - Throws: ``SmoothError`` for options `ewa smooth` refuses.
  public static func options(
    column: String, decays: [DecaySpec], initial: SmoothOptions.Initial, time: String?
  ) throws(SmoothError) -> SmoothOptions {
    let timed = time != nil && decays.allSatisfy { $0.timeHalflife != nil }
    var options = SmoothOptions(decays: decays)
    options.columns = [column]
    options.initial = initial
    options.time = timed ? time : nil
    options.hasHeader = true
    try options.validate()
    return options
  }

  /// What the kernel holds for the row it has just folded: the observation (NaN where missing)
  /// and the average of each decay (NaN where the row has none), of the one smoothed column.
  public static func observation(_ kernel: SmoothKernel, group: Int)
    -> (value: Double, means: [Double])
  {
    return (
      kernel.value(column: 0) ?? .nan,
      (0..<kernel.layout.decayCount).map { kernel.mean(column: 0, decay: $0, group: group) ?? .nan }
    )
  }

  /// One time cell as an x position: a date or date-time (as `ewa smooth --time` reads it) in
  /// seconds since 1970 UTC, or a plain number; NaN where the cell is missing. `areDates`
  /// remembers which kind the column holds once a cell has said so.
  ///
  /// - Throws: ``SmoothError/badTimestamp(file:line:column:text:)`` for a cell that is neither,
  ///   or a number among dates (or a date among numbers).
  public static func position(
    of text: String, line: Int, column: String, file: String, areDates: inout Bool?
  ) throws(SmoothError) -> Double {
    var bytes = Array(text.utf8)
    let (missing, value) = bytes.withUnsafeMutableBufferPointer { buffer in
      let cell = UnsafeBufferPointer(buffer)
      return (MissingCell.isMissing(cell), TimeValue.parse(cell))
    }
    if missing { return .nan }
    guard let parsed = value else {
      throw .badTimestamp(file: file, line: line, column: column, text: text)
    }
    let (position, isDate): (Double, Bool) =
      switch parsed {
      case .instant(let nanoseconds): (Double(nanoseconds) / 1e9, true)
      case .number(let number): (number, false)
      }
    guard areDates ?? isDate == isDate else {
      throw .badTimestamp(file: file, line: line, column: column, text: text)
    }
    areDates = isDate
    return position
  }

  /// The time cells as x positions: dates and date-times (as `ewa smooth --time` reads them) in
  /// seconds since 1970 UTC, or plain numbers; NaN where a cell is missing.
  ///
  /// - Throws: ``SmoothError/badTimestamp(file:line:column:text:)`` for a cell that is neither,
  ///   or a number among dates (or a date among numbers).
  private static func positions(
    _ cells: [(text: String, line: Int)], column: String, file: String
  ) throws(SmoothError) -> (values: [Double], areDates: Bool) {
    var areDates: Bool?
    var values: [Double] = []
    for (text, line) in cells {
      values.append(
        try position(of: text, line: line, column: column, file: file, areDates: &areDates))
    }
    return (values, areDates ?? false)
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
