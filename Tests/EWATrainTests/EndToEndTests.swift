import EWATestSupport
import Foundation
import Testing

/// Runs the built `ewa` binary in the package root and returns its status, standard output and
/// standard error.
func ewa(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  let run = try ProcessRun(
    arguments, in: packageRoot, output: .capturedThroughPipe, error: .capturedThroughPipe
  ).run()
  return (run.status, run.stdoutText, run.stderrText)
}

/// A unique path for `name` in the test run's temporary folder, removed when the run ends.
func temporaryPath(_ name: String) -> String { TemporaryFolder.temporaryPath(name) }

@Suite("ewa train, compare and trajectory end to end")
struct EndToEndTests {
  struct BadInput: CustomStringConvertible, Sendable {
    let arguments: [String]
    let status: Int32
    let message: String
    var description: String { arguments.joined(separator: " ") }
  }

  static let badInputs: [BadInput] = [
    .init(
      arguments: ["--optimizer", "momentum", "--beta", "1"], status: 64,
      message: "--beta must lie in [0, 1), got 1.0."),
    .init(arguments: ["--beta1=-0.1"], status: 64, message: "--beta1 must lie in [0, 1)"),
    .init(arguments: ["--lr", "0"], status: 64, message: "--lr must be positive, got 0.0."),
    .init(arguments: ["--epsilon", "0"], status: 64, message: "--epsilon must be positive"),
    .init(
      arguments: ["--batch-size", "0"], status: 64, message: "--batch-size must be at least 1"),
    .init(
      arguments: ["--batch-size", "301"], status: 64,
      message: "between 1 and the 300 training rows, got 301"),
    .init(
      arguments: ["--layers", ""], status: 64,
      message: "--layers must list positive hidden layer sizes"),
    .init(arguments: ["--layers", "5,,2"], status: 64, message: "got \"5,,2\""),
    .init(arguments: ["--beta", "0.9"], status: 64, message: "--beta does not apply to adam"),
    .init(
      arguments: ["--optimizer", "gd", "--epsilon", "1e-7"], status: 64,
      message: "--epsilon does not apply to gd"),
    .init(
      arguments: ["--weight-decay", "0.1"], status: 64,
      message: "--weight-decay does not apply to adam; it is used by adamw only."),
    .init(
      arguments: ["--decay", "exponential", "--decay-rate", "1.5"], status: 64,
      message: "grows without bound"),
    .init(
      arguments: ["--dataset", "data/digits.csv"], status: 64, message: "needs --label COLUMN"),
    .init(
      arguments: ["--dataset", "data/digits.csv", "--label", "nope"], status: 64,
      message: "has no column \"nope\""),
    .init(
      arguments: ["--dataset", "missing.csv", "--label", "y"], status: 66,
      message: "cannot read missing.csv."),
  ]

