import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

@testable import EWAPlot

/// Issue 10, live plotting (library side): the rows a live figure draws are `ewa smooth`'s own
/// numbers, kept in bounded memory, and each frame is plain script text.
@Suite struct LiveColumnTests {
  /// Feeds `text` through a ``LiveSmoothFeed`` as a stream and returns what it kept.
  private func feed(_ text: String, last: Int?, decays: [DecaySpec]) throws -> LiveColumn {
    var added = 0
    let feed = try LiveSmoothFeed(
      name: "in.csv", column: "v", decays: decays, initial: .corrected, time: nil, last: last
    ) { () throws(SmoothError) in added += 1 }
    try feed.smoother.process(name: "in.csv", source: MemorySource(text, chunkSize: 7))
    try feed.smoother.finish()
    let live = try #require(feed.live)
    #expect(added == live.rows)
    return live
  }

  @Test func theCurvesAreTheOneShotFiguresNumbers() throws {
    var generator = TestRandom(seed: 10)
    var text = "v,w\n"
    for row in 0..<300 {
      let value = row % 17 == 0 ? "" : String(Double.random(in: -5...5, using: &generator))
      text += "\(value),\(row)\n"
    }
    let decays = try DecaySpec.parseList("0.9,0.5", form: .beta, timed: false)
    let live = try feed(text, last: nil, decays: decays)
    let whole = try SmoothedColumn.smoothing(
      Array(text.utf8), name: "in.csv", column: "v", decays: decays)
    let drawn = live.figure().series
    #expect(drawn.count == 3)
    #expect(drawn[0].columns[0] == whole.x)
    // NaN never equals itself: compare the bit patterns.
    #expect(drawn[0].columns[1].map(\.bitPattern) == whole.values.map(\.bitPattern))
    for d in decays.indices {
      #expect(drawn[d + 1].columns[1].map(\.bitPattern) == whole.curves[d].values.map(\.bitPattern))
    }
  }

  @Test func aWindowKeepsTheNewestRowsInOrder() throws {
    let text = "v\n" + (1...25).map { "\($0)\n" }.joined()
    let live = try feed(
      text, last: 10, decays: try DecaySpec.parseList("0", form: .beta, timed: false))
    let figure = live.figure()
    #expect(live.rows == 25)
    #expect(figure.series[0].columns[0] == (16...25).map(Double.init))
    #expect(figure.series[0].columns[1] == (16...25).map(Double.init))
    // β = 0: the average is the observation itself.
    #expect(figure.series[1].columns[1] == (16...25).map(Double.init))
    #expect(figure.xRange == 16...25)
  }

  @Test(arguments: [10, 1000, 12_345, 300_000])
  func aStreamOfAnyLengthIsDecimatedWithItsFirstNewestAndExtremes(count: Int) {
    var kept = StreamingDecimator(limit: 1000)
    var generator = TestRandom(seed: UInt64(count))
    var ys: [Double] = []
    for i in 0..<count {
      let y = Double.random(in: -1...1, using: &generator) * (i % 997 == 0 ? 10 : 1)
      ys.append(y)
      kept.append(Double(i), y)
    }
    let points = kept.points
    #expect(points.xs.count <= kept.limit + kept.blockLimit + 1)
    #expect(points.xs.count == points.ys.count)
    #expect(points.xs.first == 0 && points.xs.last == Double(count - 1))
    #expect(points.ys.last == ys.last)
    #expect(points.ys.max() == ys.max() && points.ys.min() == ys.min())
    #expect(zip(points.xs, points.xs.dropFirst()).allSatisfy { $0 < $1 })
    #expect(zip(points.xs, points.ys).allSatisfy { ys[Int($0.0)] == $0.1 })
    // Until the first halving every point is kept.
    if count <= kept.limit - kept.blockLimit { #expect(points.xs.count == count) }
  }

  @Test func aFrameResetsDrawsAndPrintsItsMarker() {
    let figure = Figure(
      series: [
        Series(name: "raw", title: "v", x: [1, 2], y: [3, 4], mark: .lines(width: 1), color: nil)
      ])
    let frame = GnuplotScript.frame(figure, terminal: .png, output: "/tmp/f.png", number: 7)
    let lines = frame.split(separator: "\n").map(String.init)
    #expect(lines.prefix(2) == ["reset", "reset errors"])
    #expect(lines.contains("set output '/tmp/f.png'"))
    #expect(lines.contains("$raw << EOD"))
    #expect(lines.contains("unset output"))
    #expect(
      lines.suffix(3) == [
        "if (GPVAL_ERRNO != 0) { print 'ewa-error '.GPVAL_ERRMSG }", "print 'ewa-frame 7'",
        "set print",
      ])
    #expect(GnuplotScript.frameMarker(7) == "ewa-frame 7")
    let window = GnuplotScript.frame(figure, terminal: .window(.x11), output: nil, number: 1)
    #expect(window.contains("set terminal x11 size 1200,700 noenhanced"))
    #expect(!window.contains("set output"))
  }
}
