import EWAIO

/// The header and lookahead stage: decides the ``SmoothLayout`` from the first record (a header,
/// or a first data row) and, when the columns are chosen automatically, from the first values of
/// up to ``Smoother/lookaheadLimit`` data rows, which it holds back meanwhile.
struct LayoutPlanner {
  let options: SmoothOptions
  /// The columns of a state being resumed, used when none are given.
  let savedColumns: [String]?
  private(set) var fieldCount = 0
  private(set) var names: [String] = []
  /// The header, when the input has one.
  private(set) var header: OwnedRecord?
  private var delimiter = UInt8(ascii: ",")
  private var lineEnd: [UInt8] = [UInt8(ascii: "\n")]
  private var groupColumn: Int?
  private var timeColumn: Int?
  /// The columns given (or resumed), or nil to choose them from their first values.
  private var chosen: [Int]?
  /// Per column: whether its first non-missing value is a number, nil before one.
  private var firstValues: [Bool?] = []
  /// The data rows held back while the columns are chosen.
  private(set) var pending: [OwnedRecord] = []
  /// The number of data rows looked at.
  private var looked = 0

  init(options: SmoothOptions, savedColumns: [String]?) {
    self.options = options
    self.savedColumns = savedColumns
  }

  /// Whether the first record has been seen.
  var started: Bool { fieldCount > 0 }

  /// Whether the layout can be decided: the columns are known, or the lookahead is over.
  var isReady: Bool {
    started
      && (chosen != nil || looked >= Smoother.lookaheadLimit || !firstValues.contains(nil))
  }

  /// Whether `record`, the first of a file, is a header.
  func isHeader(_ record: CSVRecord) -> Bool {
    options.hasHeader ?? !(0..<record.count).allSatisfy {
      NumberText.parse(record.content($0)) != nil
    }
  }

  /// Takes the first record of the input; returns true if it is a header (not data).
  mutating func start(_ record: CSVRecord, reader: CSVReader<some ByteSource>)
    throws(SmoothError) -> Bool
  {
    let isHeader = isHeader(record)
    fieldCount = record.count
    delimiter = reader.delimiter
    if reader.usesCRLF == true { lineEnd = [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
    names =
      isHeader ? (0..<record.count).map { record.text($0) } : (1...record.count).map(String.init)
    if isHeader { header = OwnedRecord(record, file: reader.name, line: reader.line) }
    groupColumn = try options.groupBy.map { (name) throws(SmoothError) in try resolve(name) }
    timeColumn = try options.time.map { (name) throws(SmoothError) in try resolve(name) }
    // Explicit columns, or on resuming without them the saved ones; otherwise choose later.
    if let requested = options.columns.isEmpty ? savedColumns : options.columns {
      var columns: [Int] = []
      for name in requested {
        let index = try resolve(name)
        if !columns.contains(index) { columns.append(index) }
      }
      chosen = columns
    } else {
      firstValues = (0..<fieldCount).map { $0 == groupColumn || $0 == timeColumn ? false : nil }
    }
    return isHeader
  }

  /// The index of a column given by name or by 1-based index.
  func resolve(_ reference: String) throws(SmoothError) -> Int {
    try ColumnNames.resolve(reference, in: names)
  }

  /// Looks at a data record's first values while the columns are chosen; with `keep`, holds a
  /// copy of it back.
  mutating func look(at record: CSVRecord, file: String, line: Int, keep: Bool = true)
    throws(SmoothError)
  {
    if record.count == 1 && record.raw(0).isEmpty && fieldCount != 1 { return }
    guard record.count == fieldCount else {
      throw .fieldCount(file: file, line: line, expected: fieldCount, found: record.count)
    }
    for index in 0..<fieldCount where firstValues[index] == nil {
      let cell = record.content(index)
      if !MissingCell.isMissing(cell) { firstValues[index] = NumberText.parse(cell) != nil }
    }
    looked += 1
    if keep { pending.append(OwnedRecord(record, file: file, line: line)) }
  }

  /// Fixes the layout and hands over the rows held back.
  ///
  /// - Throws: ``SmoothError/noColumnToSmooth(available:)`` when no column qualifies.
  mutating func decide() throws(SmoothError) -> (SmoothLayout, [OwnedRecord]) {
    var smoothed = chosen ?? []
    if chosen == nil {
      // Without any data row (a header-only input), every candidate column may be numeric.
      let noData = looked == 0
      smoothed = firstValues.indices.filter {
        firstValues[$0] == true || (noData && firstValues[$0] == nil)
      }
      if smoothed.isEmpty, !noData { throw .noColumnToSmooth(available: names) }
    }
    let layout = SmoothLayout(
      options: options, fieldCount: fieldCount, names: names, delimiter: delimiter,
      lineEnd: lineEnd, groupColumn: groupColumn, timeColumn: timeColumn, smoothed: smoothed)
    let held = pending
    pending = []
    return (layout, held)
  }
}
