import EWA
import EWAIO

/// A readable summary of a saved state (`ewa state show`).
extension SmoothState {
  /// The summary as lines of text: the format version, the columns, the decays and options, the
  /// number of groups and rows, and for each of the first `groupLimit` groups its key, rows, last
  /// time, and per column its observations and current averages (one per decay). The output is
  /// bounded whatever the number of groups: the rest are counted in one line. Every name and
  /// key is escaped (``MessageText``), so an untrusted file cannot drive the terminal.
  ///
  /// ```
  /// state file s.json: format version 3
  /// columns: "temp", "hum"
  /// decays: --beta 0.9, --beta 0.5
  /// options: --init corrected, --group-by "sensor"
  /// groups: 2, rows: 7 in all
  ///   "a": 4 rows; "temp" 4 observations, averages 20.5, 20.9; "hum" 3 observations, ...
  /// ```
  ///
  /// - Parameters:
  ///   - path: the file's name, shown on the first line.
  ///   - groupLimit: how many groups are listed.
  /// - Complexity: O(groups) to count the rows; the text is O(`groupLimit`).
  public func summary(path: String, groupLimit: Int = 20) -> [String] {
    var lines = ["state file \(MessageText.inline(path)): format version \(version)"]
    lines.append("columns: " + columns.map { MessageText.quoted($0) }.joined(separator: ", "))
    lines.append(
      "decays: "
        + decays.map { "--\($0.form.rawValue) \(MessageText.inline($0.text))" }
        .joined(separator: ", "))
    var options = ["--init \(initial.rawValue)"]
    if ignoreMissing { options.append("--ignore-na") }
    if standardDeviation { options.append("--std") }
    if let groupBy { options.append("--group-by \(MessageText.quoted(groupBy))") }
    if let time { options.append("--time \(MessageText.quoted(time))") }
    lines.append("options: " + options.joined(separator: ", "))
    let rows = groups.reduce(0) { $0.addingSaturated($1.state.rows) }
    lines.append("groups: \(groups.count), rows: \(rows) in all")
    for group in groups.prefix(max(0, groupLimit)) {
      lines.append("  " + describe(group))
    }
    if groups.count > groupLimit {
      lines.append("  … and \(groups.count - max(0, groupLimit)) more groups")
    }
    return lines
  }

  /// One group's line.
  private func describe(_ group: Group) -> String {
    var text = group.key.map { MessageText.quoted(bytes: $0) + ": " } ?? ""
    text += "\(group.state.rows) rows"
    if let last = group.state.lastTime { text += ", last time \(last)" }
    for (name, column) in zip(columns, group.state.columns) {
      text += "; \(MessageText.quoted(name)) \(column.observations) observations"
      guard column.observations > 0 else { continue }
      let averages = column.tracks.map { NumberText.format($0.average.corrected) }
      text += ", average\(averages.count == 1 ? "" : "s") " + averages.joined(separator: ", ")
      let spreads = column.tracks.compactMap(\.standardDeviation).map(NumberText.format)
      if !spreads.isEmpty { text += ", std " + spreads.joined(separator: ", ") }
    }
    return text
  }
}
