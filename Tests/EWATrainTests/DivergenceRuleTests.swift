import EWA
import EWAIO
import Foundation
import Testing

@testable import EWATrain

/// Training stops as diverged after an epoch whose mean cost exceeds both 10 and 100 times the
/// first mini-batch's cost, or at a NaN or infinite cost; a healthy run is never stopped.
@Suite struct DivergenceRuleTests {
  let moons = SyntheticData.moons.generate(samples: 300, noise: 0.2, seed: 3)

  func trainer(lr: Double, kind: OptimizerKind = .adam) throws -> Trainer {
    var c = TrainingConfiguration(optimizer: OptimizerSettings(kind: kind), learningRate: lr)
    c.seed = 3
    return try Trainer(configuration: c, data: moons)
  }

  @Test func aHugeRateDivergesAtTheFirstEpochAndKeepsItsHistory() throws {
    let t = try trainer(lr: 1e6)
    var history: TrainingHistory? = TrainingHistory()
    #expect {
      try t.train(epochs: 50, test: nil, history: &history)
    } throws: { error in
      guard let e = error as? TrainingError else { return false }
      return e.diverged && e.kind == .data
        && e.message.hasPrefix("training diverged at epoch 1: the mean cost rose to ")
        && e.message.contains("try a smaller learning rate (--lr, now 1000000.0)")
    }
    #expect(t.epoch == 1)
    #expect(history?.epochs[0].count == 1)
    #expect(history?.batches[0].count == 5)
    let start = try #require(t.startCost)
    #expect(abs(start - 0.7) < 0.2)
  }

  @Test(arguments: [OptimizerKind.gd, .momentum, .adam, .rmsprop])
  func aHealthyRunIsNotStopped(_ kind: OptimizerKind) throws {
    let t = try trainer(lr: kind == .gd ? 0.5 : 0.01, kind: kind)
    var history: TrainingHistory? = nil
    let summary = try t.train(epochs: 200, test: nil, history: &history)
    #expect(summary.epochs == 200 && summary.finalCost < 1)
  }

  @Test func aNonFiniteCostIsADivergence() throws {
    let t = try trainer(lr: 1e300, kind: .gd)
    var history: TrainingHistory? = nil
    #expect {
      try t.train(epochs: 50, test: nil, history: &history)
    } throws: { error in
      (error as? TrainingError)?.diverged == true
    }
  }

  @Test func theRuleNeedsBothTheFactorAndTheFloor() {
    #expect(Trainer.divergenceFactor == 100 && Trainer.divergenceFloor == 10)
  }
}
