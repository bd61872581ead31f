import EWATestSupport
import Foundation
import Testing

/// Every bad input of issue 2, run end to end: one line on stderr naming file, line, column and
/// text, and a distinct exit status (64 usage, 65 data, 66 cannot open).
@Suite struct BadInputTests {
  /// Runs `ewa smooth` and checks the status and that stderr's first line is `expected`.
  func expectFailure(
    _ arguments: [String], stdin: String = "", status: Int32, message expected: String,
    in directory: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let run = try ewa(["smooth"] + arguments, stdin: stdin, in: directory)
    #expect(run.status == status, "\(arguments)", sourceLocation: sourceLocation)
    let first = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first == expected, sourceLocation: sourceLocation)
    #expect(!run.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
  }

  @Test func nonNumericCell() throws {
    try expectFailure(
      ["--column", "temp"], stdin: "day,temp\n1,3.5\n2,abc\n", status: 65,
      message: "ewa: standard input, line 3, column \"temp\": \"abc\" is not a number")
  }

  @Test func nonNumericCellSkippedWithAWarning() throws {
    let run = try ewa(
      ["smooth", "--beta", "0.5", "--on-bad-value", "skip", "--column", "temp"],
      stdin: "day,temp\n1,2\n2,abc\n3,x\n4,4\n")
    #expect(run.status == 0)
    #expect(run.stdout == "day,temp,temp_ewa_0.5\n1,2,2\n2,abc,\n3,x,\n4,4,3.7777777777777777\n")
    #expect(
      run.stderr
        == "ewa: warning: 2 cells that are not numbers were treated as missing "
        + "(the first: standard input, line 3, column \"temp\")\n")
  }

  @Test func unknownColumnListsTheColumns() throws {
    try expectFailure(
      ["--column", "tmp"], stdin: "day,temp\n1,2\n", status: 64,
      message: "ewa: no column named \"tmp\"; the columns are: \"day\", \"temp\"")
  }

  @Test func columnIndexOutOfRange() throws {
    try expectFailure(
      ["--column", "3"], stdin: "day,temp\n1,2\n", status: 64,
      message: "ewa: column index 3 is out of range; the input has columns 1 to 2")
  }

  @Test(arguments: [
    (["--beta", "1"], "Error: --beta 1: beta must be at least 0 and less than 1, got 1.0"),
    (["--beta", "-0.1"], "Error: --beta -0.1: beta must be at least 0 and less than 1, got -0.1"),
    (["--span", "0.5"], "Error: --span 0.5: span must be at least 1, got 0.5"),
    (["--com", "-1"], "Error: --com -1: com must be at least 0, got -1.0"),
    (["--halflife", "0"], "Error: --halflife 0: halflife must be greater than 0, got 0.0"),
    (
      ["--beta", "0.9", "--span", "3"],
      "Error: give the decay one way only, not both --beta and --span"
    ),
    (
      ["--beta", "0.5,0.9", "--replace"],
      "Error: --replace overwrites the column, so it takes a single decay, not 2"
    ),
    (
      ["--halflife", "6h"],
      "Error: --halflife 6h is a duration; give the timestamp column with --time"
    ),
    (["--beta", "x"], "Error: --beta \"x\" is not a number"),
    (
      ["--time", "a", "--beta", "0.9"],
      "Error: --time decays by elapsed time, so give the decay with --halflife"
    ),
  ])
  func invalidDecayOptions(arguments: [String], message: String) throws {
    try expectFailure(arguments, stdin: "a\n1\n", status: 64, message: message)
  }

  @Test func rowWithFewerOrMoreFields() throws {
    try expectFailure(
      [], stdin: "a,b\n1,2\n3\n", status: 65,
      message: "ewa: standard input, line 3: expected 2 fields like the first line, found 1")
    try expectFailure(
      [], stdin: "a,b\n1,2\n3,4,5\n", status: 65,
      message: "ewa: standard input, line 3: expected 2 fields like the first line, found 3")
  }

  @Test func unterminatedQuote() throws {
    try expectFailure(
      [], stdin: "a,b\n1,2\n3,\"open\n", status: 65,
      message:
        "ewa: standard input, line 3: a quoted field is not closed before the end of the input")
  }

  @Test func timeGoingBackwardsWithinAGroup() throws {
    let input = "at,k,v\n2024-01-02,a,1\n2024-01-01,b,2\n2024-01-01,a,3\n"
    try expectFailure(
      ["--time", "at", "--halflife", "1d", "--group-by", "k"], stdin: input, status: 65,
      message: "ewa: standard input, line 4, column \"at\": time goes backwards, \"2024-01-01\" "
        + "is before \"2024-01-02T00:00:00Z\" of the previous row of the same group")
  }

  @Test func timestampThatDoesNotParse() throws {
    try expectFailure(
      ["--time", "at", "--halflife", "1d"], stdin: "at,v\n2024-01-01,1\n2024-13-01,2\n",
      status: 65,
      message: "ewa: standard input, line 3, column \"at\": \"2024-13-01\" is not a timestamp "
        + "(ISO-8601 date or date-time, YYYY/MM/DD, or a number)")
  }

  @Test func missingInputFile() throws {
    try expectFailure(
      ["/nonexistent/x.csv"], status: 66,
      message: "ewa: cannot open /nonexistent/x.csv: No such file or directory")
  }

  @Test func stateFileCorruptOtherVersionOrOtherRequest() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("s.json")
    try "{ not json".write(to: state, atomically: true, encoding: .utf8)
    try expectFailure(
      ["--state", state.path], stdin: "x\n1\n", status: 65,
      message:
        "ewa: state file \(state.path) is not valid: line 1, it is not an ewa state file "
        + "(its first field is not \"format\")")
    try "{\"version\": 99}".write(to: state, atomically: true, encoding: .utf8)
    try expectFailure(
      ["--state", state.path], stdin: "x\n1\n", status: 65,
      message: "ewa: state file \(state.path) has format version 99; this ewa reads version 3 "
        + "(start again without the file, or use the ewa that wrote it)")
    // Format 2 did not record each group's rows, which combining states needs.
    try "{\"format\":\"ewa-smooth-state\",\"version\":2,\"columns\":[\"x\"]}".write(
      to: state, atomically: true, encoding: .utf8)
    try expectFailure(
      ["--state", state.path], stdin: "x\n1\n", status: 65,
      message: "ewa: state file \(state.path) has format version 2; this ewa reads version 3 "
        + "(start again without the file, or use the ewa that wrote it)")
    try "{\"version\": 1, \"columns\": 3}".write(to: state, atomically: true, encoding: .utf8)
    try expectFailure(
      ["--state", state.path], stdin: "x\n1\n", status: 65,
      message: "ewa: state file \(state.path) has format version 1; this ewa reads version 3 "
        + "(start again without the file, or use the ewa that wrote it)")
    try FileManager.default.removeItem(at: state)
    #expect(try ewa(["smooth", "--state", state.path], stdin: "x,y\n1,2\n").status == 0)
    try expectFailure(
      ["--state", state.path, "--column", "x"], stdin: "x,y\n1,2\n", status: 65,
      message: "ewa: state file \(state.path) was saved for columns \"x,y\", not \"x\"")
    try expectFailure(
      ["--state", state.path, "--beta", "0.5"], stdin: "x,y\n1,2\n", status: 65,
      message: "ewa: state file \(state.path) was saved for decays \"0.9\", not \"0.5\"")
  }
}
