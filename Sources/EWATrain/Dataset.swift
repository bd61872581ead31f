/// Labelled examples: a row-major feature matrix and one class index per row.
public struct Dataset: Equatable, Sendable {
  /// `count × featureCount` features, row by row.
  public var features: [Double]
  /// The class of each row, in `0..<classNames.count`.
  public var labels: [Int]
  /// The number of features per row.
  public let featureCount: Int
  /// The name of each class (its label text in a CSV file, or its index).
  public let classNames: [String]

  public init(features: [Double], labels: [Int], featureCount: Int, classNames: [String]) {
    precondition(features.count == labels.count * featureCount, "ragged feature matrix")
    self.features = features
    self.labels = labels
    self.featureCount = featureCount
    self.classNames = classNames
  }

  /// The number of rows.
  public var count: Int { labels.count }
  /// The number of classes.
  public var classCount: Int { classNames.count }

  /// The rows at `indices`, in that order.
  public func subset(_ indices: [Int]) -> Dataset {
    var features: [Double] = []
    features.reserveCapacity(indices.count * featureCount)
    for i in indices { features += self.features[i * featureCount..<(i + 1) * featureCount] }
    return Dataset(
      features: features, labels: indices.map { labels[$0] }, featureCount: featureCount,
      classNames: classNames)
  }

  /// Splits off a shuffled test set of `round(fraction·count)` rows.
  ///
  /// - Returns: the training rows and the test rows (nil when the fraction is 0).
  public func split(testFraction fraction: Double, using generator: inout SeededGenerator)
    -> (train: Dataset, test: Dataset?)
  {
    let testCount = Int((fraction * Double(count)).rounded())
    guard testCount > 0 else { return (self, nil) }
    var order = Array(0..<count)
    generator.shuffle(&order)
    return (subset(Array(order[testCount...])), subset(Array(order[..<testCount])))
  }

  /// The mean and standard deviation of each feature (a constant feature gets deviation 1).
  public func featureStatistics() -> (mean: [Double], deviation: [Double]) {
    var mean = [Double](repeating: 0, count: featureCount)
    var deviation = mean
    for r in 0..<count {
      for c in 0..<featureCount { mean[c] += features[r * featureCount + c] / Double(count) }
    }
    for r in 0..<count {
      for c in 0..<featureCount {
        let d = features[r * featureCount + c] - mean[c]
        deviation[c] += d * d / Double(count)
      }
    }
    return (mean, deviation.map { $0 > 0 ? $0.squareRoot() : 1 })
  }

  /// Standardises each feature with the given statistics: `(x - mean) / deviation`.
  public mutating func standardize(mean: [Double], deviation: [Double]) {
    for r in 0..<count {
      for c in 0..<featureCount {
        let i = r * featureCount + c
        features[i] = (features[i] - mean[c]) / deviation[c]
      }
    }
  }
}
