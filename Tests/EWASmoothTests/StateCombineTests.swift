import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

/// ``SmoothState/combined(with:path:nextPath:)``: the state of part A followed by that of part B
/// smoothed from nothing equals the state of one pass over A and B.
@Suite struct StateCombineTests {
  /// How a test's decays are given.
  enum Kind: String, CaseIterable, Sendable {
    case beta, span, com, alpha, halflife, timeInstants, timeNumbers
  }

  /// Options for `kind`, varied by `trial`: groups, `--ignore-na`, `--std`, `--init zero`.
  func options(_ kind: Kind, trial: Int) throws -> SmoothOptions {
    let timed = kind == .timeInstants || kind == .timeNumbers
    let decays: [DecaySpec] =
      switch kind {
      case .beta: try DecaySpec.parseList("0.5,0.9,0.98", form: .beta, timed: false)
      case .span: try DecaySpec.parseList("3,20", form: .span, timed: false)
      case .com: try DecaySpec.parseList("1,9", form: .com, timed: false)
      case .alpha: try DecaySpec.parseList("0.1,0.7", form: .alpha, timed: false)
      case .halflife: try DecaySpec.parseList("2,10", form: .halflife, timed: false)
      case .timeInstants: try DecaySpec.parseList("6h,1d", form: .halflife, timed: true)
      case .timeNumbers: try DecaySpec.parseList("5,40", form: .halflife, timed: true)
      }
    var options = SmoothOptions(decays: decays)
    options.columns = ["temp", "n"]
    options.groupBy = trial % 2 == 0 ? "sensor" : nil
    options.ignoreMissing = trial % 3 == 0
    options.standardDeviation = trial % 4 < 2
    options.initial = !timed && trial % 5 == 4 ? .zero : .corrected
    options.time = timed ? "at" : nil
    try options.validate()
    return options
  }

  /// Rows `at,sensor,temp,n`: three interleaved sensors, missing cells, irregular times
  /// (sometimes repeated, never going backwards, so also without groups), as instants or as
  /// numbers.
  func rows(_ count: Int, instants: Bool, using random: inout TestRandom) -> [String] {
    var hour = 0
    return (0..<count).map { _ in
      let group = random.index(below: 3)
      hour += random.index(below: 3)
      let temp = random.uniform() < 0.15 ? "" : String(20 + 10 * random.normal())
      let n = random.uniform() < 0.05 ? "NA" : String(random.index(below: 50))
      let time: String
      if instants {
        let (day, h) = (1 + hour / 24, hour % 24)
        time = "2024-01-\(day < 10 ? "0" : "")\(day)T\(h < 10 ? "0" : "")\(h):00"
      } else {
        time = String(Double(hour) * 1.5)
      }
      return "\(time),s\(group),\(temp),\(n)\n"
    }
  }

  /// The state after smoothing `rows` (with a header) from `start`, read back from its bytes;
  /// nil when no data row was read and there was no start.
  func state(_ rows: ArraySlice<String>, _ options: SmoothOptions, from start: SmoothState? = nil)
    throws -> SmoothState?
  {
    let smoother = Smoother(
      options: options, output: OutputBuffer(sink: MemorySink(), capacity: 64))
    if let start { smoother.resume(from: start, path: "start.json") }
    try smoother.process(
      name: "part.csv", source: MemorySource("at,sensor,temp,n\n" + rows.joined(), chunkSize: 41))
    try smoother.finish()
    return try smoother.finalState.map { try SmoothState.decode($0.encoded, path: "part.json") }
  }

  /// `a` and `b` agree: keys, rows, counts and times exactly; averages to 1e-12 of the data's
  /// scale (the `--threads` bound), weights and standard deviations to 1e-12 relative.
  func expectClose(_ a: SmoothState, _ b: SmoothState, _ comment: Comment) {
    func close(_ x: Double, _ y: Double, scale: Double) -> Bool {
      abs(x - y) <= 1e-12 * max(abs(x), abs(y), scale)
    }
    #expect(a.groups.count == b.groups.count, comment)
    for (ga, gb) in zip(a.groups, b.groups) {
      #expect(ga.key == gb.key && ga.state.rows == gb.state.rows, comment)
      #expect(ga.state.lastTime == gb.state.lastTime, comment)
      for (ca, cb) in zip(ga.state.columns, gb.state.columns) {
        #expect(ca.observations == cb.observations, comment)
        #expect(ca.lastObservedTime == cb.lastObservedTime, comment)
        for (ta, tb) in zip(ca.tracks, cb.tracks) {
          #expect(ta.average.count == tb.average.count, comment)
          #expect(close(ta.average.corrected, tb.average.corrected, scale: 20), comment)
          #expect(close(ta.average.weight, tb.average.weight, scale: 0), comment)
          switch (ta.standardDeviation, tb.standardDeviation) {
          case (let x?, let y?): #expect(close(x, y, scale: 0), comment)
          case (nil, nil): break
          default: Issue.record("one standard deviation is missing; \(comment)")
          }
        }
      }
    }
  }

