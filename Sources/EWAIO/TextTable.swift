/// A small table as aligned text: columns separated by two spaces, the first `leftColumns`
/// padded on the right (names), the others on the left (numbers), each line ending in a line
/// break. Widths count characters, so `β` is one.
///
/// ```
/// run       final cost
/// batch 1    0.0853411
/// ```
public enum TextTable {
  /// The lines of `rows` (the header first), every row as long as the first.
  public static func aligned(_ rows: [[String]], leftColumns: Int = 1) -> String {
    guard let first = rows.first else { return "" }
    let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.indices.map { column in
        let pad = String(repeating: " ", count: widths[column] - row[column].count)
        return column < leftColumns ? row[column] + pad : pad + row[column]
      }.joined(separator: "  ") + "\n"
    }.joined()
  }
}
