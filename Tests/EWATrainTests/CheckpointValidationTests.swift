import EWAIO
import EWATestSupport
import EWATrain
import Foundation
import Testing

/// A checkpoint is untrusted input: every field is checked on load, and a bad one is refused as
/// data with one line naming it by its path (`optimizer.adam.second: 3 values, ...`).
@Suite struct CheckpointValidationTests {
  static let moons = SyntheticData.moons.generate(samples: 60, noise: 0.2, seed: 3)

  /// The JSON object of a checkpoint after two epochs with `kind`.
  static func checkpointObject(_ kind: OptimizerKind) throws -> [String: Any] {
    var c = TrainingConfiguration(optimizer: .init(kind: kind), learningRate: 0.01)
    c.batchSize = 16
    let trainer = try Trainer(configuration: c, data: moons)
    try trainer.runEpoch()
    try trainer.runEpoch()
    let data = try JSONEncoder().encode(trainer.checkpoint)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// `object` with the value at `path` replaced by `transform` of it.
  static func replacing(_ object: Any, at path: ArraySlice<String>, _ transform: (Any) -> Any)
    -> Any
  {
    guard let key = path.first else { return transform(object) }
    if var dictionary = object as? [String: Any] {
      dictionary[key] = replacing(dictionary[key] as Any, at: path.dropFirst(), transform)
      return dictionary
    }
    if var array = object as? [Any], let index = Int(key) {
      array[index] = replacing(array[index], at: path.dropFirst(), transform)
      return array
    }
    Issue.record("no \(key) in the checkpoint")
    return object
  }

  /// One mutation: the optimizer, the path in the JSON, the new value, and a text the message
  /// must contain. A value of the string `"1e999"` or `"-nan"` is written as that bare token.
  struct Mutation: CustomStringConvertible, Sendable {
    let kind: OptimizerKind
    let path: String
    let value: @Sendable (Any) -> Any
    let expected: String
    var description: String { "\(kind.rawValue) \(path) → \(expected)" }

    init(
      _ path: String, _ expected: String, _ value: @escaping @Sendable (Any) -> Any
    ) {
      self.init(.adam, path, expected, value)
    }

    init(
      _ kind: OptimizerKind, _ path: String, _ expected: String,
      _ value: @escaping @Sendable (Any) -> Any
    ) {
      self.kind = kind
      self.path = path
      self.value = value
      self.expected = expected
    }
  }

  static func shortened(_ n: Int) -> @Sendable (Any) -> Any {
    { Array(($0 as! [Any]).prefix(n)) }
  }
  static func constant(_ v: any Sendable) -> @Sendable (Any) -> Any { { _ in v } }
  static let lengthened: @Sendable (Any) -> Any = { ($0 as! [Any]) + [0.5] }
  static func element0(_ v: any Sendable) -> @Sendable (Any) -> Any {
    {
      var a = $0 as! [Any]
      a[0] = v
      return a
    }
  }

  static let adamSecond = "optimizer.adam._0.moments.second"
  static let adamFirst = "optimizer.adam._0.moments.first"
  static let mutations: [Mutation] = [
    .init(
      adamSecond + ".corrected", "optimizer.adam.second: 3 values, the network has 30 parameters",
      shortened(3)),
    .init(adamSecond + ".corrected", "optimizer.adam.second: 0 values", shortened(0)),
    .init(adamSecond + ".corrected", "optimizer.adam.second: 31 values", lengthened),
    .init(adamFirst + ".corrected", "optimizer.adam.first: 3 values", shortened(3)),
    .init(
      adamSecond + ".corrected", "optimizer.adam.second.corrected.0: -1.0 is not finite and ≥ 0",
      element0(-1.0)),
    // Foundation refuses a number beyond a double's range as invalid JSON.
    .init(adamFirst + ".corrected", "is corrupt", element0("1e999")),
    .init(
      adamSecond + ".count", "optimizer.adam.second.count: 9223372036854775807", constant(Int.max)),
    .init(adamSecond + ".count", "optimizer.adam.second.count: -1", constant(-1)),
    .init(adamFirst + ".beta", "optimizer.adam.first.beta: 1.0", constant(1.0)),
    .init(adamFirst + ".beta", "optimizer.adam.first.beta: -0.1", constant(-0.1)),
    .init(adamSecond + ".weight", "optimizer.adam.second.weight: 1e+300", constant(1e300)),
    .init(
      adamSecond + ".weight", "optimizer.adam.second.weight: 1.0 is not the weight of 8 steps",
      constant(1.0)),
    .init(adamSecond + ".start", "optimizer.adam.second.start", constant("first")),
    .init("optimizer.adam._0.epsilon", "optimizer.adam.epsilon", constant(0.0)),
    .init(
      "configuration.optimizer.beta1", "configuration.optimizer: beta1 must lie in [0, 1)",
      constant(1.0)),
    .init(
      "configuration.optimizer.beta2", "configuration.optimizer: beta2 must lie in [0, 1)",
      constant(-0.5)),
    .init(
      "configuration.optimizer.epsilon", "configuration.optimizer: epsilon must be positive",
      constant(-1.0)),
    .init(
      "configuration.schedule.initial",
      "configuration.schedule: the learning rate must be positive", constant(0.0)),
    .init(
      "configuration.schedule.warmUp", "configuration.schedule.warmUp: 9223372036854775807",
      constant(Int.max)),
    .init("configuration.schedule.interval", "configuration.schedule.interval: 0", constant(0)),
    .init("configuration.batchSize", "configuration.batchSize: 0", constant(0)),
    .init("configuration.l2", "configuration.l2: -1.0", constant(-1.0)),
    .init("configuration.hidden", "configuration.hidden: [5]", constant([5])),
    .init("network.sizes", "network.sizes: 0 sizes", constant([Int]())),
    .init("network.sizes", "network.sizes: 1 sizes", constant([2])),
    .init("network.sizes", "network.sizes.1: 0 units", constant([2, 0, 2, 1])),
    .init("network.sizes", "network.sizes.1: -5 units", constant([2, -5, 2, 1])),
    .init(
      "network.sizes", "network.sizes.1: 4294967296 units",
      constant([2, 4_294_967_296, 4_294_967_296, 1])),
    .init("network.sizes", "needs more than 67108864 parameters", constant([2, 65536, 65536, 1])),
    .init("network.sizes", "network.sizes.3: 2 outputs", constant([2, 5, 2, 2])),
    .init(
      "network.sizes", "network.sizes: 327683 units in all; a network has at most 262144",
      constant([2] + [Int](repeating: 65536, count: 5) + [1])),
    .init("parameters", "parameters: 3 values, the network has 30 parameters", shortened(3)),
    .init("parameters", "parameters: 0 values", shortened(0)),
    .init("parameters", "is corrupt", element0("1e999")),
    .init("epoch", "epoch: -1 is not a count", constant(-1)),
    .init("epoch", "epoch: 9223372036854775807 is not a count", constant(Int.max)),
    .init("step", "step: 9223372036854775807 is not a count", constant(Int.max)),
    .init("step", "step: 1 steps in 2 epochs", constant(1)),
    .init("finalCost", "finalCost: -1.0 is not a cost", constant(-1.0)),
    .init("dataFingerprint", "dataFingerprint", constant("")),
    .init("generator", "generator", constant("zz")),
    .init("version", "has format version 2", constant(2)),
    .init(
      "optimizer", "optimizer: a gd state, but configuration.optimizer.kind is adam",
      constant(["gd": ["_0": ["steps": 8]]])),
    .init(
      "optimizer", "is corrupt",
      constant(["gd": ["_0": ["steps": 8]], "adam": ["_0": ["steps": 8]]])),
    .init(
      .amsgrad, "optimizer.amsgrad._0.maximum",
      "optimizer.amsgrad.maximum: 0 values, the network has 30", shortened(0)),
    .init(
      .amsgrad, "optimizer.amsgrad._0.maximum", "optimizer.amsgrad.maximum: 3 values", shortened(3)),
    .init(
      .amsgrad, "optimizer.amsgrad._0.maximum", "optimizer.amsgrad.maximum.0: -1.0", element0(-1.0)),
    .init(
      .amsgrad, "optimizer.amsgrad._0.adam.moments.second.corrected",
      "optimizer.amsgrad.second: 3 values", shortened(3)),
    .init(
      .adamw, "optimizer.adamw._0.adam.moments.second.corrected",
      "optimizer.adamw.second: 3 values", shortened(3)),
    .init(
      .adamw, "optimizer.adamw._0.weightDecay", "optimizer.adamw.weightDecay: 0.5", constant(0.5)),
    .init(
      .momentum, "optimizer.momentum._0.velocity.corrected",
      "optimizer.momentum.velocity: 3 values", shortened(3)),
    .init(
      .momentum, "optimizer.momentum._0.velocity.count", "optimizer.momentum.velocity.count: 7",
      constant(7)),
    .init(
      .nesterov, "optimizer.nesterov._0.momentum.velocity.corrected",
      "optimizer.nesterov.velocity: 31 values", lengthened),
    .init(
      .rmsprop, "optimizer.rmsprop._0.meanSquare.corrected",
      "optimizer.rmsprop.meanSquare: 0 values", shortened(0)),
    .init(
      .rmsprop, "optimizer.rmsprop._0.meanSquare.beta", "optimizer.rmsprop.meanSquare.beta: 0.5",
      constant(0.5)),
    .init(
      .rmsprop, "optimizer.rmsprop._0.biasCorrection", "optimizer.rmsprop.biasCorrection: true",
      constant(true)),
    .init(.gd, "optimizer.gd._0.steps", "optimizer.gd.steps: 9", constant(9)),
  ]

  @Test(arguments: mutations)
  func mutationIsRefusedNamingTheField(_ mutation: Mutation) throws {
    let object = try Self.checkpointObject(mutation.kind)
    let changed = Self.replacing(
      object, at: ArraySlice(mutation.path.split(separator: ".").map(String.init)), mutation.value)
    var text = String(
      decoding: try JSONSerialization.data(withJSONObject: changed, options: [.sortedKeys]),
      as: UTF8.self)
    text = text.replacingOccurrences(of: "\"1e999\"", with: "1e999")
    let error = #expect(throws: TrainingError.self) {
      try Checkpoint.decode(Data(text.utf8), name: "run.ckpt")
    }
    #expect(error?.kind == .data)
    #expect(error?.message.hasPrefix("checkpoint run.ckpt") == true)
    #expect(error?.message.contains(mutation.expected) == true, "\(error?.message ?? "")")
    #expect(error?.message.contains("\n") == false)
  }

