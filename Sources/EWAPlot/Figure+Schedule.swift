/// A learning-rate schedule sampled at each epoch.
public struct ScheduleCurve: Equatable, Sendable {
  /// The schedule's name in the legend.
  public var name: String
  /// The epochs sampled.
  public var epochs: [Double]
  /// The learning rate at each epoch.
  public var rates: [Double]

  /// Creates a curve from epochs and rates, equal in number.
  public init(name: String, epochs: [Double], rates: [Double]) {
    precondition(epochs.count == rates.count, "the epochs and rates of \(name) differ in length")
    self.name = name
    self.epochs = epochs
    self.rates = rates
  }
}

extension Figure {
  /// The schedule figure: the learning rate against the epoch, one staircase per schedule (the
  /// rate of an epoch holds until the next sample), each after the first broken
  /// (``Mark/Dash/distinct(_:)``) since schedules often agree for a while (staircase and step
  /// both halve the rate at the first interval); the x axis ends at the last epoch.
  ///
  /// - Parameter curves: the schedules, one colour each.
  /// - Returns: the figure, untitled; the command may give it a title.
  public static func schedule(curves: [ScheduleCurve]) -> Figure {
    let series = curves.enumerated().map { index, curve in
      Series(
        name: curve.name, title: curve.name, x: curve.epochs, y: curve.rates,
        mark: .steps(width: 2.5, dash: .distinct(index)), color: .series(index))
    }
    let epochs = curves.flatMap(\.epochs).filter(\.isFinite)
    return Figure(
      xLabel: "epoch", yLabel: "learning rate", xRange: range(of: epochs), series: series)
  }
}
