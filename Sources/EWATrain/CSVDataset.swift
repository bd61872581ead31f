import EWA
import EWAIO
import Foundation

/// Reads a small labelled CSV file whole: one column is the class label, every other column a
/// numeric feature.
///
/// The first line is the header. Fields are separated by commas; surrounding double quotes are
/// removed (quoted commas are not supported: the streaming reader of `ewa smooth` is the full one).
public enum CSVDataset {
  /// Loads `path`, taking `label` as the class column.
  ///
  /// Classes are the distinct labels, numbers (`1`, `1.0` and `1e0` being one class, named as
  /// first written) in numeric order, then texts in text order. An empty label is refused.
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
          guard !cell.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .data(
              "\(path) line \(index + 1), column \"\(header[c])\": the label is empty; every row needs a class."
            )
          }
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
    // Labels that read as the same number (1, 1.0, " 1", 1e0) are one class, named as it is
    // first written.
    let keys = labelTexts.map(ClassKey.init)
    var names: [ClassKey: String] = [:]
    for (key, text) in zip(keys, labelTexts) where names[key] == nil {
      names[key] = text.trimmingCharacters(in: .whitespaces)
    }
    guard names.count >= 2 else {
      throw .data(
        "\(name) column \(MessageText.quoted(label)) has a single class "
          + "(\(MessageText.quoted(labelTexts[0]))); training needs at least 2."
      )
    }
    let classes = names.keys.sorted()
    let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    return Dataset(
      features: features, labels: keys.map { index[$0]! }, featureCount: header.count - 1,
      classNames: classes.map { names[$0]! })
  }

  /// A class label: a finite number (so that `1` and `1.0` are one class), or a text. Numbers
  /// sort numerically before texts, texts in text order.
  private enum ClassKey: Hashable, Comparable {
    case number(Double)
    case text(String)

    init(_ text: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if let value = Double(trimmed), value.isFinite {
        self = .number(value == 0 ? 0 : value)
      } else {
        self = .text(trimmed)
      }
    }
  }

  private static func fields(_ line: Substring) -> [String] {
    line.split(separator: ",", omittingEmptySubsequences: false).map { field in
      var f = field.trimmingCharacters(in: .whitespaces)
      if f.count >= 2, f.hasPrefix("\""), f.hasSuffix("\"") { f = String(f.dropFirst().dropLast()) }
      return f
    }
  }
}
