import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

/// The bound `--threads` documents, on adversarial magnitudes: every parallel average is within
/// 1e-12 × A of the sequential one, where A is the same average of the absolute values (so
/// 1e-12 relative whenever the values do not cancel, and never more than 1e-12 of the data's
/// scale when ±1e300 cancel down to small results).
@Suite struct ParallelBoundTests {
  /// Rows `x,ax` with `ax = |x|`: small values of both signs, ±1e300 now and then, runs of
  /// ±1e300 that cancel, tiny values, and missing cells.
  func adversarial(rows: Int, seed: UInt64) -> String {
    var state = seed
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var text = "x,ax\n"
    for row in 0..<rows {
      let u = next()
      let x: Double? =
        u < 0.02
        ? nil
        : u < 0.03
          ? 1e300
          : u < 0.04
            ? -1e300
            : u < 0.05
              ? (row % 2 == 0 ? 3e299 : -3e299)
              : u < 0.06
                ? 1e-300 * (next() - 0.5)
                : 2 * next() - 1
      text += x.map { "\($0),\(abs($0))\n" } ?? ",\n"
    }
    return text
  }

  func numbers(_ text: String) -> [[Double?]] {
    text.split(separator: "\n").dropFirst().map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
    }
  }

  @Test(arguments: [(0.5, UInt64(1)), (0.9, 2), (0.99, 3), (0.999, 4)])
  func parallelIsWithinTheBoundOfSequential(_ beta: Double, _ seed: UInt64) throws {
    let text = adversarial(rows: 60_000, seed: seed)
    let options = try options(beta: String(beta)) {
      $0.columns = ["x", "ax"]
    }
    let sequential = numbers(try smoothText([text], options: options))
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let path = directory.appendingPathComponent("input.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    for threads in [2, 4] {
      let sink = MemorySink()
      let smoother = ParallelSmoother(
        options: options, path: path, threads: threads,
        output: OutputBuffer(sink: sink, capacity: 64), sink: sink, blockSize: 4096)
      try smoother.run()
      let parallel = numbers(sink.text)
      #expect(parallel.count == sequential.count)
      var worst = 0.0
      for (p, s) in zip(parallel, sequential) {
        guard let scale = s[3], let expected = s[2], let actual = p[2] else {
          #expect(p[2] == nil && s[2] == nil)
          continue
        }
        let error = abs(actual - expected) / max(scale, .leastNormalMagnitude)
        worst = max(worst, error)
        let scaleError = abs(p[3]! - scale) / max(scale, .leastNormalMagnitude)
        worst = max(worst, scaleError)
      }
      #expect(worst <= 1e-12, "β \(beta), \(threads) threads: \(worst) × A")
    }
  }
}
