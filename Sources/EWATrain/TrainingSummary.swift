/// What a finished run reports (the `--json` summary).
public struct TrainingSummary: Codable, Equatable, Sendable {
  public var optimizer: String
  public var trainAccuracy: Double
  public var testAccuracy: Double?
  public var finalCost: Double
  public var epochs: Int
  public var steps: Int
  public var seconds: Double
  /// One-line warnings about the run (a rising full-batch cost), printed on standard error and
  /// not part of the JSON.
  public var warnings: [String] = []
  /// The run's name in a comparison (`batch 64`), nil for `ewa train`; in the JSON when set.
  public var run: String?

  enum CodingKeys: String, CodingKey {
    case optimizer, epochs, steps, seconds, run
    case trainAccuracy = "train_accuracy"
    case testAccuracy = "test_accuracy"
    case finalCost = "final_cost"
  }

  // `test_accuracy` is written as null when there is no test split, not left out.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(optimizer, forKey: .optimizer)
    try c.encode(trainAccuracy, forKey: .trainAccuracy)
    try c.encode(testAccuracy, forKey: .testAccuracy)
    try c.encode(finalCost, forKey: .finalCost)
    try c.encode(epochs, forKey: .epochs)
    try c.encode(steps, forKey: .steps)
    // A wall time is read by a person and differs from run to run: hundredths of a second
    // (`"seconds":0.21`), not the clock's nine digits.
    try c.encode((seconds * 100).rounded() / 100, forKey: .seconds)
    try c.encodeIfPresent(run, forKey: .run)
  }
}
