import EWAIO

/// A history file read whole with EWAIO's CSV reader (quoted fields, CRLF, a byte-order mark and
/// the delimiter detected): the header, then rows of as many fields, each with its line number
/// for messages; blank lines are skipped.
struct HistoryTable {
  /// The file's name in messages.
  let source: String
  /// The column names.
  let header: [String]
  /// The data rows' decoded fields.
  let rows: [[String]]
  /// The line on which each data row starts (1-based).
  let lines: [Int]

  /// Reads a table from `bytes`.
  ///
  /// - Throws: ``IOError`` for malformed CSV, ``TrainingError`` (data) for an input without a
  ///   header or a row whose field count differs from the header's.
  init(_ bytes: [UInt8], source: String) throws {
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
        throw TrainingError.data(
          "\(MessageText.inline(source)), line \(reader.line): expected \(names.count) fields "
            + "like the first line, found \(fields.count)")
      }
      rows.append(fields)
      lines.append(reader.line)
    }
    guard let header else {
      throw TrainingError.data("\(MessageText.inline(source)) is empty; expected a header line")
    }
    self.source = source
    self.header = header
    self.rows = rows
    self.lines = lines
  }

  /// Whether the table has a column named `name`.
  func has(_ name: String) -> Bool { header.contains(name) }

  /// The numbers in column `name` (which the table has), NaN where a cell is missing (empty, NA,
  /// NaN, null, N/A).
  ///
  /// - Throws: ``TrainingError`` (data) naming line, column and text for any other cell that is
  ///   not a number.
  func numbers(_ name: String) throws(TrainingError) -> [Double] {
    let column = header.firstIndex(of: name)!
    return try rows.indices.map { (r) throws(TrainingError) in
      var bytes = Array(rows[r][column].utf8)
      let value = bytes.withUnsafeMutableBufferPointer { buffer in
        let cell = UnsafeBufferPointer(buffer)
        return MissingCell.isMissing(cell) ? .nan : NumberText.parse(cell)
      }
      guard let value else {
        throw .data(
          "\(MessageText.inline(source)), line \(lines[r]), column \(MessageText.quoted(name)): "
            + MessageText.notANumber(rows[r][column]))
      }
      return value
    }
  }
}
