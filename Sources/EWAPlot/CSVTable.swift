import EWA
import EWAIO
import EWASmooth

/// A small CSV table read whole with `ewa smooth`'s reader (quoted fields, CRLF, a byte-order
/// mark and the delimiter detected among comma, tab and semicolon): a header line, then rows of
/// the same number of fields, each with its line number for messages.
public struct CSVTable: Sendable {
  /// The input's name in messages (a path, or `standard input`).
  public let source: String
  /// The column names.
  public let header: [String]
  /// The data rows' decoded fields.
  public let rows: [[String]]
  /// The line on which each data row starts (1-based).
  public let lines: [Int]

  /// Reads a table from `bytes`; blank lines are skipped.
  ///
  /// - Throws: ``SmoothError`` for malformed CSV or a row whose field count differs from the
  ///   header's, ``PlotError`` for an input without a header line.
  public init(_ bytes: [UInt8], source: String) throws {
    let reader = CSVReader(name: source, source: MemorySource(bytes))
    var header: [String]?
    var rows: [[String]] = []
    var lines: [Int] = []
    while try reader.next() {
      let fields = reader.withRecord { record in (0..<record.count).map { record.text($0) } }
      if fields == [""] { continue }
      guard let names = header else {
        header = fields
        continue
      }
      guard fields.count == names.count else {
        throw SmoothError.fieldCount(
          file: source, line: reader.line, expected: names.count, found: fields.count)
      }
      rows.append(fields)
      lines.append(reader.line)
    }
    guard let header else {
      throw PlotError(
        kind: .data, message: "\(MessageText.inline(source)) is empty; expected a header line")
    }
    self.source = source
    self.header = header
    self.rows = rows
    self.lines = lines
  }

  /// Whether the table has a column named `name`.
  public func has(_ name: String) -> Bool { header.contains(name) }

  /// The index of the column named `name`.
  ///
  /// - Throws: ``PlotError`` (usage) naming the columns there are.
  public func index(of name: String) throws(PlotError) -> Int {
    guard let index = header.firstIndex(of: name) else {
      throw PlotError(
        kind: .usage,
        message:
          "\(MessageText.inline(source)) has no column \(MessageText.quoted(name)); its columns are "
          + MessageText.list(header))
    }
    return index
  }

  /// The index of a column given by name or by 1-based index, as `ewa smooth --column` takes it.
  ///
  /// - Throws: ``SmoothError`` naming the columns there are.
  public func resolve(_ reference: String) throws(SmoothError) -> Int {
    try ColumnNames.resolve(reference, in: header)
  }

  /// The numbers in column `name`, NaN where a cell is missing (empty, NA, NaN, null, N/A).
  ///
  /// - Throws: ``SmoothError/notANumber(file:line:column:text:)`` for any other cell that is not
  ///   a number, ``PlotError`` for an unknown column.
  public func numbers(_ name: String) throws -> [Double] {
    try numbers(at: try index(of: name))
  }

  /// The numbers in the column at `column`, NaN where a cell is missing.
  ///
  /// - Throws: ``SmoothError/notANumber(file:line:column:text:)`` naming line, column and text.
  public func numbers(at column: Int) throws(SmoothError) -> [Double] {
    try rows.indices.map { (r) throws(SmoothError) in
      try cell(r, column) { (cell) throws(SmoothError) in
        if MissingCell.isMissing(cell) { return .nan }
        guard let value = NumberText.parse(cell) else {
          throw .notANumber(
            file: source, line: lines[r], column: header[column], text: rows[r][column])
        }
        return value
      }
    }
  }

  /// The values of column `name` as x positions: dates and date-times (as `ewa smooth --time`
  /// reads them) in seconds since 1970 UTC, or plain numbers; NaN where a cell is missing.
  ///
  /// - Returns: the positions, and whether they are dates.
  /// - Throws: ``SmoothError/badTimestamp(file:line:column:text:)`` for a cell that is neither,
  ///   or a number among dates (or a date among numbers).
  public func times(_ name: String) throws -> (values: [Double], areDates: Bool) {
    let column = try index(of: name)
    var areDates: Bool?
    let values = try rows.indices.map { (r) throws(SmoothError) in
      try cell(r, column) { (cell) throws(SmoothError) -> Double in
        if MissingCell.isMissing(cell) { return .nan }
        let value = TimeValue.parse(cell)
        let (position, isDate): (Double, Bool) =
          switch value {
          case .instant(let nanoseconds)?: (Double(nanoseconds) / 1e9, true)
          case .number(let number)?: (number, false)
          case nil: (.nan, areDates ?? false)
          }
        guard value != nil, areDates ?? isDate == isDate else {
          throw .badTimestamp(file: source, line: lines[r], column: name, text: rows[r][column])
        }
        areDates = isDate
        return position
      }
    }
    return (values, areDates ?? false)
  }

  /// Calls `body` with the bytes of row `r`'s field `column`.
  private func cell<R>(
    _ r: Int, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(SmoothError) -> R
  ) throws(SmoothError) -> R {
    var bytes = Array(rows[r][column].utf8)
    return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(SmoothError) in
      try body(UnsafeBufferPointer(buffer))
    }
  }
}
