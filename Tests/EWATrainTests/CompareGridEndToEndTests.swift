import EWATestSupport
import EWATrain
import Foundation
import Testing

/// `ewa compare` over lists of hyper-parameters, run end to end: the runs' names in the table,
/// the history and the plot; the same start for every run; the cap; the warnings.
@Suite("ewa compare varies any hyper-parameter")
struct CompareGridEndToEndTests {
  /// The cells of `line`, split at commas outside quotes (the names here hold none).
  static func cells(_ line: Substring) -> [String] {
    line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func runsOfOneBatchSizeStartFromTheSameWeightsAndBatches() throws {
    let history = temporaryPath("grid.csv")
    let r = try ewa([
      "compare", "--optimizers", "gd,momentum,adam", "--beta", "0.5,0.9", "--lr", "0.01,0.1",
      "--epochs", "2", "--history", history,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let names = [
      "gd lr=0.01", "gd lr=0.1", "momentum β=0.5 lr=0.01", "momentum β=0.5 lr=0.1",
      "momentum β=0.9 lr=0.01", "momentum β=0.9 lr=0.1", "adam lr=0.01", "adam lr=0.1",
    ]
    let table = r.stdout.split(separator: "\n")
    #expect(table.count == 9)
    #expect(table.first?.hasPrefix("run ") == true)
    #expect(table.first?.hasSuffix("final cost  train acc  wall s  ms/epoch") == true)
    for (line, name) in zip(table.dropFirst(), names) { #expect(line.hasPrefix(name + "  ")) }
    let batchPath = String(history.dropLast(4)) + "-batches.csv"
    let batches = try String(contentsOfFile: batchPath, encoding: .utf8).split(separator: "\n")
    #expect(Self.cells(batches[0]) == ["step", "epoch"] + names.map { $0 + "_cost" })
    // Step 1 is the first batch at the initial weights: the same cost in every run.
    let first = Self.cells(batches[1]).dropFirst(2)
    #expect(first.count == 8 && Set(first).count == 1, "\(first)")
    // Step 2 differs, but for one pair: momentum's first step (1 - β)·α·g without bias
    // correction is gd's at α·(1 - β), so momentum β=0.9 lr=0.1 steps as gd lr=0.01.
    let second = Array(Self.cells(batches[2]).dropFirst(2))
    #expect(Set(second).count == 7)
    #expect(second[0] == second[5])
  }

  @Test func batchSizesAreNamedWithMResolvedAndShareTheFirstExample() throws {
    let history = temporaryPath("batch.csv")
    let r = try ewa([
      "compare", "--optimizers", "gd", "--batch-size", "1,64,m", "--lr", "0.05", "--epochs", "2",
      "--history", history, "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    for (line, name) in zip(lines, ["batch 1", "batch 64", "batch 300"]) {
      #expect(line.contains("\"run\":\"\(name)\""), "\(line)")
    }
    #expect(lines[0].contains("\"steps\":600") && lines[2].contains("\"steps\":2"))
    let epochs = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
    #expect(epochs[0].hasPrefix("epoch,batch 1_step,batch 1_lr,batch 1_cost,"))
  }

  @Test func plotHistoryShowsTheNamesInTheLegend() throws {
    let history = temporaryPath("legend.csv")
    let script = temporaryPath("legend.gp")
    let r = try ewa([
      "compare", "--optimizers", "gd,momentum", "--beta", "0.5,0.9", "--epochs", "3",
      "--history", history,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let plot = try ewa(["plot", "history", history, "-o", script])
    #expect(plot.status == 0, "\(plot.stderr)")
    let text = try String(contentsOfFile: script, encoding: .utf8)
    for name in ["gd", "momentum β=0.5", "momentum β=0.9"] {
      #expect(text.contains("title '\(name), epoch' noenhanced"), "\(name)")
    }
  }

  @Test func moreThanSixtyFourRunsAreRefusedNamingTheCount() throws {
    let r = try ewa([
      "compare", "--optimizers", "gd,adam,momentum,rmsprop", "--lr", "1,2,3,4,5",
      "--batch-size", "1,2,3,4",
    ])
    #expect(r.status == 64)
    #expect(
      r.stderr
        == "ewa: these lists make 80 runs, more than the 64 one comparison runs; shorten a list.\n")
    #expect(r.stdout.isEmpty)
    let twice = try ewa([
      "compare", "--optimizers", "gd", "--batch-size", "64,m", "--samples", "64",
    ])
    #expect(twice.status == 64 && twice.stderr.contains("--batch-size lists the same value twice"))
  }

  @Test func trainTakesOneValueAndMForAll() throws {
    let list = try ewa(["train", "--batch-size", "1,2"])
    #expect(list.status == 64)
    #expect(list.stderr.contains("--batch-size takes one value here, got 2"))
    let seeds = try ewa(["train", "--seed", "1,2"])
    #expect(seeds.status == 64 && seeds.stderr.contains("--seed takes one value here"))
    let all = try ewa(["train", "--batch-size", "all", "--epochs", "3", "--json"])
    #expect(all.status == 0 && all.stdout.contains("\"steps\":3"), "\(all.stderr)")
    let bad = try ewa(["train", "--batch-size", "M"])
    #expect(bad.status == 64 && bad.stderr.contains("or m (all the training rows), got \"M\""))
  }

  @Test func zerosWarnOnceAndCannotLearn() throws {
    let r = try ewa(["train", "--init", "zeros", "--epochs", "30", "--json"])
    #expect(r.status == 0)
    let warnings = r.stderr.split(separator: "\n").filter { $0.contains("warning") }
    #expect(
      warnings == [
        "ewa: warning: --init zeros starts every weight at zero; the units of each layer stay identical and the network cannot learn (use he or xavier to train)."
      ])
    #expect(r.stdout.contains("\"train_accuracy\":0.5}"), "\(r.stdout)")
  }

  @Test func aRisingFullBatchCostWarnsOnceNamingTheEpoch() throws {
    let r = try ewa([
      "train", "--optimizer", "gd", "--batch-size", "m", "--lr", "20", "--epochs", "20", "--json",
    ])
    #expect(r.status == 0)
    let warnings = r.stderr.split(separator: "\n").filter { $0.contains("warning") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasPrefix("ewa: warning: the cost rose at epoch 2, from ") == true)
    let compare = try ewa([
      "compare", "--optimizers", "gd,adam", "--batch-size", "m", "--lr", "20", "--epochs", "20",
    ])
    let named = compare.stderr.split(separator: "\n").filter { $0.contains("warning") }
    #expect(named.count == 1 && named.first?.hasPrefix("ewa: gd: warning: the cost rose") == true)
    let small = try ewa([
      "train", "--optimizer", "gd", "--batch-size", "m", "--lr", "0.5", "--epochs", "20",
    ])
    #expect(!small.stderr.contains("warning"))
  }

  @Test func runsOfDifferentBatchSizesPlaceTheirOwnEpochs() throws {
    let history = temporaryPath("sizes.csv")
    let r = try ewa([
      "compare", "--optimizers", "gd", "--batch-size", "100,m", "--epochs", "3", "--history",
      history,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let batchPath = String(history.dropLast(4)) + "-batches.csv"
    let epochs = try String(contentsOfFile: history, encoding: .utf8)
    #expect(epochs.hasPrefix("epoch,batch 100_step,batch 100_lr,"))
    let runs = try TrainingHistory.runs(
      epochs: (Array(epochs.utf8), history),
      batches: (Array(try String(contentsOfFile: batchPath, encoding: .utf8).utf8), batchPath),
      name: "unused")
    #expect(runs.map(\.name) == ["batch 100", "batch 300"])
    #expect(runs.map(\.epochSteps) == [[3, 6, 9], [1, 2, 3]])
    #expect(runs.map(\.batchSteps.count) == [9, 3])
    // Equal batch sizes keep the format without step columns.
    let same = temporaryPath("same.csv")
    _ = try ewa(["compare", "--optimizers", "gd,adam", "--epochs", "2", "--history", same])
    #expect(try String(contentsOfFile: same, encoding: .utf8).hasPrefix("epoch,gd_lr,"))
  }
}
