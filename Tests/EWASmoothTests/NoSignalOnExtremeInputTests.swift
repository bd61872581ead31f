import EWATestSupport
import Foundation
import Testing

/// `ewa smooth` with every decay option at its extremes, and with timestamps and values at the
/// edges of what a double or a nanosecond count holds, ends with 0, 64 or 65 and one message line:
/// never a signal, a crash or a hang.
@Suite(.serialized) struct NoSignalOnExtremeInputTests {
  /// Runs `ewa` with a deadline; nil when it had to be killed.
  func run(_ arguments: [String], stdin: String) throws
    -> (status: Int32, signaled: Bool, stdout: String, stderr: String)?
  {
    let run = try ProcessRun(arguments, input: .file(Data(stdin.utf8)), timeout: 120).run()
    if run.timedOut { return nil }
    return (run.status, run.signaled, run.stdoutText, run.stderrText)
  }

  struct Case: CustomStringConvertible, Sendable {
    let arguments: [String]
    let input: String
    var description: String { arguments.joined(separator: " ") + " < " + input.debugDescription }
  }

  static let extremes = [
    "0", "-1", "1e18", "1e308", "inf", "nan", "9223372036854775807", "4294967296",
    "9223372036854775808", "1e-300",
  ]

  static let series = "x\n1\n2\n3\n"
  static let timed = "t,x\n2024-01-01,1\n2024-01-02,2\n"

  static let cases: [Case] = {
    var cases: [Case] = []
    for value in extremes {
      for form in ["--beta", "--alpha", "--span", "--com", "--halflife"] {
        cases.append(Case(arguments: ["smooth", "\(form)=\(value)"], input: series))
      }
      for unit in ["", "ms", "s", "min", "h", "d", "w"] {
        cases.append(
          Case(arguments: ["smooth", "--time", "t", "--halflife=\(value)\(unit)"], input: timed))
      }
      for option in ["--min-periods", "--threads", "--column"] {
        cases.append(
          Case(arguments: ["smooth", "--beta", "0.5", "\(option)=\(value)"], input: series))
      }
      cases.append(
        Case(arguments: ["smooth", "--beta", "0.5", "--std"], input: "x\n\(value)\n-\(value)\n"))
      cases.append(
        Case(
          arguments: ["smooth", "--time", "t", "--halflife", "2"],
          input: "t,x\n-\(value),1\n\(value),2\n"))
      cases.append(
        Case(
          arguments: ["smooth", "--time", "t", "--halflife", "1h"],
          input: "t,x\n-\(value),1\n\(value),2\n"))
    }
    for date in [
      "9999-12-31", "0000-01-01", "1677-09-21T00:12:43.145224191Z", "2262-04-11T23:47:16.854775808",
      "9999-12-31T23:59:59.999999999-23:59", "1677-09-21T00:12:43.145224192Z",
      "2262-04-11T23:47:16.854775807Z",
    ] {
      for halflife in ["1d", "1ms", "100000d"] {
        cases.append(
          Case(
            arguments: ["smooth", "--time", "t", "--halflife", halflife],
            input: "t,x\n2000-01-01,1\n\(date),2\n"))
      }
    }
    return cases
  }()

  @Test(arguments: cases)
  func endsWithAStatusAndOneLine(_ c: Case) throws {
    let result = try #require(try run(c.arguments, stdin: c.input), "ewa \(c) did not finish")
    #expect(!result.signaled, "killed by signal \(result.status)")
    #expect([0, 64, 65].contains(result.status), "status \(result.status): \(result.stderr)")
    if result.status != 0 {
      let lines = result.stderr.split(separator: "\n").filter {
        !$0.hasPrefix("Usage: ") && !$0.hasPrefix("  See '") && !$0.hasPrefix("Help: ")
      }
      #expect(lines.count == 1, "\(lines)")
      #expect(lines.first?.hasPrefix("ewa: ") == true || lines.first?.hasPrefix("Error: ") == true)
    }
  }

  @Test(arguments: [Int.max, Int.max - 1, Int.min])
  func aStateCountNearTheEndsOfInt64DoesNotTrap(_ count: Int) throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("s.json").path
    let first = try #require(
      try run(["smooth", "--beta", "0.9", "--state", state], stdin: "x\n1\n2\n"))
    #expect(first.status == 0)
    let saved = try String(contentsOfFile: state, encoding: .utf8)
      .replacingOccurrences(of: "\"count\" : 2", with: "\"count\" : \(count)")
      .replacingOccurrences(of: "\"observations\" : 2", with: "\"observations\" : \(count)")
    try saved.write(toFile: state, atomically: true, encoding: .utf8)
    let next = try #require(
      try run(["smooth", "--beta", "0.9", "--state", state], stdin: "x\n3\n"))
    #expect(!next.signaled)
    // 0 when the count is taken as it is; 65 when the state decoder refuses it as out of range.
    #expect([0, 65].contains(next.status), "\(next.status): \(next.stderr)")
  }

  @Test func theLimitsAreStated() throws {
    let checks: [([String], String, Int32, String)] = [
      (
        ["smooth", "--com", "1e18"], Self.series, 64,
        "Error: --com 1e18: the decay rounds to β = 1, which never forgets; use a center of mass of at most 1e15"
      ),
      (["smooth", "--halflife", "1e30"], Self.series, 64, "use a half-life of at most 6e14 steps"),
      (
        ["smooth", "--time", "t", "--halflife", "1e30d"], Self.timed, 64,
        "is not a positive duration of at most 100000d"
      ),
      (
        ["smooth", "--time", "t", "--halflife", "1d"], "t,x\n9999-12-31,1\n", 65,
        "ewa: standard input, line 2, column \"t\": \"9999-12-31\" is outside the range of timestamps in nanoseconds, 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z"
      ),
    ]
    for (arguments, input, status, message) in checks {
      let result = try #require(try run(arguments, stdin: input))
      #expect(result.status == status, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
  }
}
