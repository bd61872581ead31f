import EWATestSupport
import Foundation
import Testing

@testable import EWATrain

/// The package root.
let packageRoot = PackagePaths.root

@Suite("Trajectories agree with optax (float64)")
struct TrajectoryFixtureTests {
  struct Row {
    let optimizer: String
    let function: TestFunction
    let lr: Double
    let step: Int
    let x, y, loss: Double
  }

  static let rows: [Row] = {
    let url = packageRoot.appendingPathComponent("Tests/Fixtures/train/trajectories.csv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").dropFirst().map { line in
      let f = line.split(separator: ",").map(String.init)
      return Row(
        optimizer: f[0], function: TestFunction(rawValue: f[1])!, lr: Double(f[2])!,
        step: Int(f[3])!,
        x: Double(f[4])!, y: Double(f[5])!, loss: Double(f[6])!)
    }
  }()

  static let cases: [String] = Array(Set(rows.map { "\($0.optimizer)/\($0.function.rawValue)" }))
    .sorted()

  @Test func fixturesCoverEveryOptimizerAndSurface() {
    #expect(Self.cases.count == 8 * 4)
  }

  @Test(arguments: cases)
  func matchesOptax(_ name: String) throws {
    let expected = Self.rows.filter { "\($0.optimizer)/\($0.function.rawValue)" == name }
    let first = try #require(expected.first)
    var settings = OptimizerSettings(
      kind: try #require(
        OptimizerKind(
          rawValue: first.optimizer.replacingOccurrences(
            of: "-bias-correction", with: ""))))
    settings.biasCorrection = first.optimizer.hasSuffix("-bias-correction")
    var optimizer = try settings.make(count: 2)
    let points = first.function.trajectory(
      optimizer: &optimizer, start: (first.x, first.y), steps: expected.count - 1,
      learningRate: first.lr)
    for (row, point) in zip(expected, points) {
      #expect(close(point.x, row.x, 1e-9), "\(name) step \(row.step): x \(point.x) vs \(row.x)")
      #expect(close(point.y, row.y, 1e-9), "\(name) step \(row.step): y \(point.y) vs \(row.y)")
      #expect(close(point.loss, row.loss, 1e-9), "\(name) step \(row.step): loss")
    }
  }
}
