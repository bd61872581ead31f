import EWA
import Testing

/// The averager's fused vector API: it leaves the averages exactly as the plain update does, its
/// look-ahead is the next step's coefficients, and vectors of different lengths are refused at
/// this boundary (a precondition failure, which only a program error can reach: saved moments
/// are validated on load).
@Suite("The fused vector steps of ExponentialAverage")
struct FusedUpdateTests {
  static let gradients: [[Double]] = [
    [0.5, -1.25, 0, 3], [0.5, 2, -0.0, 1e-9], [-4, 2, 7.5, 1e9], [0.25, 0.125, -1, 3],
  ]

  @Test func oneMomentEqualsPlainUpdate() {
    var fused = ExponentialAverage<[Double]>(beta: 0.9, count: 4)
    var plain = fused
    var parameters = [Double](repeating: 1, count: 4)
    for g in Self.gradients {
      var seen: [(Double, Double)] = []
      fused.update(
        with: g, observing: { $0 * $0 }, stepping: &parameters, prepare: { $0.biasFactor }
      ) { w, v, g, factor in
        seen.append((v, g))
        w -= factor * v
      }
      plain.update(with: g.map { $0 * $0 })
      #expect(fused == plain)
      #expect(seen.map(\.0) == plain.corrected)
      #expect(seen.map(\.1) == g)
    }
    #expect(fused.count == Self.gradients.count)
  }

  @Test func twoMomentsEqualPlainUpdates() {
    var first = ExponentialAverage<[Float]>(beta: 0.9, count: 4)
    var second = ExponentialAverage<[Float]>(beta: 0.999, count: 4)
    var (plainFirst, plainSecond) = (first, second)
    var parameters = [Float](repeating: 0, count: 4)
    for g in Self.gradients.map({ $0.map(Float.init) }) {
      ExponentialAverage<[Float]>.update(
        first: &first, second: &second, with: g, stepping: &parameters
      ) { w, m, s, i in w = m + s + Float(i) }
      plainFirst.update(with: g)
      plainSecond.update(with: g.map { $0 * $0 })
      #expect(first == plainFirst && second == plainSecond)
      let expected = (0..<4).map {
        plainFirst.corrected[$0] + plainSecond.corrected[$0] + Float($0)
      }
      #expect(parameters == expected)
    }
  }

  @Test(arguments: [ExponentialAverage<[Double]>.Start.zero, .first])
  func nextStepIsTheNextUpdate(start: ExponentialAverage<[Double]>.Start) {
    var average = ExponentialAverage<[Double]>(beta: 0.8, count: 4, start: start)
    for g in Self.gradients {
      let ahead = average.nextStep
      let taken = average.update(with: g)
      #expect(ahead.keep == taken.keep && ahead.gain == taken.gain)
      #expect(ahead.biasFactor == average.biasFactor)
    }
  }

  /// One fused one-moment step with an average of 3 elements.
  static func oneMomentStep(parameters: Int, gradient: Int) {
    var average = ExponentialAverage<[Double]>(beta: 0.9, count: 3)
    var parameters = [Double](repeating: 0, count: parameters)
    average.update(
      with: [Double](repeating: 1, count: gradient), observing: { $0 }, stepping: &parameters,
      prepare: { _ in () }
    ) { w, v, _, _ in w -= v }
  }

  /// One fused two-moment step with a first moment of 3 elements.
  static func twoMomentStep(second: Int, gradient: Int) {
    var first = ExponentialAverage<[Float]>(beta: 0.9, count: 3)
    var second = ExponentialAverage<[Float]>(beta: 0.999, count: second)
    var parameters = [Float](repeating: 0, count: 3)
    ExponentialAverage<[Float]>.update(
      first: &first, second: &second, with: [Float](repeating: 1, count: gradient),
      stepping: &parameters
    ) { w, m, _, _ in w -= m }
  }

  @Test func matchingLengthsStep() {
    Self.oneMomentStep(parameters: 3, gradient: 3)
    Self.twoMomentStep(second: 3, gradient: 3)
  }

  /// A fused step over vectors of given lengths (the averages have 3 elements unless said).
  enum Step: Codable, Sendable, CustomTestStringConvertible {
    case oneMoment(parameters: Int, gradient: Int)
    case twoMoments(second: Int, gradient: Int)

    func run() {
      switch self {
      case .oneMoment(let parameters, let gradient):
        FusedUpdateTests.oneMomentStep(parameters: parameters, gradient: gradient)
      case .twoMoments(let second, let gradient):
        FusedUpdateTests.twoMomentStep(second: second, gradient: gradient)
      }
    }

    var testDescription: String { "\(self)" }
  }

  /// Each refused step with the precondition message it stops on.
  static let refusals: [(Step, String)] = [
    (.oneMoment(parameters: 2, gradient: 2), "made for 3 parameters, not 2"),
    (.oneMoment(parameters: 3, gradient: 4), "parameter and gradient lengths differ"),
    (.twoMoments(second: 2, gradient: 3), "made for 2 parameters, not 3"),
    (.twoMoments(second: 3, gradient: 4), "parameter and gradient lengths differ"),
  ]

  @Test(arguments: refusals)
  func vectorsOfAnotherLengthAreRefused(step: Step, message: String) async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      [step] in step.run()
    }
    let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(text.contains(message), "stderr: \(text)")
  }
}
