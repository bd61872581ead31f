import EWAIO
import EWAPlot
import EWATrain

extension OptimizerPath {
  /// The path an optimizer takes on one of the training library's test functions, from `start`
  /// for `steps` steps at a constant learning rate (``EWATrain/TestFunction/trajectory``).
  ///
  /// - Parameters:
  ///   - settings: the optimizer and its hyper-parameters; the path is named after its kind.
  ///   - function: the test function.
  ///   - start: the starting point.
  ///   - steps: the number of steps.
  ///   - learningRate: the rate α.
  ///   - limit: the most points kept (see ``PointDecimator``).
  /// - Returns: `steps + 1` points, the start first; beyond `limit` of them, the first, the last
  ///   and the extremes of each stretch of the path (``PointDecimator``), so memory stays bounded
  ///   however many steps are run.
  /// - Throws: ``OptimizerError`` when a hyper-parameter is out of range.
  public static func tracing(
    _ settings: OptimizerSettings, on function: TestFunction, from start: (Double, Double),
    steps: Int, learningRate: Double, limit: Int = PointDecimator.defaultLimit
  ) throws(OptimizerError) -> OptimizerPath {
    var optimizer = try settings.make(count: 2, as: Double.self)
    var kept = PointDecimator(count: steps + 1, limit: limit)
    kept.append(start.0, start.1)
    // The test function's own stepping, a stretch at a time; the optimizer's state carries over.
    var point = start
    var remaining = steps
    while remaining > 0 {
      let stretch = min(remaining, 10_000)
      let points = function.trajectory(
        optimizer: &optimizer, start: point, steps: stretch, learningRate: learningRate)
      for next in points.dropFirst() { kept.append(next.x, next.y) }
      point = (points[stretch].x, points[stretch].y)
      remaining -= stretch
    }
    return OptimizerPath(name: settings.kind.rawValue, xs: kept.xs, ys: kept.ys)
  }

  /// The paths of several optimizers from one start, all at one rate or each at its own; with
  /// rates of their own, each path's legend entry names its rate (`adam, α = 0.05`).
  ///
  /// - Parameters:
  ///   - settings: the optimizers and their hyper-parameters, in order.
  ///   - function: the test function.
  ///   - start: the starting point.
  ///   - steps: the number of steps.
  ///   - learningRates: one rate for every optimizer, or one per optimizer in the same order.
  /// - Returns: one path per optimizer.
  /// - Throws: ``OptimizerError`` when a hyper-parameter is out of range.
  public static func tracing(
    _ settings: [OptimizerSettings], on function: TestFunction, from start: (Double, Double),
    steps: Int, learningRates: [Double]
  ) throws(OptimizerError) -> [OptimizerPath] {
    precondition(
      learningRates.count == 1 || learningRates.count == settings.count,
      "\(learningRates.count) learning rates for \(settings.count) optimizers")
    var paths: [OptimizerPath] = []
    for (index, setting) in settings.enumerated() {
      let rate = learningRates[learningRates.count == 1 ? 0 : index]
      var path = try tracing(
        setting, on: function, from: start, steps: steps, learningRate: rate)
      if learningRates.count > 1 { path.title = "\(path.name), α = \(rate)" }
      paths.append(path)
    }
    return paths
  }

  /// The end of a trajectory figure's title: `2000 steps at α = 0.002` for one rate,
  /// `2000 steps, α as in the legend` for one rate per optimizer.
  public static func stepsTitle(steps: Int, learningRates: [Double]) -> String {
    learningRates.count == 1
      ? "\(steps) steps at α = \(learningRates[0])" : "\(steps) steps, α as in the legend"
  }
}
