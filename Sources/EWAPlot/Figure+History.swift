import EWA
import EWAIO

/// The training history of one run, as the history figure draws it.
public struct TrainingRun: Equatable, Sendable {
  /// The run's name in the legend (e.g. the optimizer).
  public var name: String
  /// The global step number of each mini-batch, from 1.
  public var batchSteps: [Double]
  /// The cost of each mini-batch.
  public var batchCosts: [Double]
  /// The global step number at the end of each epoch.
  public var epochSteps: [Double]
  /// The cost at the end of each epoch.
  public var epochCosts: [Double]

  /// Creates a run; either pair of arrays may be empty.
  public init(
    name: String, batchSteps: [Double] = [], batchCosts: [Double] = [],
    epochSteps: [Double] = [], epochCosts: [Double] = []
  ) {
    precondition(
      batchSteps.count == batchCosts.count && epochSteps.count == epochCosts.count,
      "the steps and costs of \(name) differ in length")
    self.name = name
    self.batchSteps = batchSteps
    self.batchCosts = batchCosts
    self.epochSteps = epochSteps
    self.epochCosts = epochCosts
  }
}

extension Figure {
  /// The training-history figure: for each run, the noisy mini-batch cost as a faint line, its
  /// bias-corrected exponentially weighted average as a solid line, and the epoch cost as dots
  /// joined by a line, all in the run's colour against the global step; the legend sits bottom
  /// left, where a falling cost leaves room, and the x axis ends at the last step. Runs after the
  /// first are drawn broken, with dots of their own shape (``Mark/Dash/distinct(_:)``,
  /// ``Mark/distinctPoint(_:)``), since two optimizers can trace the same curve (gd and
  /// momentum at a small rate) and the later would hide the earlier. A text chart leaves the
  /// noisy mini-batch line out.
  ///
  /// The smoothed line is the package's own averager over the mini-batch costs in order:
  ///
  /// ```
  /// V_t = β·V_{t-1} + (1-β)·cost_t,   drawn as V_t / (1 - β^t)
  /// ```
  ///
  /// - Parameters:
  ///   - runs: the runs, one colour each.
  ///   - beta: the decay of the smoothed mini-batch line.
  /// - Returns: the figure, untitled; the command may give it a title.
  public static func history(runs: [TrainingRun], beta: Double = 0.98) -> Figure {
    // Dots at the epochs of a long run would merge into one thick band hiding every line under it.
    var series: [Series] = []
    for (index, run) in runs.enumerated() {
      let color = Color.series(index)
      let dash = Mark.Dash.distinct(index)
      if !run.batchCosts.isEmpty {
        series.append(
          Series(
            name: "\(run.name)_batches", title: "\(run.name), mini-batch", x: run.batchSteps,
            y: run.batchCosts, mark: .lines(width: 1), color: color.lightened(0.6),
            shownInText: false))
        series.append(
          Series(
            name: "\(run.name)_smoothed", title: "\(run.name), mini-batch EWA β = \(beta)",
            x: run.batchSteps, y: smoothed(run.batchCosts, beta: beta),
            mark: .lines(width: 2.5, dash: dash), color: color))
      }
      if !run.epochCosts.isEmpty {
        series.append(
          Series(
            name: "\(run.name)_epochs", title: "\(run.name), epoch", x: run.epochSteps,
            y: run.epochCosts,
            mark: run.epochCosts.count <= Self.dottedEpochLimit
              ? .linesPoints(width: 1.5, type: Mark.distinctPoint(index), size: 0.9, dash: dash)
              : .lines(width: 1.5, dash: dash),
            color: color))
      }
    }
    let steps = runs.flatMap { $0.batchSteps + $0.epochSteps }
    return Figure(
      xLabel: "mini-batch step", yLabel: "cost", xRange: range(of: steps), key: "bottom left",
      series: series)
  }

  /// The most epochs of a run drawn with a dot at each; longer runs get a plain line.
  static let dottedEpochLimit = 100

  /// The bias-corrected average after each cost; a missing (non-finite) cost decays the past
  /// without adding to it, and its point stays missing.
  static func smoothed(_ costs: [Double], beta: Double) -> [Double] {
    var average = ExponentialAverage<Double>(beta: beta)
    return costs.map { cost in
      guard cost.isFinite else {
        average.skip()
        return .nan
      }
      average.update(with: cost)
      return average.corrected
    }
  }
}
