import Foundation

extension Trainer {
  /// The divergence rule: training stops (``TrainingError/diverged``) after an epoch whose mean
  /// cost exceeds both ``divergenceFactor`` times ``startCost`` (the first mini-batch's cost, at
  /// the starting parameters) and ``divergenceFloor``, or as soon as a cost is NaN or infinite.
  public static let divergenceFactor = 100.0
  /// The least mean cost that counts as divergence (cross-entropy in nats; a network that
  /// guesses uniformly among 10 classes costs 2.3), so that a run that starts near zero cost
  /// is not stopped by a small rise.
  public static let divergenceFloor = 10.0

  /// Six significant digits.
  static func short(_ value: Double) -> String { String(format: "%.6g", value) }

  /// Trains until `epochs` epochs are complete in total, recording into `history` when given.
  ///
  /// - Parameters:
  ///   - epochs: the total epoch count (a resumed run continues up to it).
  ///   - test: the held-out rows, if any.
  ///   - history: receives every epoch row and mini-batch cost; intact up to a failure.
  ///   - run: the column group of `history` this run fills.
  ///   - onEpoch: called after each epoch (for progress).
  ///   - onHistory: called after each epoch with the history so far, when there is one (for a
  ///     history file that grows as the run goes, `ewa plot history --follow`).
  /// - Returns: the summary; its final cost is the last epoch's, also when no epoch was left to
  ///   run after resuming (the cost the checkpoint saved).
  /// - Throws: ``TrainingError`` when the cost diverges (`history` keeps what came before).
  public func train(
    epochs: Int, test: Dataset?, history: inout TrainingHistory?, run: Int = 0,
    onEpoch: (EpochRecord) -> Void = { _ in },
    onHistory: (TrainingHistory) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingSummary {
    guard epochs >= epoch else {
      throw .usage(
        "--epochs counts the total and the checkpoint already has \(epoch) epochs; ask for at least \(epoch)."
      )
    }
    let clock = ContinuousClock()
    let started = clock.now
    var last: EpochRecord?
    var previous = lastCost
    var warnings: [String] = []
    while epoch < epochs {
      let record: EpochRecord
      if history != nil {
        let current = epoch + 1
        record = try runEpoch { step, cost in
          history!.addBatch(epoch: current, step: step, cost: cost, run: run)
        }
        history!.add(
          .init(
            record: record, trainAccuracy: evaluate(data).accuracy,
            testAccuracy: test.map { evaluate($0).accuracy }), run: run)
      } else {
        record = try runEpoch()
      }
      last = record
      onEpoch(record)
      if let history { onHistory(history) }
      if warnings.isEmpty, let rise = costRise(from: previous, to: record) { warnings.append(rise) }
      previous = record.cost
      if let start = startCost, record.cost > Self.divergenceFloor,
        record.cost > Self.divergenceFactor * start
      {
        throw .divergence(
          "training diverged at epoch \(record.epoch): the mean cost rose to \(Self.short(record.cost)) from \(Self.short(start)) at the start, more than \(Int(Self.divergenceFactor)) times over; try a smaller learning rate (--lr, now \(configuration.schedule.initial))."
        )
      }
    }
    let elapsed = clock.now - started
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let train = evaluate(data)
    return TrainingSummary(
      optimizer: configuration.optimizer.kind.rawValue, trainAccuracy: train.accuracy,
      testAccuracy: test.map { evaluate($0).accuracy },
      finalCost: last?.cost ?? lastCost ?? train.cost,
      epochs: epoch, steps: step, seconds: seconds, warnings: warnings)
  }

  /// The relative rise of an epoch's cost that ``costRise(from:to:)`` ignores as rounding.
  static let riseTolerance = 1e-10

  /// The warning that full-batch gradient descent's cost rose from `previous` at `record`, or nil
  /// (for any other optimizer or batch size, or a cost that did not rise).
  ///
  /// With one batch of every row and plain gradient descent, each step follows the gradient of the
  /// very cost that is recorded, so a small enough rate lowers it at every epoch; a rise means the
  /// rate is too large (the quiz's question 4).
  func costRise(from previous: Double?, to record: EpochRecord) -> String? {
    guard configuration.optimizer.kind == .gd, configuration.batchSize == data.count,
      let previous, record.cost > previous * (1 + Self.riseTolerance)
    else { return nil }
    return
      "warning: the cost rose at epoch \(record.epoch), from \(Self.short(previous)) to \(Self.short(record.cost)); full-batch gradient descent lowers it at every step when the rate is small enough, so try a smaller --lr (now \(Self.short(record.learningRate)))."
  }
}
