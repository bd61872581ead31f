/// Where a script puts a legend below the chart.
extension GnuplotScript {
  /// The bottom margin, in character heights, that keeps a legend below the chart clear of the
  /// x label: the tic labels, the label and a gap (4.5), and 1.5 per legend row. The rows are the
  /// key's `maxrows`, or as many as the legend entries need at about 9 pixels a character
  /// with 10 for the line sample (gnuplot's own margin lets the box touch the label).
  static func belowKeyMargin(_ figure: Figure) -> Double {
    let words = figure.key.split(separator: " ")
    let entries = figure.series.compactMap { $0.title ?? $0.titleMarkup }
    var rows = 1
    if let index = words.firstIndex(of: "maxrows"), index + 1 < words.count,
      let count = Int(words[index + 1])
    {
      rows = max(1, min(count, entries.count))
    } else if let widest = entries.map(\.count).max() {
      let perRow = max(1, figure.size.width / (9 * (widest + 10)))
      rows = (entries.count + perRow - 1) / perRow
    }
    return 4.5 + 1.5 * Double(rows)
  }
}
