import ArgumentParser
import EWA
import EWAIO
import EWATrain

/// `ewa compare`: trains the same network on the same data once per combination of the
/// hyper-parameter lists (``ComparisonGrid``), each from the same initial weights and, where the
/// batch size is equal, with the same batch order.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train the same network with several optimizers or hyper-parameters side by side.",
    usage: "ewa compare [<options>]",
    discussion:
      "Any of --optimizers, --batch-size, --lr, --beta, --beta1, --beta2, --decay, --init and "
      + "--seed takes a comma-separated list; every combination runs (at most "
      + "\(ComparisonGrid.maximumRuns)), named by what varies. " + divergenceRule
      + " A run that diverges is reported and stops; the other runs still run.")

  @OptionGroup var data: DataOptions
  @OptionGroup var network: NetworkOptions
  @OptionGroup var optimizerOptions: OptimizerOptions<ComparisonOptionsHelp>

  @Option(help: "Comma-separated optimizers, e.g. gd,momentum,adam.")
  var optimizers = CommaSeparated<OptimizerKind>(argument: "gd,momentum,adam")

  @Option(
    help: "Write the runs' epoch rows side by side here (mini-batch costs in -batches.csv).",
    completion: .file(extensions: ["csv"]))
  var history: String?

  @Flag(help: "Print one JSON object per run (one per line) on standard output.")
  var json = false

  func validate() throws {
    try optimizerOptions.checkApplies(to: optimizers.choices(option: "--optimizers"), lists: true)
  }

  /// The lists of the command line as a grid.
  func grid() throws -> ComparisonGrid {
    var grid = ComparisonGrid(optimizers: try optimizers.choices(option: "--optimizers"))
    grid.rates = optimizerOptions.learningRates(default: 0.0007)
    grid.betas = optimizerOptions.betas?.values ?? []
    grid.beta1s = optimizerOptions.beta1s?.values ?? []
    grid.beta2s = optimizerOptions.beta2s?.values ?? []
    grid.decays = network.decays.values
    grid.initializations = network.initializations?.values ?? [nil]
    grid.seeds = data.seeds.values
    return grid
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(data.inputRoles, FileRoles.history("--history", history))
      var grid = try grid()
      // The rows, and so the size of a batch `m`, are the same for every seed.
      var prepared = [data.seed: try data.source.prepare()]
      let rows = prepared[data.seed]!.train.count
      grid.batchSizes = network.batchSizeList(rows: rows)
      let runs = try grid.runs(rows: rows, base: optimizerOptions.settings(for:))
      try network.check(rows: rows, sizes: runs.map(\.batchSize), history: history != nil)
      if let warning = grid.initializations.lazy.compactMap({ $0?.warning }).first {
        printError(warning)
      }
      var log: TrainingHistory? = history.map { _ in TrainingHistory(names: runs.map(\.name)) }
      var summaries: [TrainingSummary] = []
      // A run that diverges is reported and stops; the other runs still run, since finding which
      // ones survive a rate is what a comparison is for. The exit status is then 65.
      var diverged: [TrainingError] = []
      do {
        for (index, run) in runs.enumerated() {
          if prepared[run.seed] == nil {
            prepared[run.seed] = try data.source(seed: run.seed).prepare()
          }
          let (train, test) = prepared[run.seed]!
          let configuration = try network.configuration(
            optimizer: run.optimizer, lr: run.learningRate, seed: run.seed, rows: train.count,
            batchSize: run.batchSize, decay: run.decay, initialization: .some(run.initialization))
          let trainer = try Trainer(configuration: configuration, data: train)
          let progress = Progress(total: network.epochs, label: "\(run.name): ")
          do {
            var summary = try trainer.train(
              epochs: network.epochs, test: test, history: &log, run: index,
              onEpoch: progress.update)
            summary.run = run.name
            summary.warnings.forEach { printError("\(run.name): \($0)") }
            summaries.append(summary)
          } catch let error as TrainingError where error.diverged {
            printError("\(run.name): \(error.description)")
            diverged.append(error)
          }
        }
      } catch {
        if let history, let log { try log.write(to: history) }
        throw error
      }
      if let history, let log { try log.write(to: history) }
      if json {
        for summary in summaries { try StandardOutput.print(try summaryJSON(summary)) }
      } else if !summaries.isEmpty {
        try StandardOutput.print(ComparisonTable.text(summaries), terminator: "")
      }
      if !diverged.isEmpty { throw ExitCode(ExitStatus.data.rawValue) }
    }
  }
}
