import EWATestSupport
import Foundation
import Testing

/// `ewa smooth` as the command of a Spark `SELECT TRANSFORM` or Hive streaming stage: rows whose
/// fields are separated by `\x01`, SQL NULL written `\N`, no header, and possibly no rows at all.
@Suite(.serialized) struct HiveRowsTests {
  /// Three groups' rows as Spark feeds them: key, time, value.
  static let rows =
    "a\u{01}1\u{01}10\nb\u{01}1\u{01}\\N\na\u{01}2\u{01}\\N\nb\u{01}2\u{01}4\na\u{01}3\u{01}20\n"

  @Test(arguments: ["ctrl-a", "\\x01", "\\001", "\u{01}"])
  func controlASeparatedRowsWithNullsAreSmoothedPerKey(delimiter: String) throws {
    let run = try ewa(
      [
        "smooth", "--alpha", "0.5", "--no-header", "--delimiter", delimiter, "--group-by", "1",
        "--column", "3",
      ], stdin: Self.rows)
    // a: 10; then \N (missing, nothing shown); then (0.25·10 + 20)/1.25 = 18. b: \N, then 4.
    #expect(
      run.stdout
        == "a\u{01}1\u{01}10\u{01}10\nb\u{01}1\u{01}\\N\u{01}\na\u{01}2\u{01}\\N\u{01}\n"
        + "b\u{01}2\u{01}4\u{01}4\na\u{01}3\u{01}20\u{01}18\n")
    #expect(run.status == 0 && run.stderr.isEmpty)
  }

  @Test func detectionFindsControlAWithoutTheOption() throws {
    let run = try ewa(["smooth", "--alpha", "0.5", "--column", "2"], stdin: "1\u{01}2\n3\u{01}4\n")
    #expect(run.stdout == "1\u{01}2\u{01}2\n3\u{01}4\u{01}3.3333333333333335\n")
  }

  @Test func tabByNameAndEscapeWritesTabs() throws {
    for delimiter in ["tab", "\\t", "\\x09"] {
      let run = try ewa(
        ["smooth", "--beta", "0.5", "--delimiter", delimiter], stdin: "x\ty\n1\t2\n")
      #expect(run.stdout == "x\ty\tx_ewa_0.5\ty_ewa_0.5\n1\t2\t1\t2\n", "\(delimiter)")
    }
  }

  @Test(arguments: ["ab", "\"", "\\x0a", "\\n", "é", ""])
  func aDelimiterThatIsNotOneUsableByteIsAUsageError(delimiter: String) throws {
    let run = try ewa(["smooth", "--beta", "0.5", "--delimiter", delimiter], stdin: "x\n1\n")
    #expect(run.status == 64)
    #expect(run.stdout.isEmpty)
    // One sentence naming the option, then ArgumentParser's usage reminder.
    #expect(run.stderr.hasPrefix("Error: --delimiter "), "\(run.stderr)")
  }

  @Test(arguments: [[], ["--no-header"], ["--no-header", "--delimiter", "ctrl-a"]])
  func emptyInputGivesEmptyOutput(flags: [String]) throws {
    let run = try ewa(["smooth", "--alpha", "0.5"] + flags, stdin: "")
    #expect(run.stdout.isEmpty && run.stderr.isEmpty && run.status == 0)
    let grouped = try ewa(
      ["smooth", "--alpha", "0.5", "--group-by", "1", "--column", "2"] + flags, stdin: "")
    #expect(grouped.stdout.isEmpty && grouped.stderr.isEmpty && grouped.status == 0)
  }

  @Test func theSameInputGivesTheSameBytesOnEveryRun() throws {
    var random = TestRandom(seed: 12)
    var input = ""
    for row in 0..<5000 {
      let value = random.uniform() * 100
      input += "k\(row % 7)\u{01}\(row)\u{01}\(row % 11 == 0 ? "\\N" : "\(value)")\n"
    }
    let arguments = [
      "smooth", "--span", "20", "--std", "--no-header", "--delimiter", "ctrl-a", "--group-by", "1",
      "--column", "3",
    ]
    let first = try ewa(arguments, stdin: input)
    let second = try ewa(arguments, stdin: input)
    #expect(first.status == 0 && first.stdout.utf8.count > input.utf8.count)
    #expect(first.stdout == second.stdout)
  }

  @Test(arguments: [
    (["--no-header"], "5\n", "5,5\n"), ([], "5\n", "5,5\n"),
    (["--column", "v"], "v\n", "v,v_ewa_alpha0.5\n"),
  ])
  func aLineFromALivePipeIsAnsweredBeforeTheNextArrives(
    flags: [String], first: String, answer: String
  ) throws {
    let live = try LiveRun(["smooth", "--alpha", "0.5"] + flags)
    live.send(first)
    // The second line is not sent until the first is answered (or 5 s have passed).
    #expect(live.read(until: answer) == answer, "\(flags)")
  }

  @Test func threadsOnAHeaderlessFileWithColumnsGiven() throws {
    // The parallel planner used to look for first values after the columns were given: a trap.
    let folder = try TemporaryFolder(prefix: "ewa-hive-rows")
    defer { folder.remove() }
    let path = folder.file("rows.txt").path
    let rows = (0..<200_000).map { "\($0)\u{01}\($0 % 13 == 0 ? "\\N" : "\($0 % 97)")\n" }
    try Data(rows.joined().utf8).write(to: URL(fileURLWithPath: path))
    let arguments = [
      "smooth", "--alpha", "0.01", "--no-header", "--delimiter", "ctrl-a", "--column", "2", path,
    ]
    let sequential = try ewa(arguments)
    let parallel = try ewa(arguments + ["--threads", "2"])
    #expect(sequential.status == 0 && parallel.status == 0, "\(parallel.stderr)")
    let (one, two) = (
      sequential.stdout.split(separator: "\n"), parallel.stdout.split(separator: "\n")
    )
    #expect(one.count == 200_000 && two.count == one.count)
    for (a, b) in zip(one, two) where a != b {
      let (x, y) = (a.split(separator: "\u{01}"), b.split(separator: "\u{01}"))
      #expect(x.count == 3 && y.count == 3 && x[0...1] == y[0...1], "\(a) / \(b)")
      #expect(close(Double(x[2])!, Double(y[2])!), "\(a) / \(b)")
    }
  }
}
