import ArgumentParser
import EWA
import EWAIO
import EWATrain

extension Activation: ExpressibleByArgument {}
extension Initialization: ExpressibleByArgument {}
extension BatchSize: ExpressibleByArgument {
  public init?(argument: String) { self.init(text: argument) }
}

/// The network, the mini-batches and the learning-rate schedule (shared by `train` and
/// `compare`).
struct NetworkOptions: ParsableArguments {
  @Option(help: "Hidden layer sizes, comma-separated; input and output sizes come from the data.")
  var layers = CommaSeparated<LayerWidth>(argument: "5,2")

  @Option(help: "The activation of the hidden layers.")
  var activation: Activation = .relu

  @Option(
    name: .customLong("init"),
    help:
      "Weight initialisation: he, xavier, or zeros to see a network that cannot learn (default: he for relu, xavier otherwise)."
  )
  var initializations: CommaSeparated<Initialization>?

  /// The one initialisation given, or nil.
  var initialization: Initialization? { initializations?.values.first }

  @Option(name: .customLong("l2"), help: "λ of an L2 penalty on the weights, added to the cost (default 0).")
  var penalty: Double?

  /// λ of the L2 penalty, 0 without `--l2`.
  var l2: Double { penalty ?? 0 }

  @Option(
    name: .customLong("batch-size"),
    help:
      "Rows per mini-batch (1: stochastic; m or all: batch, every training row; default 64, or all the training rows when there are fewer)."
  )
  var batchSizes: CommaSeparated<BatchSize>?

  /// The one batch size given, or nil.
  var batchSize: BatchSize? { batchSizes?.values.first }

  /// The batch size when `--batch-size` is not given.
  static let defaultBatchSize = 64

  /// The most mini-batch rows `--history` keeps in memory (about 50 bytes each) before writing.
  static let maximumHistoryRows = 5_000_000

  @Option(help: "Total number of epochs (a resumed run continues up to it).")
  var epochs: Int = 5000

  @Option(
    name: .customLong("decay"),
    help:
      "Learning-rate decay: none, inverse-time, exponential, inverse-sqrt, staircase, step, manual or cosine."
  )
  var decays = CommaSeparated<ScheduleSettings.Kind>(argument: "none")

  /// The one schedule given (the first).
  var decay: ScheduleSettings.Kind { decays.values.first ?? .none }

  @OptionGroup var schedule: ScheduleOptions

  /// The hidden sizes, or nil when `--layers` is malformed.
  var hidden: [Int]? {
    !layers.text.isEmpty && layers.firstInvalid == nil ? layers.values.map(\.units) : nil
  }

  func validate() throws {
    guard hidden != nil else {
      throw ValidationError(
        "--layers must list positive hidden layer sizes separated by commas, such as 5,2; got \(MessageText.quoted(layers.text))."
      )
    }
    if let item = batchSizes?.firstInvalid {
      throw ValidationError(
        "--batch-size must be at least 1, or m (all the training rows), got \(MessageText.quoted(item.text))."
      )
    }
    _ = try initializations?.choices(option: "--init")
    let kinds = try decays.choices(option: "--decay")
    if let widest = hidden?.max(), widest > DenseNetwork.maximumParameters {
      throw ValidationError(
        "--layers \(layers): a layer of \(widest) units exceeds the \(DenseNetwork.maximumParameters) parameters a network may have."
      )
    }
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs).") }
    guard l2 >= 0 && l2.isFinite else {
      throw ValidationError("--l2 must be zero or positive, got \(l2).")
    }
    try schedule.check(kinds: kinds)
  }

  /// Refuses a list where the command takes one value (every command but `compare`).
  func checkSingle() throws {
    try refuseList("--batch-size", batchSizes?.items.count, lists: false)
    try refuseList("--init", initializations?.items.count, lists: false)
    try refuseList("--decay", decays.items.count, lists: false)
  }

  /// The batch size for `rows` training rows: `--batch-size`, or the default clamped to `rows`.
  func batchSize(rows: Int) -> Int {
    batchSize?.rows(of: rows) ?? min(Self.defaultBatchSize, max(rows, 1))
  }

  /// The batch sizes given (`compare` takes a list), or the default clamped to `rows`.
  func batchSizeList(rows: Int) -> [BatchSize] {
    batchSizes?.values ?? [.rows(batchSize(rows: rows))]
  }

  /// Notes on standard error that the default batch size was clamped to a small training set,
  /// and refuses a `--history` that would hold more than ``maximumHistoryRows`` mini-batch rows
  /// for runs of `sizes` rows per batch.
  func check(rows: Int, sizes: [Int], history: Bool) throws {
    if batchSize == nil, rows < Self.defaultBatchSize {
      printError(
        "note: the training set has \(rows) rows, fewer than the default batch size \(Self.defaultBatchSize); each batch holds all \(rows)."
      )
    }
    let perEpoch = sizes.map { $0 >= 1 ? rows / $0 + (rows % $0 == 0 ? 0 : 1) : 0 }.reduce(0, +)
    let total = epochs.multipliedReportingOverflow(by: perEpoch)
    if history, total.overflow || total.partialValue > Self.maximumHistoryRows {
      let runs = sizes.count > 1 ? " for \(sizes.count) runs" : ""
      throw TrainingError.usage(
        "--history keeps every mini-batch cost in memory and \(epochs) epochs of \(perEpoch) batches\(runs) exceed \(Self.maximumHistoryRows) rows; use fewer epochs or larger batches."
      )
    }
  }

  /// The configuration for `optimizer` at rate `lr`, on `rows` training rows, with the options'
  /// batch size, schedule and initialisation unless given.
  func configuration(
    optimizer: OptimizerSettings, lr: Double, seed: UInt64, rows: Int, batchSize: Int? = nil,
    decay: ScheduleSettings.Kind? = nil, initialization: Initialization?? = nil
  ) throws -> TrainingConfiguration {
    var c = TrainingConfiguration(optimizer: optimizer, learningRate: lr)
    c.hidden = hidden ?? []
    c.activation = activation
    c.initialization = initialization ?? self.initialization
    c.l2 = l2
    c.batchSize = batchSize ?? self.batchSize(rows: rows)
    c.seed = seed
    c.schedule = try schedule.settings(kind: decay ?? self.decay, initial: lr, epochs: epochs)
    return c
  }
}

/// One hidden layer's size in `--layers`: a positive whole number, blanks around it allowed.
struct LayerWidth: ExpressibleByArgument {
  let units: Int

  init?(argument: String) {
    guard let units = Int(argument.trimmingCharacters(in: .whitespaces)), units > 0 else {
      return nil
    }
    self.units = units
  }
}
