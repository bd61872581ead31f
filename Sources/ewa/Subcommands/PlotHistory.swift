import ArgumentParser
import EWAPlot

/// `ewa plot history`: training cost per mini-batch (noisy and smoothed) and per epoch.
struct PlotHistory: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract:
      "Plot training histories: mini-batch cost, its EWA, and epoch cost, one colour per run.",
    discussion: """
      RUN.csv has the header epoch,step,lr,cost,train_accuracy[,test_accuracy], one row per \
      epoch, where step is the number of mini-batches done by the end of that epoch. If \
      RUN.batches.csv exists beside it (header step,epoch,cost, one row per mini-batch, step \
      counting from 1 across epochs), its costs are drawn too, with their exponentially weighted \
      average. The run is named after its file.
      """)

  @Argument(help: ArgumentHelp("The history files, one per run.", valueName: "run.csv"))
  var runs: [String]

  @Option(
    help: ArgumentHelp("The decay β of the smoothed mini-batch line, in [0, 1).", valueName: "β"))
  var beta: Double = 0.98

  @OptionGroup var plot: PlotOptions

  func validate() throws {
    guard !runs.isEmpty else { throw ValidationError("Give at least one history file RUN.csv.") }
    guard beta >= 0 && beta < 1 else {
      throw ValidationError("--beta \(beta) is not a decay in [0, 1).")
    }
  }

  func run() throws {
    try reportingErrors {
      let loaded = try runs.map { path in
        let epochs = try PlotTable.read(path)
        let batchesPath =
          GnuplotRunner.directory(of: path) + GnuplotRunner.stem(of: path) + ".batches.csv"
        let batches =
          try FileManager.default.fileExists(atPath: batchesPath)
          ? PlotTable.read(batchesPath) : nil
        _ = try epochs.numbers("epoch")
        return try TrainingRun(
          name: GnuplotRunner.stem(of: path),
          batchSteps: batches?.numbers("step") ?? [],
          batchCosts: batches?.numbers("cost", allowMissing: true) ?? [],
          epochSteps: epochs.numbers("step"), epochCosts: epochs.numbers("cost", allowMissing: true)
        )
      }
      let names = runs.map { "\($0)" }.joined(separator: ", ")
      try plot.draw(
        Figure.history(runs: loaded, beta: beta), name: "history",
        comment: "ewa plot history: \(names)")
    }
  }
}

import Foundation
