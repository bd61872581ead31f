import EWAIO

extension TrainingHistory {
  /// The runs of a history as ``write(to:)`` writes it (`ewa train --history`, `ewa compare
  /// --history`): one run with columns `epoch,step,lr,cost,…`, or several side by side with
  /// columns `epoch,<name>_lr,<name>_cost,…`; the mini-batch file beside it has `step,epoch,cost`
  /// or `step,epoch,<name>_cost…`.
  ///
  /// An epoch ends at the step of its last mini-batch, or at the epoch file's `step` column when
  /// there is no mini-batch file.
  ///
  /// A history is untrusted input, checked before anything is drawn: it needs at least one row;
  /// the columns it names must all be there, each once; `epoch` (and `step`, and the mini-batch
  /// file's `step`) hold whole numbers that increase from row to row (the mini-batch file's
  /// `epoch` never decreases); a cost cell is a number or empty (a run that stopped early), and
  /// each run has at least one cost. A bad cell is named by file, line and column.
  ///
  /// - Parameters:
  ///   - epochs: the epoch file's bytes and its name in messages.
  ///   - batches: the mini-batch file's bytes and name, if there is one.
  ///   - name: the name of a single run (a file of several runs names them itself).
  /// - Returns: the runs in column order, each with the epochs and mini-batches that have a cost.
  /// - Throws: ``TrainingError`` (data) for a file that is not a history or a bad cell,
  ///   ``IOError`` for malformed CSV.
  public static func runs(
    epochs: (bytes: [UInt8], name: String), batches: (bytes: [UInt8], name: String)?,
    name: String
  ) throws -> [RecordedRun] {
    let epochs = try HistoryTable(epochs.bytes, source: epochs.name)
    let batches = try batches.map { try HistoryTable($0.bytes, source: $0.name) }
    guard !epochs.rows.isEmpty else {
      throw TrainingError.data(
        "\(MessageText.inline(epochs.source)) has a header but no rows; a training history has "
          + "one row per epoch")
    }
    let names =
      epochs.has("cost")
      ? [nil] : epochs.header.filter { $0.hasSuffix("_cost") }.map { String($0.dropLast(5)) }
    guard epochs.has("epoch"), !names.isEmpty else {
      throw TrainingError.data(
        "\(MessageText.inline(epochs.source)) is not a training history: it needs the columns "
          + "epoch and cost (ewa train --history) or epoch and <run>_cost (ewa compare --history), "
          + "not \(MessageText.list(epochs.header))")
    }
    let costColumns = names.map { run in run.map { "\($0)_cost" } ?? "cost" }
    try requireColumns(["epoch"] + costColumns, in: epochs)
    let epochNumbers = try counts(epochs, "epoch", minimum: 1, strictly: true)
    var batchSteps: [Double] = []
    var batchEpochs: [Double] = []
    if let batches {
      try requireColumns(["step", "epoch"] + costColumns, in: batches)
      batchSteps = try counts(batches, "step", minimum: 1, strictly: true)
      batchEpochs = try counts(batches, "epoch", minimum: 1, strictly: false)
    }
    let epochEnds = try endSteps(
      of: epochNumbers, batchSteps: batchSteps, batchEpochs: batchEpochs, epochs: epochs)
    return try zip(names, costColumns).map { run, costColumn in
      // A run with its own step column (batch sizes that differ) ends its epochs there.
      let ownSteps = run.map { "\($0)_step" }.flatMap { epochs.has($0) ? $0 : nil }
      let epochEnds = try ownSteps.map { try epochs.numbers($0) } ?? epochEnds
      let epochCosts = try epochs.numbers(costColumn)
      guard epochCosts.contains(where: \.isFinite) else {
        throw TrainingError.data(
          "\(MessageText.inline(epochs.source)), column \(MessageText.quoted(costColumn)): "
            + "no row has a cost")
      }
      let batchCosts = try batches.map { try $0.numbers(costColumn) } ?? []
      let kept = batchCosts.indices.filter { batchCosts[$0].isFinite }
      let ended = epochCosts.indices.filter { epochCosts[$0].isFinite && epochEnds[$0].isFinite }
      return RecordedRun(
        name: run ?? name, batchSteps: kept.map { batchSteps[$0] },
        batchCosts: kept.map { batchCosts[$0] }, epochSteps: ended.map { epochEnds[$0] },
        epochCosts: ended.map { epochCosts[$0] })
    }
  }

  /// Checks that `table` has each of `columns`, and no column name twice.
  private static func requireColumns(_ columns: [String], in table: HistoryTable)
    throws(TrainingError)
  {
    var seen: Set<String> = []
    for name in table.header where !seen.insert(name).inserted {
      throw .data(
        "\(MessageText.inline(table.source)), line 1: two columns are named "
          + "\(MessageText.quoted(name)); a training history names each column once")
    }
    for name in columns where !table.has(name) {
      throw .data(
        "\(MessageText.inline(table.source)), line 1: the training history has no column "
          + "\(MessageText.quoted(name)); its columns are "
          + MessageText.quoted(table.header.joined(separator: ",")))
    }
  }

  /// The whole numbers of a counting column (epochs, steps): each at least `minimum`, and above
  /// the one before (`strictly`) or not below it.
  private static func counts(
    _ table: HistoryTable, _ name: String, minimum: Double, strictly: Bool
  ) throws(TrainingError) -> [Double] {
    let column = table.header.firstIndex(of: name)!
    let values = try table.numbers(name)
    var previous: Double?
    for (r, value) in values.enumerated() {
      func refuse(_ why: String) -> TrainingError {
        .data(
          "\(MessageText.inline(table.source)), line \(table.lines[r]), column "
            + "\(MessageText.quoted(name)): \(MessageText.quoted(table.rows[r][column])) \(why)")
      }
      guard !value.isNaN else { throw refuse("is empty; every row needs its \(name)") }
      guard value >= minimum, value <= 0x1p53, value == value.rounded() else {
        throw refuse("is not a whole number from \(Int(minimum)) to 2^53")
      }
      if let previous, strictly ? value <= previous : value < previous {
        throw refuse(
          "follows \(NumberText.format(previous)) on the row before; the \(name) numbers "
            + (strictly ? "increase" : "never decrease"))
      }
      previous = value
    }
    return values
  }

  /// The global step at the end of each epoch.
  private static func endSteps(
    of epochNumbers: [Double], batchSteps: [Double], batchEpochs: [Double], epochs: HistoryTable
  ) throws(TrainingError) -> [Double] {
    guard !batchSteps.isEmpty else {
      guard epochs.has("step") else {
        throw .data(
          "\(MessageText.inline(epochs.source)) has no step column and no mini-batch file beside "
            + "it (\(MessageText.inline(batchPath(for: epochs.source)))) to place its epochs")
      }
      return try counts(epochs, "step", minimum: 1, strictly: true)
    }
    var last: [Double: Double] = [:]
    for (step, epoch) in zip(batchSteps, batchEpochs) where step.isFinite && epoch.isFinite {
      last[epoch] = max(last[epoch] ?? step, step)
    }
    return epochNumbers.map { last[$0] ?? .nan }
  }
}
