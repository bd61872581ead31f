/// What a finished run reports (the `--json` summary).
public struct TrainingSummary: Codable, Equatable, Sendable {
  public var optimizer: String
  public var trainAccuracy: Double
  public var testAccuracy: Double?
  public var finalCost: Double
  public var epochs: Int
  public var steps: Int
  public var seconds: Double

  enum CodingKeys: String, CodingKey {
    case optimizer, epochs, steps, seconds
    case trainAccuracy = "train_accuracy"
    case testAccuracy = "test_accuracy"
    case finalCost = "final_cost"
  }

  // `test_accuracy` is written as null when there is no test split, not left out.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(optimizer, forKey: .optimizer)
    try c.encode(trainAccuracy, forKey: .trainAccuracy)
    try c.encode(testAccuracy, forKey: .testAccuracy)
    try c.encode(finalCost, forKey: .finalCost)
    try c.encode(epochs, forKey: .epochs)
    try c.encode(steps, forKey: .steps)
    try c.encode(seconds, forKey: .seconds)
  }
}

extension Trainer {
  /// Trains until `epochs` epochs are complete in total, recording into `history` when given.
  ///
  /// - Parameters:
  ///   - epochs: the total epoch count (a resumed run continues up to it).
  ///   - test: the held-out rows, if any.
  ///   - history: receives every epoch row and mini-batch cost; intact up to a failure.
  ///   - run: the column group of `history` this run fills.
  ///   - onEpoch: called after each epoch (for progress).
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
      testAccuracy: test.map { evaluate($0).accuracy }, finalCost: last?.cost ?? train.cost,
      epochs: epoch, steps: step, seconds: seconds)
  }
}
