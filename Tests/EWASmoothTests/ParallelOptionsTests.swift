import EWAIO
import EWASmooth
import Foundation
import Testing

/// The options that the one kernel made parallel, each against the sequential smoother on the
/// same file cut into many small blocks: `--group-by` (carried per group), `--time` (the past
/// decays by the time across each block's edge), the columns chosen automatically (the layout
/// read ahead from the file's start), and their mixes with `--ignore-na`, `--min-periods`,
/// `--replace`, `--init zero` and `--on-bad-value skip`.
@Suite struct ParallelOptionsTests {
  let cases = ParallelSmootherTests()

  /// Options with decays given as half-lives in the time column's unit.
  func timed(_ halflife: String, configure: (inout SmoothOptions) -> Void) throws
    -> SmoothOptions
  {
    var options = SmoothOptions(
      decays: try DecaySpec.parseList(halflife, form: .halflife, timed: true))
    configure(&options)
    try options.validate()
    return options
  }

  func expectParallelEqualsSequential(
    _ text: String, _ options: SmoothOptions, threads: Int = 2, blockSize: Int = 97,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try cases.parallel(
      text, options: options, threads: threads, blockSize: blockSize)
    // Rows end as the first one does; the fields are compared without the CR of a CRLF.
    let expected = try smoothText([text], options: options)
    cases.expectEquivalent(
      result.output.replacingOccurrences(of: "\r\n", with: "\n"),
      expected.replacingOccurrences(of: "\r\n", with: "\n"), sourceLocation: sourceLocation)
  }

  @Test(arguments: [(2, 97), (3, 500), (4, 64)])
  func groupBy(threads: Int, blockSize: Int) throws {
    let text = cases.sample(rows: 3000, seed: UInt64(7 * threads))
    let variants = try [
      options(beta: "0.5,0.9") {
        $0.columns = ["a", "b"]
        $0.groupBy = "sensor"
      },
      options(beta: "0.8") {
        $0.columns = ["a"]
        $0.groupBy = "sensor"
        $0.ignoreMissing = true
        $0.minPeriods = 4
      },
      options(beta: "0.7") {
        $0.columns = ["a"]
        $0.groupBy = "sensor"
        $0.replace = true
        $0.initial = .zero
      },
    ]
    for options in variants {
      try expectParallelEqualsSequential(
        text, options, threads: threads, blockSize: blockSize)
    }
  }

  @Test func groupsFirstSeenInLaterBlocks() throws {
    // Each block brings new groups, and old ones come back after many blocks.
    var lines = ["g,x"]
    for row in 0..<4000 {
      let group = row % 7 == 0 ? "old\(row % 3)" : "g\(row / 50)"
      lines.append("\(group),\(Double(row % 13) - 6.5)")
    }
    let text = lines.joined(separator: "\n") + "\n"
    try expectParallelEqualsSequential(
      text, try options(beta: "0.9") { $0.groupBy = "g" }, threads: 3, blockSize: 200)
  }

  @Test func timeDecay() throws {
    let text = cases.sample(rows: 3000, seed: 21)
    let variants = try [
      timed("3,40") {
        $0.columns = ["a", "b"]
        $0.time = "t"
      },
      timed("5") {
        $0.columns = ["a"]
        $0.time = "t"
        $0.ignoreMissing = true
      },
      timed("2") {
        $0.columns = ["a", "b"]
        $0.time = "t"
        $0.groupBy = "sensor"
      },
      timed("7") {
        $0.columns = ["a"]
        $0.time = "t"
        $0.groupBy = "sensor"
        $0.ignoreMissing = true
        $0.minPeriods = 2
      },
    ]
    for options in variants {
      try expectParallelEqualsSequential(text, options, blockSize: 128)
    }
  }

  @Test func timeDecayWithDates() throws {
    var lines = ["when,x"]
    for row in 0..<2000 {
      let hours = row * 2 + row % 2
      let day = 1 + hours / 24
      let month = 1 + (day - 1) / 28
      let date = String(
        format: "2024-%02d-%02dT%02d:00:00Z", month, 1 + (day - 1) % 28, hours % 24)
      lines.append(row % 11 == 0 ? "\(date)," : "\(date),\(Double(row % 17) * 0.25)")
    }
    let text = lines.joined(separator: "\n") + "\n"
    try expectParallelEqualsSequential(
      text, try timed("1d,6h") { $0.time = "when" }, blockSize: 300)
  }

  @Test func timeGoingBackwardsAcrossABlockEdgeFailsOnItsLine() throws {
    var lines = ["t,x"]
    for row in 1...400 { lines.append("\(row == 300 ? 5 : row),\(row)") }
    let text = lines.joined(separator: "\n") + "\n"
    let options = try timed("10") { $0.time = "t" }
    #expect(throws: SmoothError.self) { _ = try smoothText([text], options: options) }
    do {
      _ = try cases.parallel(text, options: options, threads: 2, blockSize: 64)
      Issue.record("no error")
    } catch let error as SmoothError {
      guard case .timeWentBackwards(_, let line, _, _, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(line == 301)
    }
  }

  @Test func columnsChosenFromTheFirstValues() throws {
    // b is empty for the first 1500 rows: chosen from the lookahead only if seen in 1000 rows.
    for emptyRows in [200, 1500] {
      var lines = ["t,label,a,b"]
      for row in 0..<3000 {
        let b = row < emptyRows ? "" : String(Double(row % 9) / 4)
        lines.append("\(row),x\(row % 3),\(Double(row % 5) - 2),\(b)")
      }
      let text = lines.joined(separator: "\n") + "\n"
      try expectParallelEqualsSequential(text, try options(beta: "0.9"), blockSize: 150)
    }
  }

  @Test func loneCarriageReturnsEndRecordsWithinBlocks() throws {
    var text = "x,a\r\n"
    for row in 0..<2000 { text += "\(row),\(row % 7)" + ["\n", "\r", "\r\n"][row % 3] }
    try expectParallelEqualsSequential(
      text, try options(beta: "0.9") { $0.columns = ["a"] }, blockSize: 100)
    // A header ended by a lone CR: the first line holds a data row too.
    try expectParallelEqualsSequential(
      "x,a\r" + text.dropFirst(5), try options(beta: "0.9") { $0.columns = ["a"] },
      blockSize: 100)
  }

  @Test func skippedCellsWithGroups() throws {
    var lines = ["g,a"]
    for row in 1...600 { lines.append("s\(row % 3),\(row % 40 == 0 ? "bad" : String(row))") }
    let text = lines.joined(separator: "\n") + "\n"
    let options = try options(beta: "0.9") {
      $0.groupBy = "g"
      $0.onBadValue = .skip
    }
    let result = try cases.parallel(text, options: options, threads: 3, blockSize: 50)
    #expect(result.skipped == 15)
    #expect(result.first?.hasSuffix("line 41, column \"a\"") == true)
    cases.expectEquivalent(result.output, try smoothText([text], options: options))
  }
}
