/// Where training data comes from, and how it is split and scaled.
public struct DataSource: Sendable, Equatable {
  /// A generated dataset or a CSV file.
  public enum Origin: Sendable, Equatable {
    case synthetic(SyntheticData, samples: Int, noise: Double)
    case csv(path: String, label: String)
  }

  public var origin: Origin
  /// The share of rows held out for testing (nil: 0 for generated data, 0.2 for a CSV file).
  public var testFraction: Double?
  /// Whether to standardise features with the training rows' mean and deviation.
  public var standardize: Bool = false
  /// The seed of the generated data and of the split (independent of the training seed's stream).
  public var seed: UInt64 = 1

  public init(origin: Origin) { self.origin = origin }

  /// The test fraction in effect.
  public var effectiveTestFraction: Double {
    if let testFraction { return testFraction }
    if case .csv = origin { return 0.2 }
    return 0
  }

  /// Loads or generates the data, splits off the test rows and standardises.
  ///
  /// - Throws: ``TrainingError`` for unreadable or malformed data or an out-of-range fraction.
  public func prepare() throws(TrainingError) -> (train: Dataset, test: Dataset?) {
    let fraction = effectiveTestFraction
    guard fraction >= 0 && fraction < 1 else {
      throw .usage("the test fraction must lie in [0, 1), got \(fraction).")
    }
    var generator = SeededGenerator(seed: seed ^ 0x5EED_DA7A)
    let all: Dataset
    switch origin {
    case .synthetic(let kind, let samples, let noise):
      guard samples >= 2 else { throw .usage("--samples must be at least 2, got \(samples).") }
      guard noise >= 0 && noise.isFinite else {
        throw .usage("--noise must be zero or positive, got \(noise).")
      }
      all = kind.generate(samples: samples, noise: noise, seed: generator.next())
    case .csv(let path, let label):
      all = try CSVDataset.load(path: path, label: label)
    }
    var (train, test) = all.split(testFraction: fraction, using: &generator)
    guard Set(train.labels).count >= 2 else {
      throw .data("the training rows hold a single class; training needs at least 2.")
    }
    if standardize {
      let (mean, deviation) = train.featureStatistics()
      train.standardize(mean: mean, deviation: deviation)
      test?.standardize(mean: mean, deviation: deviation)
    }
    return (train, test)
  }
}
