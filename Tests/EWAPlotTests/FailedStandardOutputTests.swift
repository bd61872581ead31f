import EWATestSupport
import Foundation
import Testing

/// Every command reports a failed write to standard output with exit 74 and one line, and stops
/// quietly (exit 0, no message) when its reader has gone, as `ewa smooth` always has.
@Suite struct FailedStandardOutputTests {
  /// One run of each command that writes to standard output, and whether it needs gnuplot.
  static let commands: [(arguments: [String], needsGnuplot: Bool)] = [
    (["smooth", "series.csv", "--beta", "0.5"], false),
    (["train", "--epochs", "2"], false),
    (["compare", "--epochs", "2", "--optimizers", "gd,adam"], false),
    (
      [
        "trajectory", "--function", "bowl", "--optimizer", "adam", "--start", "1,1", "--steps", "5",
      ],
      false
    ),
    (["plot", "schedule", "--terminal", "dumb", "--epochs", "20"], true),
    (["plot", "smooth", "series.csv", "--column", "x", "--terminal", "dumb"], true),
    (
      [
        "demo", "--epochs", "1", "--data-dir",
        EWABinary.packageRoot.appendingPathComponent("data").path,
        "--output-dir", "gallery",
      ], false
    ),
  ]

  static func folder() throws -> URL {
    let directory = try EWABinary.temporaryDirectory()
    try "x\n1\n2\n3\n".write(
      to: directory.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)
    return directory
  }

  /// The demo runs without gnuplot (faster; it still prints a line per figure).
  static func path(for arguments: [String]) -> String? {
    arguments.first == "demo" ? "/nonexistent" : nil
  }

  /// The lines of `stderr` that report a failed write.
  static func failures(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.hasPrefix("ewa: cannot write standard output") }
  }

  @Test(arguments: 0..<commands.count)
  func aFullDiskIsExit74WithOneLine(_ index: Int) throws {
    let (arguments, needsGnuplot) = Self.commands[index]
    guard !needsGnuplot || EWABinary.gnuplotIsAvailable else { return }
    let directory = try Self.folder()
    defer { TemporaryFolder.remove(directory) }
    let run = try EWABinary.run(
      arguments, in: directory, output: .file("/dev/full"), path: Self.path(for: arguments))
    #expect(run.status == 74, "\(arguments): \(run.stderr)")
    #expect(
      Self.failures(run.stderr) == ["ewa: cannot write standard output: No space left on device"],
      "\(arguments)")
    #expect(run.stderr.hasSuffix("No space left on device\n"))
  }

  @Test(arguments: 0..<commands.count)
  func aClosedStandardOutputIsExit74(_ index: Int) throws {
    let (arguments, needsGnuplot) = Self.commands[index]
    guard !needsGnuplot || EWABinary.gnuplotIsAvailable else { return }
    let directory = try Self.folder()
    defer { TemporaryFolder.remove(directory) }
    let run = try EWABinary.run(
      arguments, in: directory, output: .closed, path: Self.path(for: arguments))
    #expect(run.status == 74, "\(arguments): \(run.stderr)")
    #expect(
      Self.failures(run.stderr) == ["ewa: cannot write standard output: it is closed"],
      "\(arguments)")
  }

  @Test(arguments: 0..<commands.count)
  func aReaderThatLeftEndsTheCommandQuietly(_ index: Int) throws {
    let (arguments, needsGnuplot) = Self.commands[index]
    guard !needsGnuplot || EWABinary.gnuplotIsAvailable else { return }
    let directory = try Self.folder()
    defer { TemporaryFolder.remove(directory) }
    let run = try EWABinary.run(
      arguments, in: directory, output: .pipeWithoutReader, path: Self.path(for: arguments))
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    #expect(Self.failures(run.stderr).isEmpty)
    #expect(!run.stderr.contains("Broken pipe"))
  }

  /// The argument parser's own output (`--help`, `--version`) goes through C's stdio, checked at
  /// exit.
  @Test(arguments: [
    ["--help"], ["--version"], ["smooth", "--help"], ["plot", "history", "--help"],
  ])
  func helpAndVersionToAFullDiskAreExit74(_ arguments: [String]) throws {
    let directory = try Self.folder()
    defer { TemporaryFolder.remove(directory) }
    let full = try EWABinary.run(arguments, in: directory, output: .file("/dev/full"))
    #expect(full.status == 74, "\(arguments): \(full.stderr)")
    #expect(full.stderr == "ewa: cannot write standard output: No space left on device\n")
    let gone = try EWABinary.run(arguments, in: directory, output: .pipeWithoutReader)
    #expect(gone.status == 0)
    #expect(gone.stderr.isEmpty)
  }

  @Test(arguments: 0..<commands.count)
  func devNullSucceeds(_ index: Int) throws {
    let (arguments, needsGnuplot) = Self.commands[index]
    guard !needsGnuplot || EWABinary.gnuplotIsAvailable else { return }
    let directory = try Self.folder()
    defer { TemporaryFolder.remove(directory) }
    let run = try EWABinary.run(
      arguments, in: directory, output: .file("/dev/null"), path: Self.path(for: arguments))
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
  }
}