  /// Cuts `0...count` at up to four random places (parts may be empty).
  func cuts(_ count: Int, using random: inout TestRandom) -> [Int] {
    let inner = (0..<(1 + random.index(below: 4))).map { _ in random.index(below: count + 1) }
    return [0] + inner.sorted() + [count]
  }

  @Test(arguments: Kind.allCases)
  func combiningEqualsOnePassOnRandomSplits(kind: Kind) throws {
    var random = TestRandom(seed: 1200 + UInt64(Kind.allCases.firstIndex(of: kind)!))
    for trial in 0..<24 {
      let options = try options(kind, trial: trial)
      let all = rows(240, instants: kind != .timeNumbers, using: &random)
      let whole = try #require(try state(all[...], options))
      let cut = cuts(all.count, using: &random)
      // Each part from nothing; an empty part has no state and leaves the combination as it is.
      var combined: SmoothState?
      for (start, end) in zip(cut, cut.dropFirst()) {
        guard let part = try state(all[start..<end], options) else { continue }
        combined =
          try combined.map { try $0.combined(with: part, path: "a", nextPath: "b") } ?? part
      }
      expectClose(try #require(combined), whole, "\(kind), trial \(trial), cuts \(cut)")
    }
  }

  @Test(arguments: [Kind.beta, .timeInstants])
  func combiningIsAssociative(kind: Kind) throws {
    var random = TestRandom(seed: 1299)
    for trial in 0..<12 {
      let options = try options(kind, trial: trial)
      let all = rows(180, instants: true, using: &random)
      let (i, j) = (1 + random.index(below: 89), 90 + random.index(below: 89))
      let a = try #require(try state(all[..<i], options))
      let b = try #require(try state(all[i..<j], options))
      let c = try #require(try state(all[j...], options))
      let left = try a.combined(with: b, path: "a", nextPath: "b")
        .combined(with: c, path: "ab", nextPath: "c")
      let right = try a.combined(
        with: try b.combined(with: c, path: "b", nextPath: "c"), path: "a", nextPath: "bc")
      expectClose(left, right, "\(kind), trial \(trial)")
      // And continuing from the combination smooths as one pass does.
      let continued = try #require(
        try state(
          all[j...], options,
          from: try a.combined(
            with: b, path: "a", nextPath: "b")))
      expectClose(continued, left, "continued, \(kind), trial \(trial)")
    }
  }

  @Test func aGroupOnlyInOnePartCarriesAsItIs() throws {
    var options = SmoothOptions(decays: try DecaySpec.parseList("0.5", form: .beta, timed: false))
    options.groupBy = "sensor"
    options.columns = ["temp"]
    let a = try #require(try state(["t,x,1,1\n", "t,y,3,1\n"], options))
    let b = try #require(try state(["t,z,5,1\n", "t,x,7,1\n"], options))
    let combined = try a.combined(with: b, path: "a", nextPath: "b")
    #expect(combined.groups.map(\.key) == [Array("x".utf8), Array("y".utf8), Array("z".utf8)])
    // x: 1, then 7 two rows later of x (one row of x in B): (0.5·1 + 7)/1.5 = 5.
    #expect(combined.groups[0].state.columns[0].tracks[0].average.corrected == 5)
    #expect(combined.groups[1] == a.groups[1])
    #expect(combined.groups[2] == b.groups[0])
  }

  /// The message of combining `b` onto `a`, which must be refused.
  func refusal(_ a: SmoothState, _ b: SmoothState) -> String {
    do {
      _ = try a.combined(with: b, path: "a.json", nextPath: "b.json")
      return "(combined)"
    } catch {
      #expect(error.kind == .data)
      return error.description
    }
  }

