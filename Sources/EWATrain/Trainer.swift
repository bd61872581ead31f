import EWA
import EWAIO

/// Mini-batch gradient descent on a ``DenseNetwork``: shuffles the training rows every epoch with a
/// seeded generator, keeps the last partial batch, and steps the optimizer once per batch.
///
/// The same configuration and data give the same result, bit for bit; a ``Checkpoint`` taken after
/// any epoch continues to that same result.
public final class Trainer {
  public let network: DenseNetwork
  public let configuration: TrainingConfiguration
  public let data: Dataset
  public private(set) var parameters: [Double]
  public private(set) var optimizer: any Optimizer<Double>
  public private(set) var generator: SeededGenerator
  /// Epochs completed.
  public private(set) var epoch = 0
  /// Steps completed.
  public private(set) var step = 0
  /// The mean cost of the last epoch run, in this process or before the checkpoint it resumed.
  public private(set) var lastCost: Double?
  /// The cost of the first mini-batch this trainer ran, at the parameters it started from: the
  /// reference of the divergence rule.
  public private(set) var startCost: Double?
  private let schedule: any LearningRateSchedule
  private let workspace: NetworkWorkspace
  private var order: [Int]

  /// The most values in one of the forward and backward buffers: batch size × units of all layers
  /// (three buffers of 80 MB each).
  public static let maximumActivations = 10_000_000

  /// A fresh run: weights drawn from the seed, optimizer state empty.
  ///
  /// - Throws: ``TrainingError``, ``OptimizerError`` or ``ScheduleError`` for a bad configuration.
  public init(configuration: TrainingConfiguration, data: Dataset) throws {
    network = try DenseNetwork(
      inputs: data.featureCount, hidden: configuration.hidden, classes: data.classCount,
      activation: configuration.activation)
    guard configuration.batchSize >= 1 && configuration.batchSize <= data.count else {
      throw TrainingError.usage(
        "the batch size must lie between 1 and the \(data.count) training rows, got \(configuration.batchSize)."
      )
    }
    let units = network.sizes.reduce(0, +)
    let activations = units.multipliedReportingOverflow(by: configuration.batchSize)
    guard !activations.overflow, activations.partialValue <= Self.maximumActivations else {
      throw TrainingError.usage(
        "a batch of \(configuration.batchSize) rows through \(units) units needs more than \(Self.maximumActivations) activations, the most ewa holds; use a smaller batch size or smaller layers."
      )
    }
    self.configuration = configuration
    self.data = data
    generator = SeededGenerator(seed: configuration.seed)
    parameters = network.initialParameters(
      configuration.effectiveInitialization, using: &generator)
    optimizer = try configuration.optimizer.make(count: network.parameterCount)
    schedule = try configuration.schedule.make()
    workspace = NetworkWorkspace(network: network, capacity: configuration.batchSize)
    order = Array(0..<data.count)
  }

  /// Continues a saved run on the same data with the same configuration.
  ///
  /// - Throws: ``TrainingError`` (data) when the checkpoint is for a different network, data or
  ///   configuration.
  public convenience init(
    resuming checkpoint: Checkpoint, configuration: TrainingConfiguration, data: Dataset,
    path: String
  ) throws {
    try self.init(configuration: configuration, data: data)
    guard checkpoint.network == network else {
      throw TrainingError.data(
        "checkpoint \(MessageText.inline(path)) is for a different network: layers \(checkpoint.network.sizes) with \(checkpoint.network.activation.rawValue), not \(network.sizes) with \(network.activation.rawValue)."
      )
    }
    guard checkpoint.configuration == configuration else {
      throw TrainingError.data(
        "checkpoint \(MessageText.inline(path)) was saved with different training options (optimizer, rate, schedule, batch size, L2 or seed); pass the same options to resume."
      )
    }
    guard checkpoint.dataFingerprint == data.fingerprint else {
      throw TrainingError.data(
        "checkpoint \(MessageText.inline(path)) was saved on different training data.")
    }
    guard checkpoint.parameters.count == network.parameterCount,
      checkpoint.optimizer.optimizer.steps == checkpoint.step
    else {
      throw TrainingError.data(
        "checkpoint \(MessageText.inline(path)) is corrupt: its state does not fit the network.")
    }
    // Every epoch takes the same number of steps on the same data and batch size.
    let perEpoch = (data.count + configuration.batchSize - 1) / configuration.batchSize
    guard checkpoint.epoch.multipliedReportingOverflow(by: perEpoch) == (checkpoint.step, false)
    else {
      throw TrainingError.data(
        "checkpoint \(path): step: \(checkpoint.step) steps in \(checkpoint.epoch) epochs of "
          + "\(perEpoch) steps each.")
    }
    parameters = checkpoint.parameters
    optimizer = checkpoint.optimizer.optimizer
    generator = checkpoint.generator
    epoch = checkpoint.epoch
    step = checkpoint.step
    lastCost = checkpoint.finalCost
  }

  /// The state after the epochs completed so far.
  public var checkpoint: Checkpoint {
    Checkpoint(
      network: network, configuration: configuration, dataFingerprint: data.fingerprint,
      parameters: parameters, optimizer: SavedOptimizer(optimizer), generator: generator,
      epoch: epoch, step: step, finalCost: lastCost)
  }

  /// The learning rate of the next step.
  public var learningRate: Double {
    schedule.rate(at: configuration.schedule.unit == .epoch ? epoch : step)
  }

  /// Runs one epoch.
  ///
  /// - Parameter onBatch: called after every step with the step number and the batch's cost.
  /// - Returns: what the epoch did.
  /// - Throws: ``TrainingError`` (data) as soon as a cost is NaN or infinite, naming epoch and step.
  @discardableResult
  public func runEpoch(onBatch: (_ step: Int, _ cost: Double) -> Void = { _, _ in })
    throws(TrainingError) -> EpochRecord
  {
    let n = data.count
    for i in 0..<n { order[i] = i }
    generator.shuffle(&order)
    var total = 0.0
    var rate = learningRate
    var start = 0
    while start < n {
      let end = min(start + configuration.batchSize, n)
      rate = learningRate
      let cost = order.withUnsafeBufferPointer { all in
        workspace.costAndGradient(
          parameters: parameters, data: data, rows: UnsafeBufferPointer(rebasing: all[start..<end]),
          l2: configuration.l2)
      }
      guard cost.isFinite else {
        throw .divergence(
          "the cost became \(cost.isNaN ? "NaN" : "infinite") at epoch \(epoch + 1), step \(step + 1); try a smaller learning rate (--lr)\(configuration.l2 > 0 ? " or L2 penalty (--l2)" : "")."
        )
      }
      if startCost == nil { startCost = cost }
      optimizer.update(&parameters, gradient: workspace.gradient, learningRate: rate)
      step += 1
      total += cost * Double(end - start)
      onBatch(step, cost)
      start = end
    }
    epoch += 1
    lastCost = total / Double(n)
    return EpochRecord(epoch: epoch, step: step, learningRate: rate, cost: total / Double(n))
  }

  /// The mean cost (without L2) and accuracy of the current parameters on `data`.
  public func evaluate(_ data: Dataset) -> (cost: Double, accuracy: Double) {
    workspace.evaluate(parameters: parameters, data: data)
  }
}
