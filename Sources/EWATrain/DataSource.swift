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

  /// The most rows a generated dataset may have (16 bytes of features each, plus copies).
  public static let maximumSamples = 1_000_000
  /// The largest noise of a generated dataset, far beyond the data's own size (about 2), and
  /// small enough that no feature overflows.
  public static let maximumNoise = 1e6

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
      guard samples >= 2 && samples <= Self.maximumSamples else {
        throw .usage("--samples must lie between 2 and \(Self.maximumSamples), got \(samples).")
      }
      guard noise >= 0 && noise <= Self.maximumNoise else {
        throw .usage(
          "--noise must lie between 0 and \(Int(Self.maximumNoise)) (the data span about 2), got \(noise)."
        )
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
      if let c = deviation.firstIndex(where: { !$0.isFinite }) {
        throw .data(
          "--standardize overflows on feature \(c + 1): its values differ by more than a double holds; scale that column down first."
        )
      }
      train.standardize(mean: mean, deviation: deviation)
      test?.standardize(mean: mean, deviation: deviation)
      for set in [train] + (test.map { [$0] } ?? []) {
        if let i = set.features.firstIndex(where: { !$0.isFinite }) {
          throw .data(
            "--standardize overflows on feature \(i % set.featureCount + 1): its values differ by more than a double holds; scale that column down first."
          )
        }
      }
    }
    return (train, test)
  }
}
