import EWA
import Foundation

/// Reads a small labelled CSV file whole: one column is the class label, every other column a
/// numeric feature.
///
/// The first line is the header. Fields are separated by commas; surrounding double quotes are
/// removed (quoted commas are not supported: the streaming reader of `ewa smooth` is the full one).
public enum CSVDataset {
  /// Loads `path`, taking `label` as the class column.
  ///
  /// Classes are the distinct label texts, in numeric order when all are numbers, else in text
  /// order.
  ///
  /// - Throws: ``TrainingError``: `input` when the file cannot be read, `usage` when the label
  ///   column does not exist, `data` for an empty file, a ragged row, a feature that is not a number
  ///   (naming line, column and text) or a label with fewer than two classes.
  public static func load(path: String, label: String) throws(TrainingError) -> Dataset {
    let name = MessageText.inline(path)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw TrainingError(kind: .input, message: "cannot read \(name): it is a directory.")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TrainingError(kind: .input, message: "cannot read \(name).")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .data("\(name) is not UTF-8 text.")
    }
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let header = lines.first.map(fields) else { throw .data("\(name) is empty.") }
    guard let labelColumn = header.firstIndex(of: label) else {
      throw .usage(
        "\(name) has no column \(MessageText.quoted(label)) for --label; its columns are "
          + MessageText.list(header, shown: 8) + "."
      )
    }
    guard lines.count > 1 else { throw .data("\(name) has a header but no rows.") }
    var features: [Double] = []
    var labelTexts: [String] = []
    for (index, line) in lines.enumerated().dropFirst() {
      let row = fields(line)
      guard row.count == header.count else {
        throw .data(
          "\(name) line \(index + 1) has \(row.count) fields; the header has \(header.count).")
      }
      for (c, cell) in row.enumerated() {
        if c == labelColumn {
          labelTexts.append(cell)
        } else if let x = Double(cell.trimmingCharacters(in: .whitespaces)), x.isFinite {
          features.append(x)
        } else {
          throw .data(
            "\(name) line \(index + 1), column \(MessageText.quoted(header[c])): "
              + MessageText.notANumber(cell)
              + " (every column but the label must be a numeric feature)."
          )
        }
      }
    }
    let distinct = Set(labelTexts)
    guard distinct.count >= 2 else {
      throw .data(
        "\(name) column \(MessageText.quoted(label)) has a single class "
          + "(\(MessageText.quoted(labelTexts[0]))); training needs at least 2."
      )
    }
    let names =
      distinct.allSatisfy { Double($0) != nil }
      ? distinct.sorted { Double($0)! < Double($1)! } : distinct.sorted()
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    return Dataset(
      features: features, labels: labelTexts.map { index[$0]! }, featureCount: header.count - 1,
      classNames: names)
  }

  private static func fields(_ line: Substring) -> [String] {
    line.split(separator: ",", omittingEmptySubsequences: false).map { field in
      var f = field.trimmingCharacters(in: .whitespaces)
      if f.count >= 2, f.hasPrefix("\""), f.hasSuffix("\"") { f = String(f.dropFirst().dropLast()) }
      return f
    }
  }
}
