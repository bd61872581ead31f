import ArgumentParser
import EWA
import EWATrain

extension Activation: ExpressibleByArgument {}
extension Initialization: ExpressibleByArgument {}

/// The network, the mini-batches and the learning-rate schedule (shared by `train` and
/// `compare`).
struct NetworkOptions: ParsableArguments {
  @Option(help: "Hidden layer sizes, comma-separated; input and output sizes come from the data.")
  var layers: String = "5,2"

  @Option(help: "Hidden activation: relu, leaky-relu, tanh or sigmoid.")
  var activation: Activation = .relu

  @Option(
    name: .customLong("init"),
    help: "Weight initialisation: he or xavier (default: he for relu, xavier otherwise).")
  var initialization: Initialization?

  @Option(help: "λ of an L2 penalty on the weights, added to the cost.")
  var l2: Double = 0

  @Option(help: "Rows per mini-batch (1: stochastic; the training set size: batch).")
  var batchSize: Int = 64

  @Option(help: "Total number of epochs (a resumed run continues up to it).")
  var epochs: Int = 5000

  @Option(
    help:
      "Learning-rate decay: none, inverse-time, exponential, inverse-sqrt, staircase, step, manual or cosine."
  )
  var decay: ScheduleSettings.Kind = .none

  @OptionGroup var schedule: ScheduleOptions

  /// The hidden sizes, or nil when `--layers` is malformed.
  var hidden: [Int]? {
    let parts = layers.split(separator: ",", omittingEmptySubsequences: false)
    let sizes = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    return !layers.isEmpty && sizes.count == parts.count && sizes.allSatisfy { $0 > 0 }
      ? sizes : nil
  }

  func validate() throws {
    guard hidden != nil else {
      throw ValidationError(
        "--layers must list positive hidden layer sizes separated by commas, such as 5,2; got \(MessageText.quoted(layers))."
      )
    }
    guard batchSize >= 1 else {
      throw ValidationError("--batch-size must be at least 1, got \(batchSize).")
    }
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs).") }
    guard l2 >= 0 && l2.isFinite else {
      throw ValidationError("--l2 must be zero or positive, got \(l2).")
    }
    try schedule.check(kinds: [decay])
  }

  /// The configuration for `optimizer` at rate `lr`.
  func configuration(optimizer: OptimizerSettings, lr: Double, seed: UInt64) throws
    -> TrainingConfiguration
  {
    var c = TrainingConfiguration(optimizer: optimizer, learningRate: lr)
    c.hidden = hidden ?? []
    c.activation = activation
    c.initialization = initialization
    c.l2 = l2
    c.batchSize = batchSize
    c.seed = seed
    c.schedule = try schedule.settings(kind: decay, initial: lr, epochs: epochs)
    return c
  }
}
