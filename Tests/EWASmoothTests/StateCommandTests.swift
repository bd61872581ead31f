import EWATestSupport
import Foundation
import Testing

/// `ewa smooth --state-in/--state-out` and `ewa state combine|show`, run end to end: a file split
/// at random rows, each part's state saved from nothing, the states before a part combined, and
/// the part smoothed from that start gives the rows of one pass.
@Suite(.serialized) struct StateCommandTests {
  /// A log `at,sensor,temp,n` with three sensors, missing cells and irregular hours (in order, so
  /// that it is also one series without --group-by).
  func log(rows: Int, using random: inout TestRandom) -> [String] {
    var hour = 0
    return (0..<rows).map { _ in
      let group = random.index(below: 3)
      hour += random.index(below: 2)
      let (day, h) = (1 + hour / 24, hour % 24)
      let time = "2024-02-\(day < 10 ? "0" : "")\(day)T\(h < 10 ? "0" : "")\(h):00:00Z"
      let temp = random.uniform() < 0.1 ? "" : String(15 + 8 * random.normal())
      return "\(time),s\(group),\(temp),\(random.index(below: 100))\n"
    }
  }

  /// The cells of `a` and `b` agree: the same text, or numbers within 1e-12 of the larger or
  /// of the data's scale (20).
  func expectSameRows(_ a: String, _ b: String, _ comment: Comment) {
    let (linesA, linesB) = (a.split(separator: "\n"), b.split(separator: "\n"))
    #expect(linesA.count == linesB.count, comment)
    for (lineA, lineB) in zip(linesA, linesB) {
      let (cellsA, cellsB) = (lineA.split(separator: ","), lineB.split(separator: ","))
      guard cellsA.count == cellsB.count else {
        Issue.record("\(lineA) vs \(lineB); \(comment)")
        continue
      }
      for (x, y) in zip(cellsA, cellsB) where x != y {
        guard let u = Double(x), let v = Double(y), abs(u - v) <= 1e-12 * max(abs(u), abs(v), 20)
        else {
          Issue.record("\(x) vs \(y) in \(lineA); \(comment)")
          continue
        }
      }
    }
  }

  @Test(arguments: [
    ["--beta", "0.5,0.95", "--group-by", "sensor", "--std"],
    ["--span", "12", "--column", "temp", "--ignore-na"],
    ["--halflife", "6h,2d", "--time", "at", "--group-by", "sensor", "--std", "--ignore-na"],
    ["--com", "4", "--init", "zero", "--group-by", "sensor", "--column", "n"],
  ])
  func splitCombineAndContinueEqualsOnePass(options: [String]) throws {
    let folder = try temporaryDirectory()
    var random = TestRandom(seed: 1212 + UInt64(options.count))
    let header = "at,sensor,temp,n\n"
    let rows = log(rows: 600, using: &random)
    let whole = folder.appendingPathComponent("whole.csv").path
    try (header + rows.joined()).write(toFile: whole, atomically: true, encoding: .utf8)
    let onePass = try ewa(["smooth"] + options + [whole])
    #expect(onePass.status == 0, "\(onePass.stderr)")
    for trial in 0..<3 {
      var cuts = (0..<3).map { _ in 1 + random.index(below: rows.count - 1) }
      cuts = Array(Set([0] + cuts + [rows.count])).sorted()
      var output = ""
      var states: [String] = []
      for (k, (start, end)) in zip(cuts, cuts.dropFirst()).enumerated() {
        let part = folder.appendingPathComponent("part\(k).csv").path
        try (header + rows[start..<end].joined()).write(
          toFile: part, atomically: true, encoding: .utf8)
        // Phase 1: the part's state from nothing, its output discarded.
        let saved = folder.appendingPathComponent("s\(k).json").path
        let phase1 = try ewa(["smooth"] + options + ["--state-out", saved, part])
        #expect(phase1.status == 0 && phase1.stderr.isEmpty, "\(phase1.stderr)")
        // Phase 2: the part from the combination of the states before it.
        var from: [String] = []
        if !states.isEmpty {
          let begin = folder.appendingPathComponent("start\(k).json").path
          let combine = try ewa(["state", "combine", "-o", begin] + states)
          #expect(combine.status == 0 && combine.stdout.isEmpty, "\(combine.stderr)")
          let printed = try ewa(["state", "combine"] + states)
          #expect(printed.stdout == (try String(contentsOfFile: begin, encoding: .utf8)))
          from = ["--state-in", begin]
        }
        let phase2 = try ewa(["smooth"] + options + from + [part])
        #expect(phase2.status == 0, "\(phase2.stderr)")
        output += k == 0 ? phase2.stdout : String(phase2.stdout.drop { $0 != "\n" }.dropFirst())
        states.append(saved)
      }
      expectSameRows(output, onePass.stdout, "\(options), trial \(trial), cuts \(cuts)")
      // The combination of every part's state is the state of one pass.
      let all = try ewa(["state", "combine"] + states)
      let wholeState = folder.appendingPathComponent("whole.json").path
      _ = try ewa(["smooth"] + options + ["--state-out", wholeState, whole])
      let show = try ewa(["state", "show", wholeState])
      let combined = folder.appendingPathComponent("all.json").path
      try all.stdout.write(toFile: combined, atomically: true, encoding: .utf8)
      let showCombined = try ewa(["state", "show", combined])
      // Rows and counts are exact; the averages agree to rounding.
      let counts = { (text: String) in
        text.split(separator: "\n").map { $0.split(separator: ",").first ?? "" }
      }
      #expect(counts(showCombined.stdout).dropFirst() == counts(show.stdout).dropFirst())
    }
  }

