/// What one epoch did.
public struct EpochRecord: Equatable, Sendable {
  /// The epoch number, from 1.
  public let epoch: Int
  /// The number of steps (mini-batches) taken so far.
  public let step: Int
  /// The learning rate of the epoch's last step.
  public let learningRate: Double
  /// The mean mini-batch cost over the epoch, weighted by batch size (the textbook's cost).
  public let cost: Double
}
