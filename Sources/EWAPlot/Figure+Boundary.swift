/// The classes a model predicts on a regular grid of two input features.
public struct ClassGrid: Equatable, Sendable {
  /// The grid abscissae, increasing.
  public var xs: [Double]
  /// The grid ordinates, increasing.
  public var ys: [Double]
  /// `classes[j][i]` is the class predicted at `(xs[i], ys[j])`, from 0.
  public var classes: [[Int]]

  /// Creates a grid of predicted classes, one row per ordinate.
  public init(xs: [Double], ys: [Double], classes: [[Int]]) {
    precondition(
      classes.count == ys.count && classes.allSatisfy { $0.count == xs.count },
      "the grid has \(ys.count) rows of \(xs.count) classes")
    self.xs = xs
    self.ys = ys
    self.classes = classes
  }
}

extension Figure {
  /// The decision-boundary figure: the grid's predicted classes as light regions, and the data
  /// points as dots in the darker colour of their true class.
  ///
  /// - Parameters:
  ///   - grid: the predicted classes.
  ///   - xs: the points' first feature.
  ///   - ys: the points' second feature.
  ///   - labels: the points' true classes, from 0.
  ///   - classNames: the legend entry of each class (class `k` is `classNames[k]`, or `class k`).
  /// - Returns: the figure, untitled; the command may give it a title.
  public static func boundary(
    grid: ClassGrid, xs: [Double], ys: [Double], labels: [Int], classNames: [String] = []
  ) -> Figure {
    precondition(xs.count == ys.count && ys.count == labels.count, "the points differ in length")
    let classCount = max(
      (grid.classes.joined().max() ?? 0) + 1, (labels.max() ?? 0) + 1, classNames.count)
    var cells: [[Double]] = [[], [], []]
    for (j, y) in grid.ys.enumerated() {
      for (i, x) in grid.xs.enumerated() {
        cells[0].append(x)
        cells[1].append(y)
        cells[2].append(Double(grid.classes[j][i]))
      }
    }
    var series = [
      Series(
        name: "regions", title: nil, columns: cells, mark: .image, color: nil,
        scanLength: grid.xs.count)
    ]
    for k in 0..<classCount {
      let members = labels.indices.filter { labels[$0] == k }
      guard !members.isEmpty else { continue }
      series.append(
        Series(
          name: "class_\(k)", title: k < classNames.count ? classNames[k] : "class \(k)",
          x: members.map { xs[$0] }, y: members.map { ys[$0] },
          mark: .points(type: 7, size: 1.2), color: .series(k)))
    }
    return Figure(
      xLabel: "x1", yLabel: "x2",
      xRange: grid.xs.first.map { $0...(grid.xs.last ?? $0) },
      yRange: grid.ys.first.map { $0...(grid.ys.last ?? $0) },
      palette: (0..<classCount).map { Color.series($0).lightened(0.75) }, series: series)
  }
}
