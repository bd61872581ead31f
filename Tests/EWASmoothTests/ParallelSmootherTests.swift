import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

/// The block-parallel smoother against the sequential one, on files cut into many small blocks.
@Suite struct ParallelSmootherTests {
  /// A CSV of `rows` rows `t,sensor,a,b` from a fixed seed, with missing and blank cells, the
  /// occasional blank line and extreme values.
  func sample(rows: Int, seed: UInt64, lineEnd: String = "\n") -> String {
    var state = seed
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var text = "t,sensor,a,b" + lineEnd
    for row in 0..<rows {
      let u = next()
      if u < 0.01 {
        text += lineEnd
        continue
      }
      let a = u < 0.08 ? "" : u < 0.1 ? "NA" : String(format: "%.2f", 40 * next() - 20)
      let b = u > 0.99 ? "1e300" : u > 0.98 ? "-3e-300" : String(format: "%.4f", next())
      text += "\(row),s\(row % 4),\(a),\(b)" + lineEnd
    }
    return text
  }

  /// Smooths `text` from a file with `threads` threads and blocks of `blockSize` bytes.
  func parallel(
    _ text: String, options: SmoothOptions, threads: Int, blockSize: Int
  ) throws -> (output: String, skipped: Int, first: String?) {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let path = directory.appendingPathComponent("input.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let sink = MemorySink()
    let smoother = ParallelSmoother(
      options: options, path: path, threads: threads,
      output: OutputBuffer(sink: sink, capacity: 64), sink: sink, blockSize: blockSize)
    try smoother.run()
    return (sink.text, smoother.skippedCells, smoother.firstSkippedCell)
  }

  /// Expects the same rows and fields, numbers equal to 1e-12 relative (absolute below 1 in
  /// magnitude, where an average of values of both signs cancels and a rounding difference in the
  /// carried state, about 1e-16 of the data's scale, is large relative to the result), other text
  /// identical.
  func expectEquivalent(
    _ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(actualLines.count == expectedLines.count, sourceLocation: sourceLocation)
    var differences = 0
    var first = ""
    for (a, e) in zip(actualLines, expectedLines) where a != e {
      let aFields = a.split(separator: ",", omittingEmptySubsequences: false)
      let eFields = e.split(separator: ",", omittingEmptySubsequences: false)
      guard aFields.count == eFields.count else {
        if first.isEmpty { first = "\(a) vs \(e)" }
        differences += 1
        continue
      }
      for (x, y) in zip(aFields, eFields) where x != y {
        guard let u = Double(x), let v = Double(y), abs(u - v) <= 1e-12 * max(abs(u), abs(v), 1)
        else {
          if first.isEmpty { first = "\(x) vs \(y) in \(a)" }
          differences += 1
          continue
        }
      }
    }
    #expect(differences == 0, "first: \(first)", sourceLocation: sourceLocation)
  }

  @Test(arguments: [(2, 64), (2, 1000), (3, 97), (4, 4096)])
  func equalsTheSequentialResult(threads: Int, blockSize: Int) throws {
    let text = sample(rows: 3000, seed: UInt64(threads * blockSize))
    let options = try options(beta: "0.5,0.9,0.98") { $0.columns = ["a", "b"] }
    let result = try parallel(text, options: options, threads: threads, blockSize: blockSize)
    expectEquivalent(result.output, try smoothText([text], options: options))
  }

  @Test func ignoreMissingMinPeriodsInitZeroAndReplace() throws {
    let text = sample(rows: 2000, seed: 11)
    let variants = try [
      options(beta: "0.9") {
        $0.columns = ["a"]
        $0.ignoreMissing = true
        $0.minPeriods = 3
      },
      options(beta: "0.8,0.99") {
        $0.columns = ["b", "a"]
        $0.initial = .zero
      },
      options(beta: "0.7") {
        $0.columns = ["a"]
        $0.replace = true
      },
    ]
    for options in variants {
      let result = try parallel(text, options: options, threads: 2, blockSize: 128)
      expectEquivalent(result.output, try smoothText([text], options: options))
    }
  }

  @Test func crlfAndAFileWithoutAFinalLineEnd() throws {
    let options = try options(beta: "0.9") { $0.columns = ["a"] }
    for text in [sample(rows: 500, seed: 3, lineEnd: "\r\n"), "x,a\n" + "1,2\n3,4\n5,6\n7,8"] {
      let result = try parallel(text, options: options, threads: 2, blockSize: 8)
      expectEquivalent(result.output, try smoothText([text], options: options))
    }
  }

  @Test func quotedFieldsFallBackToTheSequentialSmoother() throws {
    var text = sample(rows: 400, seed: 5)
    text += "401,\"s,\nquoted\",1.5,2\n402,s1,2.5,3\n"
    let options = try options(beta: "0.9") { $0.columns = ["a"] }
    let result = try parallel(text, options: options, threads: 2, blockSize: 64)
    #expect(result.output == (try smoothText([text], options: options)))
  }

  @Test func aBadCellFailsOnItsLineAfterTheRowsBeforeIt() throws {
    var lines = ["t,a"]
    for row in 1...300 { lines.append("\(row),\(row == 200 ? "oops" : String(row))") }
    let text = lines.joined(separator: "\n") + "\n"
    let options = try options(beta: "0.9") { $0.columns = ["a"] }
    #expect(throws: SmoothError.self) {
      _ = try parallel(text, options: options, threads: 2, blockSize: 50)
    }
    do {
      _ = try parallel(text, options: options, threads: 2, blockSize: 50)
    } catch let error as SmoothError {
      guard case .notANumber(_, let line, let column, let cell) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(line == 201 && column == "a" && cell == "oops")
    }
  }

