import Foundation

/// The shell examples of a Markdown document (the README, a guide), so that a test can run each
/// one and check that it prints what the document shows.
///
/// An example block is a fenced block of kind `console`, or a plain fence whose first line starts
/// with `$ `. In it, a line `$ COMMAND` is a command (a continuation line after a trailing `\` is
/// part of it); the lines after it, up to the next command or the end of the block, are what it
/// prints on standard output (and standard error, where the command says `2>&1`). Lines are compared word by word (runs of spaces are one
/// separator, so a table may realign); the word `*` matches any one word (a wall time), and a line
/// `...` matches any number of lines.
public struct ConsoleExample: CustomStringConvertible, Sendable {
  /// The command as the document shows it, after `$ `.
  public let command: String
  /// The lines shown after it.
  public let expected: [String]
  /// The 1-based line of the command in the document.
  public let line: Int
  /// The 0-based index of its block: commands of one block share a folder, in order.
  public let block: Int

  public var description: String { "line \(line): \(command)" }

  /// The examples of `markdown`, in order.
  public static func parse(_ markdown: String) -> [ConsoleExample] {
    var examples: [ConsoleExample] = []
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    var block = -1
    var current: (command: String, line: Int)?
    var output: [String] = []
    func close() {
      if let current {
        examples.append(
          ConsoleExample(
            command: current.command, expected: output, line: current.line, block: block))
      }
      current = nil
      output = []
    }
    while index < lines.count {
      let line = lines[index]
      let opens =
        line == "```console"
        || (line == "```" && index + 1 < lines.count && lines[index + 1].hasPrefix("$ "))
      guard opens else {
        index += 1
        continue
      }
      block += 1
      index += 1
      while index < lines.count, lines[index] != "```" {
        var text = lines[index]
        if text.hasPrefix("$ ") {
          close()
          let start = index + 1
          var command = String(text.dropFirst(2))
          while command.hasSuffix("\\"), index + 1 < lines.count {
            index += 1
            command = String(command.dropLast()) + " "
              + lines[index].trimmingCharacters(in: .whitespaces)
          }
          current = (command, start)
          text = ""
        } else if current != nil {
          output.append(text)
        }
        index += 1
      }
      close()
      index += 1
    }
    return examples
  }

  /// Whether `actual`, the lines a command printed, are what `expected` shows.
  public static func matches(_ actual: [String], _ expected: [String]) -> Bool {
    if expected.isEmpty { return actual.isEmpty }
    if expected[0] == "..." {
      let rest = Array(expected.dropFirst())
      return (0...actual.count).contains { matches(Array(actual.dropFirst($0)), rest) }
    }
    guard let first = actual.first, matchesLine(first, expected[0]) else { return false }
    return matches(Array(actual.dropFirst()), Array(expected.dropFirst()))
  }

  /// Whether one line is the line shown, word by word, a `*` in a word matching any run of
  /// characters but spaces (`*` alone any one word, `"seconds":*,` any number there).
  public static func matchesLine(_ actual: String, _ expected: String) -> Bool {
    let (a, e) = (actual.split(separator: " "), expected.split(separator: " "))
    return a.count == e.count && zip(a, e).allSatisfy { matchesWord(Substring($0), $1) }
  }

  private static func matchesWord(_ actual: Substring, _ expected: Substring) -> Bool {
    let pieces = expected.split(separator: "*", omittingEmptySubsequences: false)
    guard pieces.count > 1 else { return actual == expected }
    guard actual.hasPrefix(pieces[0]), actual.hasSuffix(pieces[pieces.count - 1]),
      actual.count >= pieces[0].count + pieces[pieces.count - 1].count
    else { return false }
    var rest = actual.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count)
    for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
      guard let found = rest.range(of: piece) else { return false }
      rest = rest[found.upperBound...]
    }
    return true
  }

  /// Runs the command with `/bin/sh -c` in `folder` (``ExampleFolder/run(_:stoppingAtAFailure:timeout:)``)
  /// and returns the lines it printed on standard output.
  public func run(in folder: ExampleFolder) throws -> [String] {
    let result = try folder.run(command)
    var lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