  @Test(arguments: OptimizerKind.allCases)
  func validCheckpointsLoad(_ kind: OptimizerKind) throws {
    let data = try JSONSerialization.data(withJSONObject: try Self.checkpointObject(kind))
    let checkpoint = try Checkpoint.decode(data, name: "run.ckpt")
    #expect(checkpoint.epoch == 2)
    #expect(checkpoint.finalCost != nil)
  }

  @Test(arguments: [
    "", "not json", "\u{FF}\u{FE}\u{0}", "[]", "{}", "{\"version\":1}", "{\"version\":1e999}",
    String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 100_000),
    "{\"version\":1,\"network\":" + String(repeating: "[", count: 100_000),
  ])
  func malformedDocumentsAreRefused(_ text: String) {
    let error = #expect(throws: TrainingError.self) {
      try Checkpoint.decode(Data(text.utf8), name: "run.ckpt")
    }
    #expect(error?.kind == .data)
    #expect(error?.message.contains("\n") == false)
  }

  @Test func truncatedCheckpointsAreRefused() throws {
    let data = try JSONSerialization.data(withJSONObject: try Self.checkpointObject(.amsgrad))
    for length in stride(from: 0, to: data.count - 1, by: 97) {
      let error = #expect(throws: TrainingError.self) {
        try Checkpoint.decode(data.prefix(length), name: "run.ckpt")
      }
      #expect(error?.kind == .data)
    }
  }

  @Test func checkpointsWithoutAFinalCostStillLoad() throws {
    var object = try Self.checkpointObject(.adam)
    object["finalCost"] = nil
    let checkpoint = try Checkpoint.decode(
      try JSONSerialization.data(withJSONObject: object), name: "run.ckpt")
    #expect(checkpoint.finalCost == nil)
  }
}

