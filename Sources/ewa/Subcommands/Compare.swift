import ArgumentParser
import EWA
import EWAIO
import EWATrain

/// `ewa compare`: trains the same network on the same data, from the same initial weights and
/// with the same batch order, once per optimizer.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train the same network with several optimizers and compare them side by side.",
    discussion: divergenceRule
      + " A run that diverges is reported and stops; the other optimizers still run.")

  @OptionGroup var data: DataOptions
  @OptionGroup var network: NetworkOptions
  @OptionGroup var optimizerOptions: OptimizerOptions

  @Option(help: "Comma-separated optimizers, e.g. gd,momentum,adam.")
  var optimizers = CommaSeparated<OptimizerKind>(argument: "gd,momentum,adam")

  @Option(
    help: "Write the runs' epoch rows side by side here (mini-batch costs in -batches.csv).",
    completion: .file(extensions: ["csv"]))
  var history: String?

  @Flag(help: "Print one JSON object per optimizer (one per line) on standard output.")
  var json = false

  var kinds: [OptimizerKind] {
    (try? optimizers.choices(option: "--optimizers")) ?? []
  }

  func validate() throws {
    try optimizerOptions.checkApplies(to: optimizers.choices(option: "--optimizers"))
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(data.inputRoles, FileRoles.history("--history", history))
      let (train, test) = try data.source.prepare()
      try network.check(rows: train.count, runs: kinds.count, history: history != nil)
      var log: TrainingHistory? = history.map { _ in TrainingHistory(names: kinds.map(\.rawValue)) }
      var summaries: [TrainingSummary] = []
      // A run that diverges is reported and stops; the other optimizers still run, since
      // finding which ones survive a rate is what a comparison is for. The exit status is then 65.
      var diverged: [TrainingError] = []
      do {
        for (run, kind) in kinds.enumerated() {
          let configuration = try network.configuration(
            optimizer: optimizerOptions.settings(for: kind), lr: optimizerOptions.lr ?? 0.0007,
            seed: data.seed, rows: train.count)
          let trainer = try Trainer(configuration: configuration, data: train)
          let progress = Progress(total: network.epochs, label: "\(kind.rawValue): ")
          do {
            summaries.append(
              try trainer.train(
                epochs: network.epochs, test: test, history: &log, run: run,
                onEpoch: progress.update))
          } catch let error as TrainingError where error.diverged {
            printError("\(kind.rawValue): \(error.description)")
            diverged.append(error)
          }
        }
      } catch {
        if let history, let log { try log.write(to: history) }
        throw error
      }
      if let history, let log { try log.write(to: history) }
      for summary in summaries {
        try StandardOutput.print(json ? try summaryJSON(summary) : describe(summary))
      }
      if !diverged.isEmpty { throw ExitCode(ExitStatus.data.rawValue) }
    }
  }
}
