import EWA
import EWAIO
import Foundation

/// Reads a small labelled CSV file whole: one column is the class label, every other column a
/// numeric feature.
///
/// The first record is the header. The records are read by EWAIO's ``CSVReader`` with a comma as
/// the delimiter: quoted fields (commas, doubled quotes and line breaks inside), CRLF line ends
/// and a UTF-8 byte order mark are accepted; blanks around an unquoted field are ignored, and
/// blank lines at the end are too.
public enum CSVDataset {
  /// Loads `path`, taking `label` as the class column.
  ///
  /// Classes are the distinct labels, numbers (`1`, `1.0` and `1e0` being one class, named as
  /// first written) in numeric order, then texts in text order. An empty label is refused.
  ///
  /// - Throws: ``TrainingError``: `input` when the file cannot be read, `usage` when the label
  ///   column does not exist, `data` for an empty file, a ragged row, a feature that is not a number
  ///   (naming line, column and text), a quote that is not closed or a label with fewer than two
  ///   classes.
  public static func load(path: String, label: String) throws(TrainingError) -> Dataset {
    let name = MessageText.inline(path)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw TrainingError(kind: .input, message: "cannot read \(name): it is a directory.")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TrainingError(kind: .input, message: "cannot read \(name).")
    }
    guard String(data: data, encoding: .utf8) != nil else {
      throw .data("\(name) is not UTF-8 text.")
    }
    let reader = CSVReader(
      name: path, source: MemorySource(Array(data)), delimiter: UInt8(ascii: ","))
    var records = Records(reader: reader)
    guard let header = try records.next()?.fields else { throw .data("\(name) is empty.") }
    guard let labelColumn = header.firstIndex(of: label) else {
      throw .usage(
        "\(name) has no column \(MessageText.quoted(label)) for --label; its columns are "
          + MessageText.list(header, shown: 8) + "."
      )
    }
    var features: [Double] = []
    var labelTexts: [String] = []
    while let (line, row) = try records.next() {
      guard row.count == header.count else {
        throw .data("\(name) line \(line) has \(row.count) fields; the header has \(header.count).")
      }
      for (c, cell) in row.enumerated() {
        if c == labelColumn {
          guard !cell.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .data(
              "\(path) line \(line), column \"\(header[c])\": the label is empty; every row needs a class."
            )
          }
          labelTexts.append(cell)
        } else if let x = Double(cell.trimmingCharacters(in: .whitespaces)), x.isFinite {
          features.append(x)
        } else {
          throw .data(
            "\(name) line \(line), column \(MessageText.quoted(header[c])): "
              + MessageText.notANumber(cell)
              + " (every column but the label must be a numeric feature)."
          )
        }
      }
    }
    guard !labelTexts.isEmpty else { throw .data("\(name) has a header but no rows.") }
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

  /// The records of a file with their line numbers, blank lines at the end left out.
  private struct Records {
    let reader: CSVReader<MemorySource>
    /// Blank lines read before ``pending``: rows of one empty field, as written.
    var blankLines: [Int] = []
    /// The record that followed ``blankLines``.
    var pending: (line: Int, fields: [String])?

    /// The next record's line and fields, or nil at the end.
    mutating func next() throws(TrainingError) -> (line: Int, fields: [String])? {
      if !blankLines.isEmpty { return (blankLines.removeFirst(), [""]) }
      if let record = pending {
        pending = nil
        return record
      }
      do {
        while try reader.next() {
          if reader.withRecord({ $0.count == 1 && $0.raw(0).isEmpty }) {
            blankLines.append(reader.line)
            continue
          }
          let record = (line: reader.line, fields: reader.withRecord(CSVDataset.fields))
          if blankLines.isEmpty { return record }
          pending = record
          return (blankLines.removeFirst(), [""])
        }
      } catch {
        throw .data(error.description + ".")
      }
      return nil
    }
  }

  /// The fields of `record`: a quoted field's decoded value as written, an unquoted field without
  /// the blanks around it (and without quotes that then enclose it).
  private static func fields(_ record: CSVRecord) -> [String] {
    (0..<record.count).map { index in
      let text = record.text(index)
      if record.spans[index].quoted { return text }
      var f = text.trimmingCharacters(in: .whitespaces)
      if f.count >= 2, f.hasPrefix("\""), f.hasSuffix("\"") { f = String(f.dropFirst().dropLast()) }
      return f
    }
  }
}