/// Random damage to a valid checkpoint is refused or, if it still loads, resumes without a crash.
@Suite struct CheckpointDamageTests {
  @Test(arguments: [OptimizerKind.adam, .amsgrad, .momentum, .rmsprop])
  func randomDamageIsRefusedOrResumesCleanly(_ kind: OptimizerKind) throws {
    var generator = TestRandom(seed: 5)
    var c = TrainingConfiguration(optimizer: .init(kind: kind), learningRate: 0.01)
    c.batchSize = 16
    let trainer = try Trainer(configuration: c, data: CheckpointValidationTests.moons)
    try trainer.runEpoch()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let base = Array(try encoder.encode(trainer.checkpoint))
    let alphabet = Array("0123456789-.e,[]{}\":_ ".utf8)
    for _ in 0..<300 {
      var bytes = base
      for _ in 0..<Int.random(in: 1...2, using: &generator) {
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        if Bool.random(using: &generator) {
          bytes[at] = alphabet.randomElement(using: &generator)!
        } else {
          bytes.remove(at: at)
        }
      }
      do {
        let checkpoint = try Checkpoint.decode(Data(bytes), name: "run.ckpt")
        guard
          let resumed = try? Trainer(
            resuming: checkpoint, configuration: c, data: CheckpointValidationTests.moons,
            path: "run.ckpt")
        else { continue }
        _ = try? resumed.runEpoch()
      } catch {
        #expect(error.kind == .data)
        #expect(!error.message.contains("\n"))
      }
    }
  }
}
