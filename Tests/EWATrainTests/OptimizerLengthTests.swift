import EWAIO
import EWATrain
import Testing

/// Every optimizer refuses, as a precondition failure, a step whose gradient or parameters do not
/// have the length it was made for. Only a program error reaches this: a checkpoint's vectors are
/// validated on load (Checkpoint+Validation), so no file's contents can.
@Suite("Optimizers refuse vectors of another length")
struct OptimizerLengthTests {
  /// One step of `kind` made for 3 parameters, with the given lengths.
  static func step(_ kind: OptimizerKind, parameters: Int, gradient: Int) throws {
    var optimizer = try OptimizerSettings(kind: kind).make(count: 3, as: Float.self)
    var parameters = [Float](repeating: 1, count: parameters)
    optimizer.update(
      &parameters, gradient: [Float](repeating: 0.5, count: gradient), learningRate: 0.1)
  }

  @Test(arguments: OptimizerKind.allCases) func matchingLengthsStep(kind: OptimizerKind) throws {
    try Self.step(kind, parameters: 3, gradient: 3)
  }

  @Test(arguments: OptimizerKind.allCases)
  func aGradientOfAnotherLengthIsRefused(kind: OptimizerKind) async {
    await #expect(processExitsWith: .failure) { [kind] in
      try Self.step(kind, parameters: 3, gradient: 2)
    }
  }

  @Test(arguments: OptimizerKind.allCases.filter { $0 != .gd })
  func parametersOfAnotherLengthAreRefused(kind: OptimizerKind) async {
    await #expect(processExitsWith: .failure) { [kind] in
      try Self.step(kind, parameters: 4, gradient: 4)
    }
  }
}
