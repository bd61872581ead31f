import EWATestSupport
import Foundation
import Testing

/// The rule "no input kills ewa with a signal", swept over the numeric and list options of the
/// plot subcommands and demo: each extreme value either works or is refused with a usage or data status and a
/// message on one line, within a bound that only a hang exceeds (this is no timing test).
// Serialized: hundreds of parallel process launches crash Foundation's Process.run().
@Suite(.serialized) struct OptionSweepTests {
  /// Values at the edges of every numeric type and of the double range, and text that is no number.
  static let extremes = [
    "0", "-1", "-0", "1e18", "-1e18", "1e308", "1e400", "inf", "-inf", "nan", "4294967296",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551616",
    "0.5", "", "abc", "1,2,3", "\u{1B}[31m", String(repeating: "9", count: 5000),
  ]

  /// A subcommand's arguments that make a small, fast run, and the options to sweep.
  struct Case: CustomTestStringConvertible, Sendable {
    let base: [String]
    let option: String
    let stdin: String
    var testDescription: String { (base + [option]).joined(separator: " ") }
  }

  static let seattle = packageRoot.appendingPathComponent("data/seattle-weather.csv").path
  static let series = "date,v\n2020-01-01,1\n2020-01-02,2\n2020-01-05,4\n"

  static let cases: [Case] = {
    var cases: [Case] = []
    // train, compare, trajectory and smooth's own options are swept by
    // NoSignalOnExtremeOptionsTests and NoSignalOnExtremeInputTests; these are the rest.
    cases.append(
      Case(
        base: ["smooth", "--time", "date", "--column", "v"], option: "--halflife", stdin: series))
    let dumb = ["--terminal", "dumb"]
    for option in ["--beta", "--size", "--halflife"] {
      cases.append(
        Case(
          base: ["plot", "smooth", "--column", "v"] + dumb, option: option,
          stdin: series))
    }
    for option in ["--steps", "--lr", "--start", "--size"] {
      cases.append(
        Case(
          base: ["plot", "trajectory", "--function", "bowl", "--steps", "5"] + dumb,
          option: option, stdin: ""))
    }
    for option in ["--epochs", "--lr", "--decay-rate", "--decay-interval", "--warmup", "--size"] {
      cases.append(
        Case(
          base: ["plot", "schedule", "--decay", "exponential", "--epochs", "5"] + dumb,
          option: option, stdin: ""))
    }
    cases.append(
      Case(
        base: ["demo", "--output-dir", "out", "--data-dir", "/nonexistent"],
        option: "--epochs", stdin: ""))
    return cases
  }()

  @Test(arguments: cases)
  func everyExtremeValueEndsWithAStatusNotASignal(_ sweep: Case) throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    for value in Self.extremes {
      let run = try ewaWithTimeout(
        sweep.base + [sweep.option, value], stdin: sweep.stdin, in: directory, seconds: 120)
      let what = "\(sweep.testDescription) \(value.prefix(20))"
      #expect(!run.timedOut, "\(what): still running after 120 s")
      #expect(run.exited, "\(what): killed by signal \(run.status)")
      #expect([0, 64, 65, 66, 69, 74].contains(run.status), "\(what): exit \(run.status)")
      if run.status != 0 {
        // The parser's usage errors span a few lines; none carries a raw control character.
        #expect(
          !run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F },
          "\(what): raw control character in \(run.stderr.debugDescription.prefix(200))")
        #expect(
          run.stderr.utf8.count < 2000, "\(what): a message of \(run.stderr.utf8.count) bytes")
      }
    }
  }
}

/// What a run with a deadline printed on standard error and how it ended.
struct TimedRun {
  let status: Int32
  let exited: Bool
  let timedOut: Bool
  let stderr: String
}

/// Runs `ewa`, discarding standard output, and kills it after `seconds`.
func ewaWithTimeout(_ arguments: [String], stdin: String, in directory: URL, seconds: Double)
  throws -> TimedRun
{
  let run = try ProcessRun(
    arguments, in: directory, input: .file(Data(stdin.utf8)), output: .null, timeout: seconds,
    timeoutSignal: SIGKILL
  ).run()
  return TimedRun(
    status: run.status, exited: !run.signaled, timedOut: run.timedOut, stderr: run.stderrText)
}