  @Test func skippedCellsAreCountedOnceWithTheFirstOne() throws {
    var lines = ["t,a"]
    for row in 1...300 { lines.append("\(row),\(row % 50 == 0 ? "x" : String(row))") }
    let text = lines.joined(separator: "\n") + "\n"
    let options = try options(beta: "0.9") {
      $0.columns = ["a"]
      $0.onBadValue = .skip
    }
    let result = try parallel(text, options: options, threads: 3, blockSize: 40)
    #expect(result.skipped == 6)
    #expect(result.first?.hasSuffix("line 51, column \"a\"") == true)
    expectEquivalent(result.output, try smoothText([text], options: options))
  }

  @Test func refusesWhatCannotBeCarried() throws {
    #expect(
      ParallelSmoother.unsupported(
        try options(beta: "0.9") {
          $0.columns = ["a"]
          $0.standardDeviation = true
        }) != nil)
    #expect(
      ParallelSmoother.unsupported(
        try options(beta: "0.9") {
          $0.columns = ["a"]
          $0.initial = .first
        }) != nil)
    #expect(ParallelSmoother.unsupported(try options(beta: "0.9") { $0.columns = ["a"] }) == nil)
    // Chosen columns, --group-by and --time are carried (ParallelOptionsTests).
    #expect(ParallelSmoother.unsupported(try options(beta: "0.9")) == nil)
    #expect(ParallelSmoother.unsupported(try options(beta: "0.9") { $0.groupBy = "s" }) == nil)
  }

  @Test func theCommandRefusesStandardInputAndBadCounts() throws {
    let piped = try ewa(["smooth", "--threads", "2", "--column", "a"], stdin: "a\n1\n")
    #expect(piped.status == 64)
    #expect(piped.stderr.contains("standard input"))
    let zero = try ewa(["smooth", "--threads", "0", "--column", "a"], stdin: "a\n1\n")
    #expect(zero.status == 64)
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let path = directory.appendingPathComponent("in.csv").path
    let text = sample(rows: 40000, seed: 9)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let run = try ewa(["smooth", "--threads", "2", "--column", "a", path])
    #expect(run.status == 0 && run.stderr.isEmpty)
    let options = try options(beta: "0.9") { $0.columns = ["a"] }
    expectEquivalent(run.stdout, try smoothText([text], options: options))
  }
}
