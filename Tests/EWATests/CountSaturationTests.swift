import EWA
import Foundation
import Testing

/// A step count restored from a saved state may be near Int.max: counting on saturates there
/// instead of trapping.
@Suite struct CountSaturationTests {
  func average(count: Int) throws -> ExponentialAverage<Double> {
    let json = """
      {"beta": 0.5, "start": "zero", "corrected": 2, "weight": 2, "count": \(count)}
      """
    return try JSONDecoder().decode(ExponentialAverage<Double>.self, from: Data(json.utf8))
  }

  @Test func updatingAtIntMaxKeepsTheCountAndTheValue() throws {
    var a = try average(count: .max)
    a.update(with: 4)
    #expect(a.count == .max)
    #expect(abs(a.corrected - 3) < 1e-15)
    var b = try average(count: .max - 1)
    b.update(with: 4)
    b.update(with: 4)
    #expect(b.count == .max)
  }

  @Test func carryingCountsSaturates() throws {
    let prior = try average(count: .max)
    var block = ExponentialAverage<Double>(beta: 0.5)
    block.update(with: 1)
    let carried = block.carried(from: prior, decay: 0.5)
    #expect(carried.count == .max)
  }
}
