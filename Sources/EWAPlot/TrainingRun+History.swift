import EWA
import EWASmooth
import EWATrain

extension TrainingRun {
  /// The runs of a history as `ewa train --history` and `ewa compare --history` write it (see
  /// ``TrainingHistory``): one run with columns `epoch,step,lr,cost,…`, or several side by side
  /// with columns `epoch,<name>_lr,<name>_cost,…`; the mini-batch file beside it has `step,epoch,
  /// cost` or `step,epoch,<name>_cost…`.
  ///
  /// An epoch is drawn at the step that ends it: the last mini-batch of that epoch, or the epoch
  /// file's `step` column when there is no mini-batch file.
  ///
  /// - Parameters:
  ///   - epochs: the epoch file.
  ///   - batches: the mini-batch file, if there is one.
  ///   - name: the name of a single run (a file of several runs names them itself).
  /// - Returns: the runs in column order.
  /// - Throws: ``PlotError`` for a file that is not a history, ``SmoothError`` for a cell that
  ///   is not a number.
  public static func runs(epochs: CSVTable, batches: CSVTable?, name: String) throws
    -> [TrainingRun]
  {
    let names =
      epochs.has("cost")
      ? [nil] : epochs.header.filter { $0.hasSuffix("_cost") }.map { String($0.dropLast(5)) }
    guard epochs.has("epoch"), !names.isEmpty else {
      throw PlotError(
        kind: .data,
        message:
          "\(MessageText.inline(epochs.source)) is not a training history: it needs the columns epoch and cost "
          + "(ewa train --history) or epoch and <run>_cost (ewa compare --history), "
          + "not \(MessageText.list(epochs.header))")
    }
    let epochNumbers = try epochs.numbers("epoch")
    var batchSteps: [Double] = []
    var batchEpochs: [Double] = []
    if let batches {
      batchSteps = try batches.numbers("step")
      batchEpochs = try batches.numbers("epoch")
    }
    let epochEnds = try endSteps(
      of: epochNumbers, batchSteps: batchSteps, batchEpochs: batchEpochs, epochs: epochs)
    return try names.map { run in
      let costColumn = run.map { "\($0)_cost" } ?? "cost"
      let epochCosts = try epochs.numbers(costColumn)
      let batchCosts = try batches.map { try $0.numbers(costColumn) } ?? []
      let kept = batchCosts.indices.filter { batchCosts[$0].isFinite }
      let ended = epochCosts.indices.filter { epochCosts[$0].isFinite && epochEnds[$0].isFinite }
      return TrainingRun(
        name: run ?? name, batchSteps: kept.map { batchSteps[$0] },
        batchCosts: kept.map { batchCosts[$0] }, epochSteps: ended.map { epochEnds[$0] },
        epochCosts: ended.map { epochCosts[$0] })
    }
  }

  /// The global step at the end of each epoch.
  private static func endSteps(
    of epochNumbers: [Double], batchSteps: [Double], batchEpochs: [Double], epochs: CSVTable
  ) throws -> [Double] {
    guard !batchSteps.isEmpty else {
      guard epochs.has("step") else {
        throw PlotError(
          kind: .input,
          message:
            "\(MessageText.inline(epochs.source)) has no step column and no mini-batch file beside it "
            + "(\(MessageText.inline(TrainingHistory.batchPath(for: epochs.source)))) to place its epochs"
        )
      }
      return try epochs.numbers("step")
    }
    var last: [Double: Double] = [:]
    for (step, epoch) in zip(batchSteps, batchEpochs) where step.isFinite && epoch.isFinite {
      last[epoch] = max(last[epoch] ?? step, step)
    }
    return epochNumbers.map { last[$0] ?? .nan }
  }
}
