import EWAIO

/// What to smooth, decided once from the header (and the first rows, when the columns are chosen
/// automatically) and the options: every path of ``SmoothKernel`` reads it and none changes it.
public struct SmoothLayout: Sendable {
  public let options: SmoothOptions
  /// The number of fields of every record.
  public let fieldCount: Int
  /// The column names: the header's, or `1`, `2`, … without one.
  public let names: [String]
  public let delimiter: UInt8
  /// The output's line end: the input's first record's (LF or CRLF).
  public let lineEnd: [UInt8]
  public let groupColumn: Int?
  public let timeColumn: Int?
  /// The smoothed columns' indices, in output order.
  public let smoothed: [Int]
  /// With `--replace`, for each input field the smoothed column that overwrites it, or -1.
  let replacement: [Int]
  /// Whether the record is written whole (without `--replace`).
  let copiesRecord: Bool

  init(
    options: SmoothOptions, fieldCount: Int, names: [String], delimiter: UInt8, lineEnd: [UInt8],
    groupColumn: Int?, timeColumn: Int?, smoothed: [Int]
  ) {
    self.options = options
    self.fieldCount = fieldCount
    self.names = names
    self.delimiter = delimiter
    self.lineEnd = lineEnd
    self.groupColumn = groupColumn
    self.timeColumn = timeColumn
    self.smoothed = smoothed
    replacement = (0..<fieldCount).map { index in
      options.replace ? smoothed.firstIndex(of: index) ?? -1 : -1
    }
    copiesRecord = !options.replace
  }

  /// The number of decays.
  public var decayCount: Int { options.decays.count }

  /// The names of the columns added to the output, in order.
  public var addedNames: [String] {
    ColumnNames.generated(
      input: names, smoothed: smoothed, suffixes: options.decays.map(\.suffix),
      replace: options.replace, standardDeviation: options.standardDeviation)
  }

  /// An empty state for these columns and options, holding `groups`.
  public func state(groups: [SmoothState.Group]) -> SmoothState {
    SmoothState(
      columns: smoothed.map { names[$0] }, decays: options.decays, initial: options.initial,
      ignoreMissing: options.ignoreMissing, standardDeviation: options.standardDeviation,
      groupBy: options.groupBy, time: options.time, groups: groups)
  }

  /// Writes the header line: the input's header as written, then the added names.
  public func writeHeader(_ record: CSVRecord, to output: OutputBuffer) throws(IOError) {
    for index in 0..<record.count {
      if index > 0 { try output.append(delimiter) }
      try output.append(record.raw(index))
    }
    for name in addedNames {
      try output.append(delimiter)
      try CSVWriter.appendField(name, delimiter: delimiter, to: output)
    }
    for byte in lineEnd { try output.append(byte) }
  }

  /// Whether `record` is a blank line (a single empty field where more are expected), which is
  /// passed over.
  @inline(__always)
  func isBlank(_ record: CSVRecord) -> Bool {
    record.count == 1 && fieldCount != 1 && record.spans[0].start == record.spans[0].end
  }
}
