import EWA
import Foundation

/// A small comma-separated table read whole for a plot: a header line, then rows of the same
/// number of fields. No quoting (a field holding a quote is refused, not misread); CRLF and a
/// UTF-8 byte-order mark are accepted. The plot commands use it until they share `ewa smooth`'s
/// streaming reader.
struct PlotTable {
  /// The file name, or `standard input`.
  let source: String
  /// The column names.
  let header: [String]
  /// The rows' fields, with the 1-based line number of each row.
  let rows: [(line: Int, fields: [Substring])]

  /// The cells taken as missing numbers (compared lowercased), as `ewa smooth` does.
  static let missing: Set<String> = ["", "na", "nan", "null", "n/a"]

  /// Reads `path`, or standard input for `-`.
  ///
  /// - Throws: ``PlotFileError`` for a file that cannot be read, an empty file, a quoted field
  ///   or a row whose field count differs from the header's.
  static func read(_ path: String) throws(PlotFileError) -> PlotTable {
    let source = path == "-" ? "standard input" : path
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: path) else {
        throw PlotFileError(kind: .input, message: "cannot open \(path): no such readable file")
      }
      data = contents
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw PlotFileError(kind: .data, message: "\(source) is not UTF-8 text")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .map {
        (line: $0.offset + 1, text: $0.element.hasSuffix("\r") ? $0.element.dropLast() : $0.element)
      }
      .filter { !$0.text.isEmpty }
    guard !lines.isEmpty else {
      throw PlotFileError(kind: .data, message: "\(source) is empty; expected a header line")
    }
    let headerLine = lines.removeFirst()
    let header = headerLine.text.split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    var rows: [(line: Int, fields: [Substring])] = []
    for (number, line) in [(headerLine.line, headerLine.text)] + lines.map({ ($0.line, $0.text) }) {
      if let quote = line.firstIndex(of: "\"") {
        let column = line.distance(from: line.startIndex, to: quote) + 1
        throw PlotFileError(
          kind: .data,
          message:
            "\(source), line \(number), character \(column): quoted fields are not read by the plot commands yet"
        )
      }
      guard number != headerLine.line else { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == header.count else {
        throw PlotFileError(
          kind: .data,
          message:
            "\(source), line \(number): \(fields.count) fields where the header has \(header.count): \"\(line)\""
        )
      }
      rows.append((number, fields))
    }
    return PlotTable(source: source, header: header, rows: rows)
  }

  /// The index of the column named `name`.
  func index(of name: String) throws(PlotFileError) -> Int {
    guard let index = header.firstIndex(of: name) else {
      throw PlotFileError(
        kind: .usage,
        message:
          "\(source) has no column \"\(name)\"; its columns are \(header.joined(separator: ", "))")
    }
    return index
  }

  /// The numbers in column `name`, NaN for a missing cell when `allowMissing`.
  func numbers(_ name: String, allowMissing: Bool = false) throws(PlotFileError) -> [Double] {
    let column = try index(of: name)
    var values: [Double] = []
    values.reserveCapacity(rows.count)
    for row in rows {
      let text = row.fields[column].trimmingCharacters(in: .whitespaces)
      if let value = Double(text), value.isFinite {
        values.append(value)
      } else if allowMissing && Self.missing.contains(text.lowercased()) {
        values.append(.nan)
      } else {
        throw PlotFileError(
          kind: .data,
          message: "\(source), line \(row.line), column \"\(name)\": \"\(text)\" is not a number")
      }
    }
    return values
  }

  /// The values of column `name` as numbers, or, when its first cell is not a number, as dates
  /// and times in seconds since 1970 UTC (`YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by
  /// `T` or a space and `HH:MM[:SS[.fff]]`, optionally `Z`).
  ///
  /// - Returns: the values, and whether they are times.
  func positions(_ name: String) throws(PlotFileError) -> (values: [Double], areTimes: Bool) {
    let column = try index(of: name)
    guard let first = rows.first,
      Double(first.fields[column].trimmingCharacters(in: .whitespaces)) == nil
    else { return (try numbers(name), false) }
    var values: [Double] = []
    for row in rows {
      let text = row.fields[column].trimmingCharacters(in: .whitespaces)
      guard let seconds = CalendarTime.seconds(from: text) else {
        throw PlotFileError(
          kind: .data,
          message:
            "\(source), line \(row.line), column \"\(name)\": \"\(text)\" is not a date (YYYY-MM-DD[THH:MM[:SS]])"
        )
      }
      values.append(seconds)
    }
    return (values, true)
  }
}

/// A plot input that cannot be read or an output that cannot be written, as one sentence naming
/// the file (and for bad data the line and column).
struct PlotFileError: CategorizedError {
  let kind: FailureKind
  let message: String
  var description: String { message }
}