  @Test func differentColumnsDecaysOrOptionsAreRefusedByName() throws {
    var random = TestRandom(seed: 1300)
    let data = rows(20, instants: true, using: &random)
    let base = try options(.beta, trial: 1)
    let a = try #require(try state(data[...], base))
    var other = base
    other.columns = ["n", "temp"]
    #expect(
      refusal(a, try #require(try state(data[...], other)))
        == "state file b.json was saved for columns \"n,temp\", not \"temp,n\" as a.json was")
    other = base
    other.decays = try DecaySpec.parseList("0.5,0.9,0.99", form: .beta, timed: false)
    #expect(
      refusal(a, try #require(try state(data[...], other))).contains("decays \"0.5,0.9,0.99\""))
    other = base
    other.standardDeviation.toggle()
    #expect(refusal(a, try #require(try state(data[...], other))).contains("--std \"false\""))
    other = base
    other.groupBy = "sensor"
    #expect(refusal(a, try #require(try state(data[...], other))).contains("--group-by \"sensor\""))
    other = base
    other.ignoreMissing.toggle()
    #expect(refusal(a, try #require(try state(data[...], other))).contains("--ignore-na"))
  }

  @Test func initFirstIsRefusedWithTheReason() throws {
    var options = try options(.beta, trial: 1)
    options.initial = .first
    let a = try #require(try state(["t,s,1,2\n"], options))
    #expect(
      refusal(a, a).hasPrefix(
        "state file a.json cannot be combined: it was saved with --init first, whose first "
          + "observation weighs more than the rest"))
  }

  @Test func timesOfAnotherKindOrGoingBackwardsAreRefused() throws {
    let options = try options(.timeInstants, trial: 0)
    let a = try #require(try state(["2024-01-02T00:00,s0,1,2\n"], options))
    let earlier = try #require(try state(["2024-01-01T00:00,s0,1,2\n"], options))
    #expect(
      refusal(a, earlier)
        == "state file b.json cannot be combined: its last time of group \"s0\", "
        + "\"2024-01-01T00:00:00Z\", is before \"2024-01-02T00:00:00Z\" in a.json, so its rows "
        + "cannot follow those")
    var numbered = options
    numbered.decays = try DecaySpec.parseList("6h,1d", form: .halflife, timed: true)
    let numbers = try #require(try state(["5,s0,1,2\n"], numbered))
    #expect(refusal(a, numbers).contains("its times are numbers but those of a.json are instants"))
    // A group only in the later part may start before the earlier part's last time.
    let otherGroup = try #require(try state(["2024-01-01T00:00,s1,1,2\n"], options))
    #expect(try a.combined(with: otherGroup, path: "a", nextPath: "b").groups.count == 2)
  }

  @Test func countsBeyondWhatAStateFileHoldsAreRefused() throws {
    let near = SmoothState.countLimit - 2
    let text = """
      {"format":"ewa-smooth-state","version":3,"columns":["v"],"decays":[{"form":"beta",\
      "text":"0.5","centerOfMass":1,"halflife":null}],"initial":"corrected","ignoreMissing":false,\
      "standardDeviation":false,"groupBy":null,"time":null,"groups":[
      [null,null,\(near),[[\(near),null,[[1,1,\(near)]]]]]
      ]}

      """
    let state = try SmoothState.decode(Array(text.utf8), path: "big.json")
    #expect(
      refusal(state, state)
        == "state file b.json cannot be combined: group 1 would count more than "
        + "\(SmoothState.countLimit) rows, the most a state file holds")
  }

  @Test func summaryIsBoundedAndEscaped() throws {
    var options = SmoothOptions(decays: try DecaySpec.parseList("0.9", form: .beta, timed: false))
    options.groupBy = "k"
    options.columns = ["v"]
    let input = (0..<1000).map { "\"g\u{1B}[31m\($0)\",\($0 % 7)\n" }
    let smoother = Smoother(
      options: options, output: OutputBuffer(sink: MemorySink(), capacity: 64))
    try smoother.process(
      name: "in.csv", source: MemorySource("k,v\n" + input.joined(), chunkSize: 99))
    try smoother.finish()
    let lines = try #require(smoother.finalState).summary(path: "s.json")
    #expect(lines.count == 5 + 20 + 1)
    #expect(lines[0] == "state file s.json: format version 3")
    #expect(lines[1] == "columns: \"v\"")
    #expect(lines[2] == "decays: --beta 0.9")
    #expect(lines[3] == "options: --init corrected, --group-by \"k\"")
    #expect(lines[4] == "groups: 1000, rows: 1000 in all")
    #expect(lines[5] == "  \"g\\u{1B}[31m0\": 1 rows; \"v\" 1 observations, average 0")
    #expect(lines.last == "  … and 980 more groups")
    #expect(!lines.joined().contains("\u{1B}"))
  }
}
