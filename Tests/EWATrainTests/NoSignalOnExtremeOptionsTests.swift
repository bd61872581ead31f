import EWATestSupport
import Foundation
import Testing

/// Runs the built `ewa` with a generous deadline: a run that hangs is killed and reported as
/// nil, so it fails the test instead of blocking it.
func ewaBounded(_ arguments: [String], stdin: String = "", seconds: Double = 120) throws
  -> (status: Int32, signaled: Bool, stdout: String, stderr: String)?
{
  let folder = try TemporaryFolder(prefix: "ewa-bounded")
  defer { folder.remove() }
  let run = try ProcessRun(
    arguments, in: folder.url, input: .file(Data(stdin.utf8)), timeout: seconds
  ).run()
  if run.timedOut { return nil }
  return (run.status, run.signaled, run.stdoutText, run.stderrText)
}

/// The lines of a failure's standard error that carry its message: ArgumentParser follows a
/// usage error with its `Help:`, `Usage:` and `See '… --help'` lines, and training prints its
/// progress; neither is a message.
func messageLines(_ stderr: String) -> [Substring] {
  stderr.split(separator: "\n").filter {
    !$0.hasPrefix("Usage: ") && !$0.hasPrefix("  See '") && !$0.hasPrefix("Help: ")
      && !$0.hasPrefix("epoch ") && !$0.contains(": epoch ") && !$0.hasPrefix("ewa: note: ")
  }
}

/// Every option of `train`, `compare` and `trajectory` at its extremes ends with a status of
/// 0, 64 or 65 and one message line, never with a signal, a crash or a hang.
@Suite(.serialized) struct NoSignalOnExtremeOptionsTests {
  static let extremes = [
    "0", "-1", "1e18", "1e308", "inf", "nan", "9223372036854775807", "4294967296",
    "9223372036854775808",
  ]

  struct Case: CustomStringConvertible, Sendable {
    let arguments: [String]
    var description: String { arguments.joined(separator: " ") }
  }

  static let quick = ["--epochs", "2"]

  static let cases: [Case] = {
    var cases: [Case] = []
    func add(_ arguments: [String]) { cases.append(Case(arguments: arguments)) }
    let trainOptions: [(String, [String])] = [
      ("--samples", []), ("--noise", []), ("--test-fraction", []), ("--seed", []),
      ("--layers", []), ("--l2", []), ("--batch-size", []), ("--lr", []),
      ("--decay-rate", ["--decay", "exponential"]), ("--decay-rate", ["--decay", "step"]),
      ("--decay-rate", ["--decay", "inverse-time"]), ("--decay-rate", ["--decay", "inverse-sqrt"]),
      ("--decay-rate", ["--decay", "cosine"]), ("--decay-interval", ["--decay", "staircase"]),
      ("--decay-interval", ["--decay", "cosine"]), ("--warmup", []),
      ("--warmup", ["--schedule-unit", "step"]),
      ("--beta", ["--optimizer", "momentum"]), ("--beta1", []), ("--beta2", []),
      ("--epsilon", []), ("--weight-decay", ["--optimizer", "adamw"]),
    ]
    for value in extremes {
      for (option, context) in trainOptions {
        add(["train", "\(option)=\(value)"] + context + quick)
      }
      add(["train", "--layers", "\(value),\(value)"] + quick)
      add(["train", "--decay", "manual", "--manual-rates", "\(value):0.1"] + quick)
      add(["train", "--decay", "manual", "--manual-rates", "1:\(value)"] + quick)
      add(["train", "--epochs=\(value)", "--history", "h.csv"])
      add(["compare", "--lr=\(value)", "--optimizers", "gd,adam"] + quick)
      add(["compare", "--layers", "\(value)"] + quick)
      add(["compare", "--epochs=\(value)", "--history", "h.csv"])
      for option in ["--steps", "--lr"] {
        add([
          "trajectory", "--function", "saddle", "--optimizer", "gd", "--start", "0,1", "--steps",
          "1000", "\(option)=\(value)",
        ])
      }
      add([
        "trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "100",
        "--start", "\(value),\(value)",
      ])
      add([
        "trajectory", "--function", "beale", "--optimizer", "rmsprop", "--steps", "100",
        "--start", "1,1", "--epsilon=\(value)",
      ])
    }
    // The path of a diverging optimizer is cut at its first non-finite point, however long.
    add([
      "trajectory", "--function", "saddle", "--optimizer", "gd", "--start", "0,1", "--lr", "1",
      "--steps", "9223372036854775807",
    ])
    return cases
  }()

  @Test(arguments: cases)
  func endsWithAStatusAndOneLine(_ c: Case) throws {
    let run = try #require(try ewaBounded(c.arguments), "ewa \(c) did not finish")
    #expect(!run.signaled, "killed by signal \(run.status)")
    #expect([0, 64, 65].contains(run.status), "status \(run.status): \(run.stderr)")
    if run.status != 0 {
      let lines = messageLines(run.stderr)
      // compare reports each run that diverged on a line of its own (two optimizers here).
      #expect(lines.count == 1 || (c.arguments[0] == "compare" && lines.count == 2), "\(lines)")
      #expect(lines.first?.hasPrefix("ewa: ") == true || lines.first?.hasPrefix("Error: ") == true)
    }
  }

  @Test func theCapsAreStatedAsUsageErrors() throws {
    let checks: [([String], String)] = [
      (["train", "--layers", "4294967296,4294967296"], "exceeds the 10000000 parameters"),
      (["train", "--layers", "3000000,3"], "would have more than 10000000 parameters"),
      (["train", "--samples", "4294967296"], "--samples must lie between 2 and 1000000"),
      (["train", "--noise", "1e308"], "--noise must lie between 0 and 1000000"),
      (["train", "--epochs", "9223372036854775807", "--history", "h.csv"], "exceed 5000000 rows"),
      (["compare", "--com", "1"], "Unknown option"),
    ]
    for (arguments, message) in checks {
      let run = try #require(try ewaBounded(arguments))
      #expect(run.status == 64, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
  }
}
