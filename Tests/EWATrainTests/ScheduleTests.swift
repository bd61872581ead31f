import Foundation
import Testing

@testable import EWATrain

@Suite("Learning-rate schedules against their closed forms")
struct ScheduleTests {
  let epochs = [0, 1, 2, 7, 999, 1000, 1001, 2500, 5000]

  @Test func constant() throws {
    let s = try ConstantRate(initial: 0.1)
    #expect(epochs.allSatisfy { s.rate(at: $0) == 0.1 })
  }

  @Test func inverseTime() throws {
    let s = try InverseTimeDecay(initial: 0.1, decayRate: 0.5)
    for e in epochs { #expect(close(s.rate(at: e), 0.1 / (1 + 0.5 * Double(e)))) }
    #expect(s.rate(at: 2) == 0.05)
  }

  @Test func exponential() throws {
    let s = try ExponentialDecay(initial: 0.1, decayRate: 0.95)
    for e in epochs { #expect(close(s.rate(at: e), 0.1 * pow(0.95, Double(e)))) }
    #expect(close(s.rate(at: 2), 0.1 * 0.9025))
  }

  @Test func inverseSqrt() throws {
    let s = try InverseSqrtDecay(initial: 0.1, scale: 1)
    #expect(s.rate(at: 0) == 0.1)
    #expect(close(s.rate(at: 4), 0.05))
    for e in epochs.dropFirst() { #expect(close(s.rate(at: e), 0.1 / Double(e).squareRoot())) }
  }

  @Test func staircaseIsTheTextbookFixedIntervalSchedule() throws {
    let s = try StaircaseDecay(initial: 0.1, decayRate: 1, interval: 1000)
    #expect(s.rate(at: 999) == 0.1)
    #expect(s.rate(at: 1000) == 0.05)
    #expect(close(s.rate(at: 2500), 0.1 / 3))
  }

  @Test func step() throws {
    let s = try StepDecay(initial: 0.1, factor: 0.5, interval: 1000)
    #expect(s.rate(at: 999) == 0.1)
    #expect(s.rate(at: 1000) == 0.05)
    #expect(s.rate(at: 2500) == 0.025)
  }

  @Test func manual() throws {
    let points = try ManualSchedule.parse("10:0.01,20:0.001")
    let s = try ManualSchedule(initial: 0.1, points: points)
    #expect([0, 9, 10, 19, 20, 5000].map(s.rate(at:)) == [0.1, 0.1, 0.01, 0.01, 0.001, 0.001])
    #expect(throws: ScheduleError.self) { try ManualSchedule.parse("10-0.1") }
    #expect(throws: ScheduleError.self) {
      try ManualSchedule(initial: 0.1, points: ManualSchedule.parse("20:0.1,10:0.2"))
    }
  }

  @Test func cosine() throws {
    let s = try CosineDecay(initial: 0.1, finalFraction: 0.1, interval: 100)
    #expect(s.rate(at: 0) == 0.1)
    #expect(close(s.rate(at: 50), 0.1 * (0.1 + 0.9 * 0.5)))
    #expect(close(s.rate(at: 100), 0.01))
    #expect(close(s.rate(at: 500), 0.01))
  }

  @Test func warmUpRampsLinearlyThenStartsTheBase() throws {
    let s = try LinearWarmUp(length: 4, base: StepDecay(initial: 0.1, factor: 0.5, interval: 10))
    #expect(
      [0, 1, 2, 3].map(s.rate(at:)).enumerated().allSatisfy {
        close($1, 0.1 * Double($0 + 1) / 5)
      })
    #expect(s.rate(at: 4) == 0.1)
    #expect(s.rate(at: 14) == 0.05)
  }

  @Test func rejectsSchedulesThatGrowWithoutBound() {
    #expect(throws: ScheduleError.self) { try ExponentialDecay(initial: 0.1, decayRate: 1.01) }
    #expect(throws: ScheduleError.self) { try StepDecay(initial: 0.1, factor: 2, interval: 10) }
    #expect(throws: ScheduleError.self) { try InverseTimeDecay(initial: 0.1, decayRate: -0.1) }
    #expect(throws: ScheduleError.self) {
      try StaircaseDecay(initial: 0.1, decayRate: -1, interval: 10)
    }
    do {
      _ = try ExponentialDecay(initial: 0.1, decayRate: 1.5)
    } catch {
      #expect(error.description.contains("grows without bound"))
    }
  }

  @Test func settingsCountStepsOrEpochs() throws {
    var settings = ScheduleSettings(kind: .exponential, initial: 1)
    settings.rate = 0.5
    #expect(try settings.make().rate(at: 3) == 0.125)
    settings.warmUp = 1
    #expect(try settings.make().rate(at: 0) == 0.5)
  }
}
