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
  /// uncorrected line of a decay dashed in the same colour when given.
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
    var series = [
      Series(
        name: "raw", title: column, x: x, y: values, mark: .points(type: 7, size: 0.5),
        color: .backdrop)
    ]
    for (index, curve) in curves.enumerated() {
      let color = Color.series(index)
      if let uncorrected = curve.uncorrected {
        series.append(
          Series(
            name: "uncorrected_\(index + 1)", title: "\(curve.label), uncorrected (V0 = 0)",
            x: x, y: uncorrected, mark: .lines(width: 2, dash: .dashed), color: color))
      }
      series.append(
        Series(
          name: "ewa_\(index + 1)", title: curve.label, x: x, y: curve.values,
          mark: .lines(width: 2.5), color: color))
    }
    let finite = x.filter(\.isFinite)
    let xRange = finite.min().flatMap { low in finite.max().map { low...$0 } }
    return Figure(
      xLabel: xLabel, yLabel: column, timeFormat: timeAxis ? dateFormat(spanning: xRange) : nil,
      xRange: xRange.flatMap { $0.lowerBound < $0.upperBound ? $0 : nil },
      key: "below", series: series)
  }

  /// Tic labels by month over two years or more, by day below.
  static func dateFormat(spanning range: ClosedRange<Double>?) -> String {
    guard let range, range.upperBound - range.lowerBound < 2 * 365 * 86_400 else { return "%Y-%m" }
    return "%Y-%m-%d"
  }
}
