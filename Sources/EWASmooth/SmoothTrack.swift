import EWA
import EWAIO

/// The running statistics of one column of one group for one decay: the average, and with
/// `--std` the variance (whose mean is that average, so it is computed once).
public enum SmoothTrack: Codable, Equatable, Sendable {
  case mean(average: ExponentialAverage<Double>)
  case meanAndSpread(variance: ExponentialVariance)

  /// A track with nothing observed.
  public init(beta: Double, start: ExponentialAverage<Double>.Start, spread: Bool) {
    self =
      spread
      ? .meanAndSpread(variance: ExponentialVariance(beta: beta, start: start))
      : .mean(average: ExponentialAverage(beta: beta, start: start))
  }

  /// The average.
  public var average: ExponentialAverage<Double> {
    switch self {
    case .mean(let average): average
    case .meanAndSpread(let variance): variance.average
    }
  }

  /// The standard deviation, or nil while undefined or not tracked.
  public var standardDeviation: Double? {
    if case .meanAndSpread(let variance) = self { return variance.standardDeviation }
    return nil
  }

  /// Folds one observation in.
  @inline(__always)
  public mutating func update(with x: Double, elapsed: Double) {
    switch self {
    case .mean(var average):
      average.update(with: x, elapsed: elapsed)
      self = .mean(average: average)
    case .meanAndSpread(var variance):
      variance.update(with: x, elapsed: elapsed)
      self = .meanAndSpread(variance: variance)
    }
  }

  /// This track carried onto `prior`: `prior`'s observations followed by this track's, which
  /// started empty and decayed the past by `decay` in total
  /// (``ExponentialAverage/carried(from:decay:)``, ``ExponentialVariance/carried(from:decay:)``).
  /// Both tracks come from one layout, so they are of one kind.
  public func carried(from prior: SmoothTrack, decay: Double) -> SmoothTrack {
    switch (prior, self) {
    case (.mean(let before), .mean(let after)):
      .mean(average: after.carried(from: before, decay: decay))
    case (.meanAndSpread(let before), .meanAndSpread(let after)):
      .meanAndSpread(variance: after.carried(from: before, decay: decay))
    default:
      preconditionFailure("only tracks of one kind (both with or both without --std) compose")
    }
  }

  /// Records a missing observation (pandas `ignore_na=False`).
  @inline(__always)
  public mutating func skip(elapsed: Double) {
    switch self {
    case .mean(var average):
      average.skip(elapsed: elapsed)
      self = .mean(average: average)
    case .meanAndSpread(var variance):
      variance.skip(elapsed: elapsed)
      self = .meanAndSpread(variance: variance)
    }
  }
}

/// The state of one smoothed column within one group.
public struct ColumnState: Codable, Equatable, Sendable {
  /// The number of observations so far (for `--min-periods`).
  public var observations = 0
  /// The time of the last observation (for `--time` with `--ignore-na`).
  public var lastObservedTime: TimeValue?
  /// One track per decay.
  public var tracks: [SmoothTrack]
}

/// The state of one group: its last row's time, its number of rows and its columns.
public struct GroupState: Codable, Equatable, Sendable {
  /// The time of the group's last row (for `--time`).
  public var lastTime: TimeValue?
  /// The number of rows of the group folded in, missing cells included: how many steps its
  /// averages' past decays by when this state is carried onto an earlier one (`ewa state combine`).
  public var rows = 0
  public var columns: [ColumnState]

  public init(lastTime: TimeValue?, rows: Int, columns: [ColumnState]) {
    self.lastTime = lastTime
    self.rows = rows
    self.columns = columns
  }
}
