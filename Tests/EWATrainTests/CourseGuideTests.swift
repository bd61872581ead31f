import EWATestSupport
import Foundation
import Testing

/// Every command of Guides/Course.md runs and prints what the guide shows, so the guide cannot go
/// stale (the format of the examples: ``ConsoleExample``; the word `*` stands for wall times).
@Suite("Guides/Course.md: every command prints what the guide shows")
struct CourseGuideTests {
  static let examples = ConsoleExample.parse(
    (try? String(contentsOf: PackagePaths.file("Guides/Course.md"), encoding: .utf8)) ?? "")

  @Test func theGuideHasExamples() {
    #expect(Self.examples.count >= 10)
  }

  @Test(arguments: examples)
  func printsWhatTheGuideShows(_ example: ConsoleExample) throws {
    let folder = try ExampleFolder(linking: ["data", "Guides"])
    defer { folder.remove() }
    let lines = try example.run(in: folder)
    #expect(
      ConsoleExample.matches(lines, example.expected),
      "\(example):\n\(lines.joined(separator: "\n"))")
  }

  @Test func aWildcardMatchesOneWordAndDotsAnyLines() {
    #expect(ConsoleExample.matchesLine("gd  0.32  1.467", "gd 0.32 *"))
    #expect(!ConsoleExample.matchesLine("gd 0.33 1.467", "gd 0.32 *"))
    #expect(!ConsoleExample.matchesLine("gd 0.32", "gd 0.32 *"))
    #expect(ConsoleExample.matchesLine(#"{"a":1,"seconds":0.21,"b":2}"#, #"{"a":1,"seconds":*,"b":2}"#))
    #expect(!ConsoleExample.matchesLine(#"{"a":2,"seconds":0.21}"#, #"{"a":1,"seconds":*}"#))
    #expect(ConsoleExample.matches(["a", "b", "c", "d"], ["a", "...", "d"]))
    #expect(ConsoleExample.matches(["a", "d"], ["a", "...", "d"]))
    #expect(!ConsoleExample.matches(["a", "b", "c"], ["a", "...", "d"]))
  }
}
