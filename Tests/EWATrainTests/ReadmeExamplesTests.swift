import EWATestSupport
import Foundation
import Testing

/// Every example of the README's usage sections (the `$ ` commands) runs in a scratch folder
/// holding only a link to `data/`, as the README tells a reader to run them, and prints what the
/// README shows (the format: ``ConsoleExample``; `*` stands for wall times, `...` for the
/// progress lines left out). The commands of one block run in order in one folder, so that one
/// may read what an earlier one wrote; nothing is written into the repository.
@Suite("README.md: every example prints what the README shows", .serialized)
struct ReadmeExamplesTests {
  static let examples = ConsoleExample.parse(
    (try? String(contentsOf: PackagePaths.file("README.md"), encoding: .utf8)) ?? "")

  @Test func theReadmeHasExamplesOfEveryCommandItDocuments() {
    // The word after each `ewa ` of the commands: the subcommands the examples run.
    let commands = Set(
      Self.examples.flatMap { example in
        example.command.components(separatedBy: "ewa ").dropFirst().compactMap {
          $0.split(separator: " ").first.map(String.init)
        }
      })
    #expect(commands.isSuperset(of: ["smooth", "state", "train", "compare", "trajectory"]))
  }

  @Test(arguments: Set(examples.map(\.block)).sorted())
  func printsWhatTheReadmeShows(block: Int) throws {
    let folder = try ExampleFolder(linking: ["data"])
    defer { folder.remove() }
    for example in Self.examples where example.block == block {
      let lines = try example.run(in: folder)
      #expect(
        ConsoleExample.matches(lines, example.expected),
        "\(example):\n\(lines.joined(separator: "\n"))")
    }
  }
}
