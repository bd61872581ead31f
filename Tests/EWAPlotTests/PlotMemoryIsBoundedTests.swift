import EWAGallery
import EWAIO
import EWATestSupport
import EWATrain
import Foundation
import Testing

@testable import EWAPlot

/// Issue 8, class 5 (plot side): `plot trajectory` and `plot schedule` keep at most a few
/// thousand points of a path or curve (the first, the last and every stretch's extremes), and
/// refuse more steps or epochs than they draw.
@Suite struct PlotMemoryIsBoundedTests {
  @Test(arguments: [0, 1, 2, 7, 100, 1000, 1001, 12_345, 100_000])
  func theDecimatorKeepsAtMostItsLimitWithTheFirstLastAndExtremes(count: Int) {
    var kept = PointDecimator(count: count, limit: 1000)
    var xs: [Double] = []
    var ys: [Double] = []
    var generator = TestRandom(seed: UInt64(count))
    for i in 0..<count {
      let x = Double(i)
      let y = Double.random(in: -1...1, using: &generator) * (i % 97 == 0 ? 10 : 1)
      xs.append(x)
      ys.append(y)
      kept.append(x, y)
    }
    #expect(kept.xs.count <= 1000)
    #expect(kept.xs.count == kept.ys.count)
    if count <= 1000 {
      #expect(kept.xs == xs && kept.ys == ys)
      return
    }
    #expect(kept.xs.first == 0 && kept.xs.last == Double(count - 1))
    #expect(kept.ys.first == ys.first && kept.ys.last == ys.last)
    #expect(kept.ys.min() == ys.min() && kept.ys.max() == ys.max())
    // In order, and each kept point is one of the input's.
    #expect(zip(kept.xs, kept.xs.dropFirst()).allSatisfy { $0 < $1 })
    #expect(zip(kept.xs, kept.ys).allSatisfy { ys[Int($0.0)] == $0.1 })
  }

  @Test func aLongPathIsTheTestFunctionsOwnPathThinned() throws {
    let settings = OptimizerSettings(kind: .adam)
    let steps = 30_000
    let path = try OptimizerPath.tracing(
      settings, on: .rosenbrock, from: (-1.5, 2), steps: steps, learningRate: 0.01, limit: 500)
    var optimizer = try settings.make(count: 2, as: Double.self)
    let full = TestFunction.rosenbrock.trajectory(
      optimizer: &optimizer, start: (-1.5, 2), steps: steps, learningRate: 0.01)
    #expect(path.xs.count <= 500)
    #expect(path.xs.first == full.first?.x && path.ys.first == full.first?.y)
    // Stepping a stretch at a time ends bit for bit where one run does.
    #expect(path.xs.last == full.last?.x && path.ys.last == full.last?.y)
    #expect(path.xs.min() == full.map(\.x).min() && path.ys.max() == full.map(\.y).max())
  }

  @Test func aLongScheduleIsThinned() throws {
    var settings = ScheduleSettings(kind: .staircase, initial: 0.1)
    settings.interval = 1000
    let curve = try ScheduleCurve.sampling(settings, count: 200_000)
    #expect(curve.epochs.count <= PointDecimator.defaultLimit)
    #expect(curve.epochs.first == 1 && curve.epochs.last == 200_000)
    #expect(curve.rates.first == 0.1 && curve.rates.max() == 0.1)
  }

  @Test(arguments: [
    (["trajectory", "--function", "bowl", "--steps", "100000000"], "at most 1000000 steps"),
    (["trajectory", "--function", "bowl", "--steps", "1000001"], "at most 1000000 steps"),
    (["schedule", "--epochs", "100000000"], "at most 1000000"),
  ])
  func moreThanIsDrawnIsRefusedAtOnce(arguments: [String], message: String) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let started = Date()
    let result = try EWABinary.run(["plot"] + arguments + ["-o", "x.gp"], in: directory)
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func aLongTrajectoryWritesAThinnedScript() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      [
        "plot", "trajectory", "--function", "rosenbrock", "--optimizers", "gd", "--lr", "0.001",
        "--steps", "60000", "-o", "t.gp",
      ], in: directory)
    #expect(result.status == 0)
    let script = try String(contentsOf: directory.appendingPathComponent("t.gp"), encoding: .utf8)
    let block = try #require(script.components(separatedBy: "$gd << EOD\n").last)
      .components(separatedBy: "EOD\n")[0].split(separator: "\n")
    #expect(block.count > 1000 && block.count <= PointDecimator.defaultLimit)
    #expect(block.first == "-1.5 2")
  }
}
