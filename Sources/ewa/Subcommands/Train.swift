import ArgumentParser
import EWA
import EWAIO
import EWATrain
import Foundation

/// `ewa train`: trains a dense network with one optimizer.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train a dense network with mini-batch gradient descent and one optimizer.",
    usage: "ewa train [<options>]",
    discussion: divergenceRule)

  @OptionGroup var data: DataOptions
  @OptionGroup var network: NetworkOptions
  @OptionGroup var optimizerOptions: OptimizerOptions<TrainingOptionsHelp>

  @Option(help: "The optimizer.")
  var optimizer: OptimizerKind = .adam

  @Option(
    help: "Write one row per epoch here, and the mini-batch costs beside it (-batches.csv).",
    completion: .file(extensions: ["csv"]))
  var history: String?

  @Option(help: "Write a checkpoint here at the end.", completion: .file(extensions: ["json"]))
  var save: String?

  @Option(
    help: "Continue from this checkpoint; --epochs counts the total.",
    completion: .file(extensions: ["json"]))
  var resume: String?

  @Flag(help: "Print the summary as one JSON object on standard output.")
  var json = false

  func validate() throws {
    try optimizerOptions.checkApplies(to: [optimizer])
    try network.checkSingle()
    try refuseList("--seed", data.seeds.items.count, lists: false)
  }

  func run() throws {
    try reportingErrors {
      // --save over --resume updates the checkpoint in place (read whole, then replaced), as
      // --state does for `ewa smooth`; every other pair must name different files.
      let updatesInPlace = save.map(FileIdentity.init) == resume.map(FileIdentity.init)
      try FileRoles.check(
        data.inputRoles, updatesInPlace ? [] : FileRoles.input("--resume", resume),
        FileRoles.history("--history", history), FileRoles.output("--save", save))
      let (train, test) = try data.source.prepare()
      try network.check(
        rows: train.count, sizes: [network.batchSize(rows: train.count)], history: history != nil)
      if let warning = network.initialization?.warning { printError(warning) }
      let configuration = try network.configuration(
        optimizer: optimizerOptions.settings(for: optimizer), lr: optimizerOptions.lr ?? 0.0007,
        seed: data.seed, rows: train.count)
      let trainer =
        try resume.map {
          try Trainer(
            resuming: Checkpoint.load(from: $0), configuration: configuration, data: train,
            path: $0)
        } ?? Trainer(configuration: configuration, data: train)
      var log: TrainingHistory? = history.map { _ in TrainingHistory() }
      let progress = Progress(total: network.epochs, label: "")
      let summary: TrainingSummary
      let checkpoints = history.map(HistoryCheckpoints.init)
      do {
        summary = try trainer.train(
          epochs: network.epochs, test: test, history: &log, onEpoch: progress.update,
          onHistory: { checkpoints?.offer($0) })
        if let failure = checkpoints?.failure { throw failure }
      } catch {
        if let history, let log { try log.write(to: history) }
        throw error
      }
      if let history, let log { try log.write(to: history) }
      if let save { try trainer.checkpoint.save(to: save) }
      summary.warnings.forEach(printError)
      try StandardOutput.print(json ? try summaryJSON(summary) : describe(summary))
    }
  }
}

/// The divergence rule, in the help of `train` and `compare` (Guides/Optimizers.md).
let divergenceRule = """
  Training stops with status 65 when it diverges: a cost that is NaN or infinite, or an epoch's \
  mean cost above both 100 times the first mini-batch's cost and 10. The history written so far \
  is kept; try a smaller --lr.
  """

/// The summary as one line of JSON.
func summaryJSON(_ summary: TrainingSummary) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  return String(decoding: try encoder.encode(summary), as: UTF8.self)
}

/// The summary as one human-readable line.
func describe(_ s: TrainingSummary) -> String {
  let test = s.testAccuracy.map { ", test accuracy \(format($0))" } ?? ""
  return
    "\(s.optimizer): \(s.epochs) epochs, \(s.steps) steps in \(String(format: "%.2f", s.seconds)) s; final cost \(format(s.finalCost)), train accuracy \(format(s.trainAccuracy))\(test)"
}
