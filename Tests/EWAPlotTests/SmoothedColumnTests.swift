import EWAIO
import EWASmooth
import Testing

@testable import EWAPlot

@Suite struct SmoothedColumnTests {
  func smoothing(
    _ csv: String, beta: String = "0.5", initial: SmoothOptions.Initial = .corrected,
    time: String? = nil, halflife: String? = nil, compare: Bool = false
  ) throws -> SmoothedColumn {
    let decays =
      try halflife.map {
        try DecaySpec.parseList($0, form: .halflife, timed: time != nil)
      } ?? DecaySpec.parseList(beta, form: .beta, timed: time != nil)
    return try SmoothedColumn.smoothing(
      Array(csv.utf8), name: "in", column: "x", decays: decays, initial: initial, time: time,
      compareWithZeroStart: compare)
  }

  @Test func startsFollowTheTextbook() throws {
    // β = 0.5 on 10, 10: V_1 = 5, V_2 = 7.5 from V_0 = 0; corrected 10 and 10.
    #expect(try smoothing("x\n10\n10\n", initial: .zero).curves[0].values == [5, 7.5])
    let corrected = try smoothing("x\n10\n10\n", compare: true)
    #expect(corrected.curves[0].values == [10, 10])
    #expect(corrected.curves[0].uncorrected == [5, 7.5])
    #expect(corrected.curves[0].label == "β = 0.5")
    #expect(corrected.x == [1, 2])
    #expect(corrected.xLabel == "row")
    // first: V_1 = θ_1, then V_2 = 0.5·10 + 0.5·20 = 15.
    #expect(try smoothing("x\n10\n20\n", initial: .first).curves[0].values == [10, 15])
  }

  @Test func aMissingRowDecaysThePastAndHasNoPoint() throws {
    // β = 0.5: 10, missing, 20 → weights 0.25 for 10 and 1 for 20: (2.5 + 20) / 1.25 = 18.
    let curve = try smoothing("x\n\n10\nNA\n20\n").curves[0].values
    #expect(curve.count == 4)
    #expect(curve[0].isNaN && curve[2].isNaN)
    #expect(curve[1] == 10)
    #expect(abs(curve[3] - 18) < 1e-12)
  }

  @Test func halfLivesWithTimeDecayByElapsedTime() throws {
    // Half-life 1 (in the time column's unit): 10 at t = 0, 20 at t = 2; the past weighs
    // (1/2)^2 = 0.25, so (0.25·10 + 20) / 1.25 = 18, as with a missing row between them.
    let smoothed = try smoothing("t,x\n0,10\n2,20\n", time: "t", halflife: "1")
    #expect(smoothed.x == [0, 2])
    #expect(smoothed.curves[0].values[0] == 10)
    #expect(abs(smoothed.curves[0].values[1] - 18) < 1e-12)
    #expect(smoothed.curves[0].label == "half-life 1")
    // With β the time column only places the points: one step per row.
    let stepped = try smoothing("t,x\n0,10\n2,20\n", time: "t")
    #expect(abs(stepped.curves[0].values[1] - (0.5 * 10 + 20) / 1.5) < 1e-12)
  }

  @Test func datesBecomeSecondsOnADateAxis() throws {
    let smoothed = try smoothing(
      "d,x\n1970/01/02,1\n1970-01-03T06:00:00Z,2\n", time: "d", halflife: "1d")
    #expect(smoothed.timeAxis)
    #expect(smoothed.x == [86_400, 2 * 86_400 + 6 * 3600])
    #expect(smoothed.xLabel == "d")
  }

  @Test func numbersAreExactlyThoseOfTheSmoother() throws {
    // The same options through the Smoother itself, its output read cell by cell.
    let csv = "t,x\n0,1.1\n1,2.7\n3,NA\n7,3.3\n8,-4.25\n"
    var options = SmoothOptions(decays: try DecaySpec.parseList("2", form: .halflife, timed: true))
    options.columns = ["x"]
    options.time = "t"
    let sink = MemorySink()
    let smoother = Smoother(options: options, output: OutputBuffer(sink: sink))
    try smoother.process(name: "in", source: MemorySource(csv))
    try smoother.finish()
    let expected = sink.text.split(separator: "\n").dropFirst().map { line in
      line.split(separator: ",", omittingEmptySubsequences: false).last.flatMap { Double($0) }
        ?? .nan
    }
    let curve = try smoothing(csv, time: "t", halflife: "2").curves[0].values
    #expect(curve.count == expected.count)
    for (a, b) in zip(curve, expected) {
      #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN))
    }
  }

  @Test func compareInitIsRefusedWithElapsedTimeDecay() {
    #expect(throws: SmoothError.self) {
      try smoothing("t,x\n0,1\n", time: "t", halflife: "1", compare: true)
    }
  }

  @Test func badCellsNameLineColumnAndText() {
    #expect(throws: SmoothError.notANumber(file: "in", line: 3, column: "x", text: "abc")) {
      try smoothing("x\n1\nabc\n")
    }
    #expect(throws: SmoothError.badTimestamp(file: "in", line: 3, column: "t", text: "soon")) {
      try smoothing("t,x\n1,1\nsoon,2\n", time: "t")
    }
    #expect(throws: SmoothError.badTimestamp(file: "in", line: 3, column: "t", text: "5")) {
      try smoothing("t,x\n2012-01-01,1\n5,2\n", time: "t")
    }
  }
}
