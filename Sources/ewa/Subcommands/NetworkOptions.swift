import ArgumentParser
import EWATrain

extension Activation: ExpressibleByArgument {}
extension Initialization: ExpressibleByArgument {}
extension ScheduleSettings.Kind: ExpressibleByArgument {}
extension ScheduleSettings.Unit: ExpressibleByArgument {}

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

  @Option(help: "r of the decay (γ of step, k of inverse-sqrt, final fraction of cosine).")
  var decayRate: Double?

  @Option(help: "T, the epochs (or steps) per stair of staircase and step, the length of cosine.")
  var decayInterval: Int?

  @Option(help: "The manual schedule: epoch:rate pairs, e.g. 1000:0.01,3000:0.001.")
  var manualRates: String?

  @Option(help: "Epochs (or steps) of linear warm-up before the schedule.")
  var warmup: Int = 0

  @Option(help: "What the schedule counts: epoch or step.")
  var scheduleUnit: ScheduleSettings.Unit = .epoch

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
        "--layers must list positive hidden layer sizes separated by commas, such as 5,2; got \"\(layers)\"."
      )
    }
    guard batchSize >= 1 else {
      throw ValidationError("--batch-size must be at least 1, got \(batchSize).")
    }
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs).") }
    guard l2 >= 0 && l2.isFinite else {
      throw ValidationError("--l2 must be zero or positive, got \(l2).")
    }
    if (manualRates != nil) != (decay == .manual) {
      throw ValidationError("--manual-rates goes with --decay manual, and --decay manual needs it.")
    }
    if decay == .none && (decayRate != nil || decayInterval != nil) {
      throw ValidationError("--decay-rate and --decay-interval need a --decay schedule.")
    }
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
    c.schedule.kind = decay
    c.schedule.rate = decayRate
    c.schedule.interval = decayInterval ?? (decay == .cosine ? epochs : 1000)
    c.schedule.points = try manualRates.map { try ManualSchedule.parse($0) } ?? []
    c.schedule.warmUp = warmup
    c.schedule.unit = scheduleUnit
    _ = try c.schedule.make()
    return c
  }
}
