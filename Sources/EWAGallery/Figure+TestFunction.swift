import EWAPlot
import EWATrain

extension Figure {
  /// The trajectory figure of one of the training library's test functions: its contours over the
  /// region the paths cover (with the start and the minimum, plus a margin of a tenth on every
  /// side; a diverging path leaves the frame rather than stretching it beyond one and a half
  /// times the distance from the start to the minimum), with the paths on top.
  ///
  /// - Parameters:
  ///   - function: the test function.
  ///   - paths: one path per optimizer, the start first.
  ///   - resolution: the contour grid's samples per axis.
  /// - Returns: the figure, titled with the function's name and formula.
  public static func trajectory(
    on function: TestFunction, paths: [OptimizerPath], resolution: Int = 201
  ) -> Figure {
    let start = paths.first.flatMap { path in path.xs.first.map { ($0, path.ys[0]) } } ?? (1, 1)
    let anchor = function.minimum ?? (0, 0)
    let reach = 1.5 * max(abs(start.0 - anchor.x), abs(start.1 - anchor.y), 0.5)
    var xs = [start.0, anchor.x]
    var ys = [start.1, anchor.y]
    for path in paths {
      for (x, y) in zip(path.xs, path.ys) where x.isFinite && y.isFinite {
        xs.append(min(max(x, anchor.x - reach), anchor.x + reach))
        ys.append(min(max(y, anchor.y - reach), anchor.y + reach))
      }
    }
    func padded(_ values: [Double]) -> ClosedRange<Double> {
      let (low, high) = (values.min() ?? -1, values.max() ?? 1)
      let margin = max((high - low) / 10, 0.1)
      return (low - margin)...(high + margin)
    }
    let grid = ContourGrid(
      x: padded(xs), y: padded(ys), resolution: resolution, function: function.value)
    var figure = trajectory(
      grid: grid, paths: paths, minimum: function.minimum.map { ($0.x, $0.y) })
    figure.title = "\(function.rawValue): f(x, y) = \(function.formula)"
    return figure
  }
}
