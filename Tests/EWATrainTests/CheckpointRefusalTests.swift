import Foundation
import Testing

/// End to end: `ewa train --resume` and `ewa plot boundary` with a bad checkpoint exit 65 with one
/// line naming the field, are never killed by a signal, and leave the file as it was; a resumed
/// run with no epochs left reports the saved run's final cost.
@Suite struct CheckpointRefusalTests {
  /// A checkpoint of 3 epochs of `optimizer` as a JSON object, and its path.
  func saved(_ optimizer: String, epochs: Int = 3) throws -> (object: [String: Any], path: String) {
    let path = temporaryPath("run.ckpt")
    let run = try ewa([
      "train", "--optimizer", optimizer, "--epochs", "\(epochs)", "--save", path, "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return (try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]), path)
  }

  static let cases:
    [(optimizer: String, path: [String], value: @Sendable (Any) -> Any, field: String)] = [
      (
        "adam", ["optimizer", "adam", "_0", "moments", "second", "corrected"],
        { Array(($0 as! [Any]).prefix(3)) },
        "optimizer.adam.second: 3 values, the network has 30 parameters"
      ),
      (
        "amsgrad", ["optimizer", "amsgrad", "_0", "maximum"], { _ in [Double]() },
        "optimizer.amsgrad.maximum: 0 values"
      ),
      (
        "adam", ["optimizer", "adam", "_0", "moments", "first", "count"], { _ in Int.max },
        "optimizer.adam.first.count"
      ),
      (
        "momentum", ["optimizer", "momentum", "_0", "velocity", "corrected"],
        { ($0 as! [Any]) + [1.0] }, "optimizer.momentum.velocity: 31 values"
      ),
      (
        "adam", ["network", "sizes"], { _ in [2, 4_294_967_296, 4_294_967_296, 1] },
        "network.sizes.1"
      ),
      ("adam", ["epoch"], { _ in Int.max }, "epoch"),
      ("adam", ["parameters"], { _ in [Double]() }, "parameters: 0 values"),
    ]

  @Test(arguments: cases.indices)
  func badCheckpointIsRefusedWithoutTouchingIt(_ index: Int) throws {
    let (optimizer, path, value, field) = Self.cases[index]
    let (object, file) = try saved(optimizer)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let changed = CheckpointValidationTests.replacing(object, at: ArraySlice(path), value)
    let bytes = try JSONSerialization.data(withJSONObject: changed, options: [.sortedKeys])
    try bytes.write(to: URL(fileURLWithPath: file))
    for arguments in [
      ["train", "--optimizer", optimizer, "--epochs", "5", "--resume", file],
      ["plot", "boundary", file, "--terminal", "dumb"],
    ] {
      let run = try ewa(arguments)
      #expect(run.status == 65, "\(arguments): \(run.stderr)")
      #expect(run.stderr.hasPrefix("ewa: checkpoint \(file): \(field)"), "\(run.stderr)")
      #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
      #expect(run.stdout.isEmpty)
      #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
    }
  }

  @Test(arguments: ["", "garbage\u{1B}[2J", String(repeating: "[", count: 100_000)])
  func corruptCheckpointIsRefused(_ text: String) throws {
    let file = temporaryPath("bad.ckpt")
    defer { try? FileManager.default.removeItem(atPath: file) }
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    let run = try ewa(["train", "--epochs", "5", "--resume", file])
    #expect(run.status == 65, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("ewa: checkpoint \(file) is corrupt"), "\(run.stderr)")
    #expect(run.stderr.filter { $0 == "\n" }.count == 1)
    #expect(!run.stderr.contains("\u{1B}"))
  }

  func finalCost(_ json: String) throws -> Double {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return try #require(object?["final_cost"] as? Double)
  }

  @Test(arguments: ["adam", "gd"])
  func resumingWithNoEpochsLeftReportsTheSavedFinalCost(_ optimizer: String) throws {
    let path = temporaryPath("run.ckpt")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let first = try ewa([
      "train", "--optimizer", optimizer, "--epochs", "50", "--save", path, "--json",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let again = try ewa([
      "train", "--optimizer", optimizer, "--epochs", "50", "--resume", path, "--json",
    ])
    #expect(again.status == 0, "\(again.stderr)")
    let cost = try finalCost(first.stdout)
    #expect(cost > 0)
    #expect(try finalCost(again.stdout) == cost)
    let text = try ewa(["train", "--optimizer", optimizer, "--epochs", "50", "--resume", path])
    #expect(text.stdout.contains("50 epochs"))
    #expect(text.stdout.contains("final cost \(String(format: "%.6g", cost)),"), "\(text.stdout)")
  }
}