  @Test(arguments: badInputs)
  func badInputFailsWithOneLineAndItsStatus(_ bad: BadInput) throws {
    let r = try ewa(["train", "--epochs", "2"] + bad.arguments)
    #expect(r.status == bad.status)
    #expect(r.stderr.contains(bad.message), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func badDataFailsWith65NamingLineColumnAndText() throws {
    let path = temporaryPath("bad.csv")
    try "a,b,y\n1,2,0\n3,x7,1\n".write(toFile: path, atomically: true, encoding: .utf8)
    let r = try ewa(["train", "--dataset", path, "--label", "y", "--epochs", "1"])
    #expect(r.status == 65)
    #expect(
      r.stderr
        == "ewa: \(path) line 3, column \"b\": \"x7\" is not a number (every column but the label must be a numeric feature).\n"
    )
    let one = temporaryPath("one.csv")
    try "a,y\n1,0\n2,0\n".write(toFile: one, atomically: true, encoding: .utf8)
    let r1 = try ewa(["train", "--dataset", one, "--label", "y", "--epochs", "1"])
    #expect(r1.status == 65 && r1.stderr.contains("has a single class"))
  }

  @Test func corruptOrForeignCheckpointFailsWith65() throws {
    let corrupt = temporaryPath("corrupt.json")
    try "{\"version\": 1, \"network\": 3}".write(toFile: corrupt, atomically: true, encoding: .utf8)
    let r = try ewa(["train", "--resume", corrupt, "--epochs", "3"])
    #expect(r.status == 65 && r.stderr.hasPrefix("ewa: checkpoint \(corrupt) is corrupt"))
    let saved = temporaryPath("ck.json")
    #expect(try ewa(["train", "--epochs", "2", "--save", saved]).status == 0)
    let other = try ewa(["train", "--resume", saved, "--layers", "4", "--epochs", "3"])
    #expect(other.status == 65 && other.stderr.contains("is for a different network"))
  }

  @Test func jsonSummaryAndHistoryFiles() throws {
    let history = temporaryPath("run.csv")
    let r = try ewa([
      "train", "--dataset", "data/digits.csv", "--label", "digit", "--standardize", "--layers",
      "16", "--epochs", "3", "--batch-size", "32", "--lr", "0.01", "--history", history, "--json",
    ])
    #expect(r.status == 0)
    let summary = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(summary["epochs"] as? Int == 3)
    #expect((summary["train_accuracy"] as? Double ?? 0) > 0.5)
    #expect(summary["test_accuracy"] is Double)
    #expect(summary["final_cost"] is Double && summary["seconds"] is Double)
    let rows = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
    #expect(rows.first == "epoch,step,lr,cost,train_accuracy,test_accuracy")
    #expect(rows.count == 4)
    let batches = try String(
      contentsOfFile: String(history.dropLast(4)) + "-batches.csv", encoding: .utf8
    ).split(separator: "\n")
    #expect(batches.first == "step,epoch,cost")
    #expect(batches.count == 1 + 3 * 45)  // 1438 training rows in batches of 32
    let plain = try ewa(["train", "--epochs", "2", "--json"])
    #expect(plain.stdout.contains("\"test_accuracy\":null"))
    #expect(plain.stderr.contains("epoch 2/2"))
  }

  @Test func divergenceStopsWithEpochStepAndIntactHistory() throws {
    let history = temporaryPath("nan.csv")
    let r = try ewa([
      "train", "--optimizer", "gd", "--activation", "leaky-relu", "--lr", "1e10", "--epochs", "9",
      "--history", history,
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("ewa: the cost became NaN at epoch 1, step "))
    #expect(r.stderr.contains("try a smaller learning rate"))
    let batches = try String(
      contentsOfFile: String(history.dropLast(4)) + "-batches.csv", encoding: .utf8)
    #expect(batches.hasPrefix("step,epoch,cost\n1,1,"))
  }

  @Test func resumeTo100EndsWhereAnUninterruptedRunEnds() throws {
    let checkpoint = temporaryPath("fifty.json")
    let full = try ewa(["train", "--epochs", "100", "--json"])
    #expect(try ewa(["train", "--epochs", "50", "--save", checkpoint]).status == 0)
    let resumed = try ewa(["train", "--epochs", "100", "--resume", checkpoint, "--json"])
    func cost(_ s: String) throws -> Double {
      let o = try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
      return o["final_cost"] as! Double
    }
    #expect(try cost(resumed.stdout) == cost(full.stdout))
    #expect(resumed.stdout.contains("\"epochs\":100"))
  }

  @Test func compareWritesHistoriesSideBySide() throws {
    let history = temporaryPath("compare.csv")
    let r = try ewa([
      "compare", "--optimizers", "gd,momentum,adam", "--epochs", "4", "--history", history,
    ])
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: "\n").count == 4)  // the table: header and three runs
    let rows = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
    #expect(
      rows.first
        == "epoch,gd_lr,gd_cost,gd_train_accuracy,momentum_lr,momentum_cost,momentum_train_accuracy,adam_lr,adam_cost,adam_train_accuracy"
    )
    #expect(rows.count == 5)
    let bad = try ewa(["compare", "--optimizers", "gd,sgd"])
    #expect(bad.status == 64 && bad.stderr.contains("\"sgd\" is not one of"))
    let notApplying = try ewa(["compare", "--optimizers", "gd,adam", "--beta", "0.5"])
    #expect(
      notApplying.status == 64 && notApplying.stderr.contains("--beta does not apply to gd, adam"))
  }

  @Test func trajectoryPrintsCSVFromTheStart() throws {
    let r = try ewa([
      "trajectory", "--function", "bowl", "--optimizer", "gd", "--start", "2,1", "--steps", "2",
      "--lr", "0.5",
    ])
    #expect(r.status == 0)
    // gradient (x/10, 2y): (2, 1) → (1.9, 0) → (1.805, 0).
    #expect(r.stdout == "step,x,y,loss\n0,2,1,1.2\n1,1.9,0,0.1805\n2,1.805,0,0.16290125\n")
    let bad = try ewa([
      "trajectory", "--function", "bowl", "--optimizer", "gd", "--start", "1", "--steps", "2",
    ])
    #expect(bad.status == 64 && bad.stderr.contains("--start must be two numbers x,y"))
    let list = try ewa([
      "trajectory", "--function", "bowl", "--optimizer", "gd", "--start", "2,1", "--steps", "2",
      "--lr", "0.1,0.2",
    ])
    #expect(list.status == 64 && list.stderr.contains("--lr takes one rate here, got 2"))
  }

  @Test func trajectoryTakesANegativeStartWithoutAnEqualsSign() throws {
    let r = try ewa([
      "trajectory", "--function", "bowl", "--optimizer", "gd", "--start", "-2,1", "--steps", "1",
      "--lr", "0.5",
    ])
    #expect(r.status == 0)
    // gradient (x/10, 2y): (-2, 1) → (-1.9, 0).
    #expect(r.stdout == "step,x,y,loss\n0,-2,1,1.2\n1,-1.9,0,0.1805\n")
  }
}
