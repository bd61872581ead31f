extension Trainer {
  /// Trains until `epochs` epochs are complete in total, recording into `history` when given.
  ///
  /// - Parameters:
  ///   - epochs: the total epoch count (a resumed run continues up to it).
  ///   - test: the held-out rows, if any.
  ///   - history: receives every epoch row and mini-batch cost; intact up to a failure.
  ///   - run: the column group of `history` this run fills.
  ///   - onEpoch: called after each epoch (for progress).
  /// - Returns: the summary; its final cost is the last epoch's, also when no epoch was left to
  ///   run after resuming (the cost the checkpoint saved).
  /// - Throws: ``TrainingError`` when the cost diverges (`history` keeps what came before).
  public func train(
    epochs: Int, test: Dataset?, history: inout TrainingHistory?, run: Int = 0,
    onEpoch: (EpochRecord) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingSummary {
    guard epochs >= epoch else {
      throw .usage(
        "--epochs counts the total and the checkpoint already has \(epoch) epochs; ask for at least \(epoch)."
      )
    }
    let clock = ContinuousClock()
    let started = clock.now
    var last: EpochRecord?
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
    }
    let elapsed = clock.now - started
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let train = evaluate(data)
    return TrainingSummary(
      optimizer: configuration.optimizer.kind.rawValue, trainAccuracy: train.accuracy,
      testAccuracy: test.map { evaluate($0).accuracy },
      finalCost: last?.cost ?? lastCost ?? train.cost,
      epochs: epoch, steps: step, seconds: seconds)
  }
}
