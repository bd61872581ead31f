/// Everything that defines a training run besides its data and its length.
public struct TrainingConfiguration: Codable, Equatable, Sendable {
  /// Hidden layer sizes (`[5, 2]` is the textbook's moons network).
  public var hidden: [Int] = [5, 2]
  /// The hidden activation.
  public var activation: Activation = .relu
  /// The weight initialisation (He for the ReLU family, Xavier otherwise, unless set).
  public var initialization: Initialization?
  /// The optimizer and its hyper-parameters.
  public var optimizer: OptimizerSettings
  /// The learning-rate schedule, including α0.
  public var schedule: ScheduleSettings
  /// Rows per mini-batch (1: stochastic, the training set size: batch).
  public var batchSize: Int = 64
  /// λ of the L2 penalty on the weights (0: none).
  public var l2: Double = 0
  /// The seed of the initial weights and of the batch order.
  public var seed: UInt64 = 1

  /// A configuration with the textbook defaults (Adam, α = 0.0007, constant rate).
  public init(optimizer: OptimizerSettings = .init(kind: .adam), learningRate: Double = 0.0007) {
    self.optimizer = optimizer
    self.schedule = ScheduleSettings(initial: learningRate)
  }

  /// The initialisation in effect.
  public var effectiveInitialization: Initialization {
    initialization ?? activation.preferredInitialization
  }
}
