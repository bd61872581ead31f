/// One run as its training history recorded it: the cost of each mini-batch at its global step,
/// and the cost at the end of each epoch (read back by
/// ``TrainingHistory/runs(epochs:batches:name:)``).
public struct RecordedRun: Equatable, Sendable {
  /// The run's name: the optimizer of an `ewa compare` history, else the name given to the reader.
  public var name: String
  /// The global step number of each mini-batch with a cost, from 1.
  public var batchSteps: [Double]
  /// The cost of each of those mini-batches.
  public var batchCosts: [Double]
  /// The global step that ends each epoch with a cost.
  public var epochSteps: [Double]
  /// The cost at the end of each of those epochs.
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
