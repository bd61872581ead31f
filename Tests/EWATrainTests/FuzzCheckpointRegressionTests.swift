import Foundation
import Testing

/// The checkpoints the libFuzzer target found crashing `--resume` (an optimizer state shorter than
/// the parameters reached the fused loops): each is now refused as data, on one line, before
/// training starts. The inputs are the fuzz target's seed corpus too.
@Suite struct FuzzCheckpointRegressionTests {
  static let directory = packageRoot.appendingPathComponent("Tests/Fuzz/corpus/checkpoint")

  static let crashes: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasPrefix("crash-") }.sorted()
  }()

  @Test func theFindingsAreAllPresent() {
    #expect(Self.crashes.count == 19)
  }

  @Test(arguments: crashes)
  func aFoundCheckpointIsRefusedAsData(_ name: String) throws {
    let path = Self.directory.appendingPathComponent(name).path
    for optimizer in ["adam", "momentum", "amsgrad"] {
      let run = try ewa(["train", "--optimizer", optimizer, "--resume", path, "--epochs", "3"])
      #expect(run.status == 65, "\(name) with \(optimizer): exit \(run.status), \(run.stderr)")
      #expect(run.stderr.hasPrefix("ewa: checkpoint "))
      #expect(run.stderr.split(separator: "\n").count == 1)
    }
  }
}
