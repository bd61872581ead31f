import EWA
import EWAIO

extension Figure {
  /// Refuses a figure gnuplot would fail on or draw empty, before gnuplot runs: one with no
  /// point whose coordinates are all finite, with a value ≤ 0 (or a range reaching one) on an
  /// axis drawn on a logarithmic scale, or with dates on a logarithmic x axis. Every axis of
  /// ``logScale`` is checked, over every series drawn (contour grids are not: no command puts
  /// a trajectory on a logarithmic scale).
  ///
  /// - Parameter subject: what is plotted, for the message (`column "v" of data.csv`).
  /// - Throws: ``PlotError`` (data) as one sentence naming the series and, for a log scale, its
  ///   smallest value.
  public func checkDrawable(subject: String) throws(PlotError) {
    let drawn = series.filter { $0.count > 0 }
    guard drawn.contains(where: \.hasFinitePoint) else {
      let names = drawn.map { MessageText.quoted($0.title ?? $0.name) }
      let what =
        names.isEmpty
        ? "there is no finite value (every value is missing, infinite or not a number)"
        : "every value of \(Self.list(names)) is missing, infinite or not a number"
      throw PlotError(kind: .data, message: "cannot plot \(subject): nothing to draw: \(what)")
    }
    if logScale.contains(.x), timeFormat != nil {
      throw PlotError(
        kind: .data,
        message:
          "cannot plot \(subject) with a logarithmic x axis: its x values are dates, which have "
          + "no logarithmic scale; draw it without --logscale x (--logscale y scales the values)")
    }
    for axis in logScale.sorted() {
      let column = axis == .x ? 0 : 1
      for series in drawn {
        guard let smallest = series.columns[column].filter(\.isFinite).min(), smallest <= 0
        else { continue }
        throw PlotError(
          kind: .data,
          message:
            "cannot plot \(subject) with a logarithmic \(axis.rawValue) axis: "
            + "\(MessageText.quoted(series.title ?? series.name)) has values ≤ 0 (the smallest "
            + "is \(GnuplotNumber.format(smallest))); draw it without --logscale "
            + "\(axis.rawValue)")
      }
      if let range = axis == .x ? xRange : yRange, range.lowerBound <= 0 {
        throw PlotError(
          kind: .data,
          message:
            "cannot plot \(subject) with a logarithmic \(axis.rawValue) axis: its "
            + "\(axis.rawValue) range [\(GnuplotNumber.format(range.lowerBound)), "
            + "\(GnuplotNumber.format(range.upperBound))] reaches values ≤ 0; draw it without "
            + "--logscale \(axis.rawValue)")
      }
    }
  }

  /// `"a"`, `"a" and "b"`, `"a", "b" and 3 more`.
  private static func list(_ names: [String]) -> String {
    switch names.count {
    case 1: return names[0]
    case 2, 3: return names.dropLast().joined(separator: ", ") + " and " + names.last!
    default: return names.prefix(2).joined(separator: ", ") + " and \(names.count - 2) more"
    }
  }
}

extension Series {
  /// Whether some row has every column finite.
  public var hasFinitePoint: Bool {
    (0..<count).contains { row in columns.allSatisfy { $0[row].isFinite } }
  }
}
