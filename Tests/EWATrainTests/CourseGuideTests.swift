import EWATestSupport
import Foundation
import Testing

/// Every command of Guides/Course.md runs and prints what the guide shows, so the guide cannot go
/// stale.
///
/// The guide marks them in fenced blocks of kind `console`: a line `$ ewa ARGS` is a command (its
/// arguments split at spaces, no shell), and the lines after it, up to the next command or the end
/// of the block, are its standard output; a command ending in ` 2>&1` shows its standard error
/// followed by its standard output. Lines are compared word by word (runs of spaces are one
/// separator, so a table may realign), and the word `*` in the guide matches any one word: it
/// stands for the wall times, which differ from run to run.
@Suite("Guides/Course.md: every command prints what the guide shows")
struct CourseGuideTests {
  struct Example: CustomStringConvertible, Sendable {
    let arguments: [String]
    let mergesErrors: Bool
    let expected: [String]
    let line: Int
    var description: String { "line \(line): ewa \(arguments.joined(separator: " "))" }
  }

  /// The examples of `text`, in order.
  static func examples(in text: String) -> [Example] {
    var examples: [Example] = []
    var inBlock = false
    var current: (arguments: [String], merges: Bool, line: Int)?
    var output: [String] = []
    func close() {
      if let c = current {
        examples.append(
          Example(arguments: c.arguments, mergesErrors: c.merges, expected: output, line: c.line))
      }
      current = nil
      output = []
    }
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      if !inBlock {
        inBlock = line == "```console"
        continue
      }
      if line == "```" {
        close()
        inBlock = false
      } else if line.hasPrefix("$ ewa ") {
        close()
        var command = String(line.dropFirst("$ ewa ".count))
        let merges = command.hasSuffix(" 2>&1")
        if merges { command = String(command.dropLast(5)) }
        current = (command.split(separator: " ").map(String.init), merges, index + 1)
      } else if current != nil {
        output.append(String(line))
      }
    }
    return examples
  }

  static let guide: String = {
    (try? String(
      contentsOf: packageRoot.appendingPathComponent("Guides/Course.md"), encoding: .utf8))
      ?? ""
  }()

  /// Whether `actual` is `expected` word by word, `*` matching any word.
  static func matches(_ actual: String, _ expected: String) -> Bool {
    let (a, e) = (actual.split(separator: " "), expected.split(separator: " "))
    return a.count == e.count && zip(a, e).allSatisfy { $1 == "*" || $0 == $1 }
  }

  @Test func theGuideHasExamples() {
    #expect(Self.examples(in: Self.guide).count >= 10)
  }

  @Test(arguments: examples(in: guide))
  func printsWhatTheGuideShows(_ example: Example) throws {
    let run = try ProcessRun(
      example.arguments, in: packageRoot, output: .capturedThroughPipe,
      error: .capturedThroughPipe
    ).run()
    var text = run.stdoutText
    if example.mergesErrors { text = run.stderrText + text }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    #expect(lines.count == example.expected.count, "\(example): \(text)")
    for (actual, expected) in zip(lines, example.expected) {
      #expect(Self.matches(actual, expected), "\(example): \(actual) ≠ \(expected)")
    }
  }

  @Test func aWildcardMatchesOneWordOnly() {
    #expect(Self.matches("gd  0.32  1.467", "gd 0.32 *"))
    #expect(!Self.matches("gd 0.33 1.467", "gd 0.32 *"))
    #expect(!Self.matches("gd 0.32", "gd 0.32 *"))
  }
}
