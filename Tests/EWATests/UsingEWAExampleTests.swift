import EWATestSupport
import Foundation
import Testing

/// The README's "Use ewa from Swift": its snippet is `Examples/UsingEWA`'s program, character for
/// character, and that package, which depends on ewa by path, builds and prints what the README
/// says it prints.
@Suite struct UsingEWAExampleTests {
  static let example = PackagePaths.file("Examples/UsingEWA")

  /// The fenced blocks of the README's "Use ewa from Swift" section, in order.
  static func readmeBlocks() throws -> [String] {
    let readme = try String(contentsOf: PackagePaths.file("README.md"), encoding: .utf8)
    guard let start = readme.range(of: "\n## Use ewa from Swift\n") else { return [] }
    let section = readme[start.upperBound...]
    let body = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
    var blocks: [String] = []
    var current: [Substring]?
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        if let lines = current {
          blocks.append(lines.joined(separator: "\n") + "\n")
          current = nil
        } else {
          current = []
        }
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  @Test func theReadmeSnippetIsTheExamplePackagesProgram() throws {
    let program = try String(
      contentsOf: Self.example.appendingPathComponent("Sources/UsingEWA/main.swift"),
      encoding: .utf8)
    let blocks = try Self.readmeBlocks()
    #expect(blocks.count == 3, "the section holds the dependency, the program and its output")
    #expect(blocks.dropFirst().first == program)
  }

  /// Builds the example with the toolchain (slow: it compiles EWA, EWAIO and EWATrain again, a
  /// minute or two; `EWA_SKIP_EXAMPLE=1` skips it) and runs it.
  @Test(
    .enabled(if: ProcessInfo.processInfo.environment["EWA_SKIP_EXAMPLE"] != "1"),
    .timeLimit(.minutes(20)))
  func theExamplePackageBuildsAgainstEWAAndPrintsTheReadmesOutput() throws {
    let build = try ProcessRun(
      ["swift", "build", "--package-path", Self.example.path, "--product", "UsingEWA"],
      executable: URL(fileURLWithPath: "/usr/bin/env")
    ).run()
    #expect(build.status == 0, "\(build.stdoutText)\(build.stderrText)")
    let binPath = try ProcessRun(
      ["swift", "build", "--package-path", Self.example.path, "--show-bin-path"],
      executable: URL(fileURLWithPath: "/usr/bin/env")
    ).run().stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    let run = try ProcessRun(
      [], executable: URL(fileURLWithPath: binPath).appendingPathComponent("UsingEWA")
    ).run()
    #expect(run.status == 0, "\(run.stderrText)")
    #expect(run.stdoutText == (try Self.readmeBlocks().last))
  }
}
