/// The rows of a followed stream (`ewa plot smooth --follow`) that its live figure draws, in
/// bounded memory: the newest `last` rows in a ring, or every row through one
/// ``StreamingDecimator`` per series.
///
/// The numbers are fed row by row from the smoother's own kernel
/// (``SmoothedColumn/observation(_:group:)``), so the curves are exactly `ewa smooth`'s.
public struct LiveColumn: Sendable {
  /// The smoothed column's header name, the y label.
  public var column: String
  /// The x axis label: the time column's name, or `row`.
  public var xLabel: String
  /// The legend of each decay's curve.
  public var labels: [String]
  /// Whether the x values are dates (seconds since 1970 UTC).
  public var timeAxis = false
  /// The rows fed so far.
  public private(set) var rows = 0
  /// The most rows kept with a window, or `nil` to keep every row decimated.
  public let last: Int?

  /// The window: one column of x values, the observations, then one column per decay.
  private var ring: [[Double]]
  /// Where the oldest row of a full ring is.
  private var start = 0
  /// One decimator per series (observations, then each decay) without a window.
  private var decimators: [StreamingDecimator]

  /// Prepares to keep the newest `last` rows, or (with `nil`) every row decimated to at most
  /// `limit` points per series.
  public init(
    column: String, xLabel: String, labels: [String], last: Int?,
    limit: Int = PointDecimator.defaultLimit
  ) {
    precondition(last.map { $0 > 0 } ?? true, "a window holds at least one row")
    self.column = column
    self.xLabel = xLabel
    self.labels = labels
    self.last = last
    ring = last == nil ? [] : Array(repeating: [], count: labels.count + 2)
    decimators =
      last == nil ? Array(repeating: StreamingDecimator(limit: limit), count: labels.count + 1) : []
  }

  /// Feeds one row: its x value, the observation and the average of each decay.
  public mutating func append(x: Double, value: Double, means: [Double]) {
    precondition(means.count == labels.count, "one average per decay")
    rows += 1
    let row = [x, value] + means
    if let last {
      if ring[0].count < last {
        for c in ring.indices { ring[c].append(row[c]) }
      } else {
        for c in ring.indices { ring[c][start] = row[c] }
        start = (start + 1) % last
      }
    } else {
      for s in decimators.indices { decimators[s].append(x, row[s + 1]) }
    }
  }

  /// The points of each series (observations, then each decay), oldest first, at most `limit`
  /// per series.
  func seriesPoints(limit: Int) -> [(xs: [Double], ys: [Double])] {
    guard last != nil else { return decimators.map(\.points) }
    let ordered = ring.map { Array($0[start...] + $0[..<start]) }
    return (1..<ordered.count).map { c in
      guard ordered[0].count > limit else { return (ordered[0], ordered[c]) }
      var kept = PointDecimator(count: ordered[0].count, limit: limit)
      for (x, y) in zip(ordered[0], ordered[c]) { kept.append(x, y) }
      return (kept.xs, kept.ys)
    }
  }

  /// The smoothing figure (``Figure/smooth(column:x:values:curves:timeAxis:xLabel:)``) of the
  /// rows kept, each series with its own points.
  public func figure(limit: Int = PointDecimator.defaultLimit) -> Figure {
    var figure = Figure.smooth(
      column: column, x: [], values: [], curves: labels.map { SmoothCurve(label: $0, values: []) },
      timeAxis: timeAxis, xLabel: xLabel)
    let points = seriesPoints(limit: limit)
    for (index, series) in points.enumerated() {
      figure.series[index].columns = [series.xs, series.ys]
    }
    let finite = (points.first?.xs ?? []).filter(\.isFinite)
    let range = finite.min().flatMap { low in finite.max().map { low...$0 } }
    figure.xRange = range.flatMap { $0.lowerBound < $0.upperBound ? $0 : nil }
    figure.timeFormat = timeAxis ? Figure.dateFormat(spanning: range) : nil
    return figure
  }
}