  @Test func stateInStartsWithoutWritingAndStateOutSavesWithoutReading() throws {
    let folder = try temporaryDirectory()
    let first = folder.appendingPathComponent("first.json").path
    let run1 = try ewa(["smooth", "--beta", "0.5", "--state-out", first], stdin: "x\n10\n")
    #expect(run1.status == 0 && run1.stdout == "x,x_ewa_0.5\n10,10\n")
    let before = try Data(contentsOf: URL(fileURLWithPath: first))
    let run2 = try ewa(["smooth", "--beta", "0.5", "--state-in", first], stdin: "x\n20\n")
    // (0.5·10 + 20)/1.5
    #expect(run2.status == 0 && run2.stdout == "x,x_ewa_0.5\n20,16.666666666666668\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == before)
    // --state-out over an existing file replaces it without reading it.
    let run3 = try ewa(["smooth", "--beta", "0.5", "--state-out", first], stdin: "x\n4\n")
    #expect(run3.status == 0 && run3.stdout == "x,x_ewa_0.5\n4,4\n")
    let show = try ewa(["state", "show", first])
    #expect(show.status == 0)
    #expect(
      show.stdout == """
        state file \(first): format version 3
        columns: "x"
        decays: --beta 0.5
        options: --init corrected
        groups: 1, rows: 1 in all
          1 rows; "x" 1 observations, average 4

        """)
    // No data row and no --state-in: nothing is saved.
    let empty = folder.appendingPathComponent("empty.json").path
    let run4 = try ewa(["smooth", "--beta", "0.5", "--state-out", empty], stdin: "x\n")
    #expect(run4.status == 0 && !FileManager.default.fileExists(atPath: empty))
  }

  @Test func conflictingAndMissingStateFilesAreRefused() throws {
    let folder = try temporaryDirectory()
    let a = folder.appendingPathComponent("a.json").path
    let b = folder.appendingPathComponent("b.json").path
    _ = try ewa(["smooth", "--beta", "0.5", "--state-out", a], stdin: "x\n1\n")
    _ = try ewa(["smooth", "--beta", "0.9", "--state-out", b], stdin: "x\n1\n")
    let cases: [([String], Int32, String)] = [
      (["smooth", "--beta", "0.5", "--state", a, "--state-in", b], 64, "--state reads and writes"),
      (
        ["smooth", "--beta", "0.5", "--state", a, "--state-out", b], 64, "--state reads and writes"
      ),
      (["smooth", "--beta", "0.5", "--state-in", a, "--state-out", a], 64, "--state-out"),
      (["smooth", "--beta", "0.5", "--state-in", a + ".missing"], 66, "cannot open"),
      (["state", "combine", a, b], 65, "was saved for decays \"0.9\", not \"0.5\" as"),
      (["state", "combine", "-o", a, a, b], 64, "-o"),
      (["state", "combine", a + ".missing"], 66, "cannot open"),
      (["state", "combine"], 64, "Missing expected argument"),
      (["state", "show", a + ".missing"], 66, "cannot open"),
    ]
    for (arguments, status, text) in cases {
      let run = try ewa(arguments, stdin: "x\n1\n")
      #expect(run.status == status, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains(text), "\(arguments): \(run.stderr)")
      // A usage error adds the usage line; any other is one line.
      if status != 64 {
        #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments): \(run.stderr)")
      }
    }
    let file = folder.appendingPathComponent("in.csv").path
    try "x\n1\n".write(toFile: file, atomically: true, encoding: .utf8)
    let threads = try ewa(["smooth", "--beta", "0.5", "--threads", "2", "--state-out", b, file])
    #expect(threads.status == 64 && threads.stderr.contains("--state-out"))
  }
}
