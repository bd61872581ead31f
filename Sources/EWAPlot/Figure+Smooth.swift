/// One smoothed curve of the smooth figure: the averages for one decay, and optionally the
/// uncorrected averages for the same decay.
public struct SmoothCurve: Equatable, Sendable {
  /// The legend entry, e.g. `β = 0.9`.
  public var label: String
  /// The average after each observation (NaN where there is none), one per x value.
  public var values: [Double]
  /// The uncorrected averages `V_t` from `V_0 = 0`, drawn dashed beside ``values`` to show the
  /// early bias (`--compare-init`), or `nil`.
  public var uncorrected: [Double]?

  /// Creates a curve.
  public init(label: String, values: [Double], uncorrected: [Double]? = nil) {
    self.label = label
    self.values = values
    self.uncorrected = uncorrected
  }
}

extension Figure {
  /// The smoothing figure: the raw observations as grey dots and one line per decay, the
  /// uncorrected line of a decay dashed in the same colour when given; the legend below the
  /// chart. With uncorrected lines the legend is an even grid, a column per decay (corrected
  /// above, uncorrected below), and the dots, named by the y label, are left out of it.
  ///
  /// - Parameters:
  ///   - column: the smoothed column's name, the y label and the raw points' legend entry.
  ///   - x: the x value of each observation (seconds since 1970 UTC when `timeAxis` is set).
  ///   - values: the observations (NaN where missing).
  ///   - curves: the averages, one per decay.
  ///   - timeAxis: whether x values are times, labelled as dates.
  ///   - xLabel: the x-axis label (the time or index column's name).
  /// - Returns: the figure, untitled; the command may give it a title.
  public static func smooth(
    column: String, x: [Double], values: [Double], curves: [SmoothCurve],
    timeAxis: Bool = false, xLabel: String = "observation"
  ) -> Figure {
    let comparing = curves.contains { $0.uncorrected != nil }
    var series = [
      Series(
        name: "raw", title: comparing ? nil : column, x: x, y: values,
        mark: .points(type: 7, size: 0.5), color: .backdrop)
    ]
    for (index, curve) in curves.enumerated() {
      series.append(
        Series(
          name: "ewa_\(index + 1)", title: curve.label, x: x, y: curve.values,
          mark: .lines(width: 2.5), color: .series(index)))
    }
    for (index, curve) in curves.enumerated() {
      guard let uncorrected = curve.uncorrected else { continue }
      var line = Series(
        name: "uncorrected_\(index + 1)", title: "\(curve.label), uncorrected (V0 = 0)",
        x: x, y: uncorrected, mark: .lines(width: 2, dash: .dashed), color: .series(index))
      line.titleMarkup = "\(GnuplotText.markupLiteral(curve.label)), uncorrected (V_{0} = 0)"
      series.append(line)
    }
    let xRange = range(of: x)
    return Figure(
      xLabel: xLabel, yLabel: column, timeFormat: timeAxis ? dateFormat(spanning: xRange) : nil,
      xRange: xRange,
      key: comparing ? "below maxrows \(curves.count)" : "below", series: series)
  }

  /// Tic labels by month over two years or more, by day below.
  static func dateFormat(spanning range: ClosedRange<Double>?) -> String {
    guard let range, range.upperBound - range.lowerBound >= 2 * 365 * 86_400 else {
      return "%Y-%m-%d"
    }
    return "%Y-%m"
  }
}
