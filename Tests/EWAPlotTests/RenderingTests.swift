import EWAIO
import EWAPlot
import EWATestSupport
import Foundation
import Testing

/// Rendering through the real gnuplot; these run only where it is installed (CI installs
/// `gnuplot-nox`).
@Suite(.enabled(if: EWABinary.gnuplotIsAvailable, "gnuplot is not on PATH"))
struct RenderingTests {
  /// A rendered file's expected first bytes and smallest plausible size for a 1200 × 700 chart.
  static let formats: [(terminal: Terminal, magic: [UInt8], minimumSize: Int)] = [
    (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 10_000),
    (.svg, Array("<?xml".utf8), 5_000),
    (.pdf, Array("%PDF-".utf8), 4_000),
  ]

  /// Runs gnuplot on `script` in `directory` and returns its exit status.
  static func gnuplot(_ script: String, in directory: URL) throws -> Int32 {
    try ProcessRun(
      ["gnuplot"], executable: URL(fileURLWithPath: "/usr/bin/env"), in: directory,
      input: .pipe(Data(script.utf8)), output: .null, error: .null
    ).run().status
  }

  @Test(arguments: SampleFigures.all.map(\.name), [0, 1, 2])
  func everyFigureRendersInEveryFormat(name: String, format: Int) throws {
    let figure = try #require(SampleFigures.all.first { $0.name == name }).figure
    let (terminal, magic, minimumSize) = Self.formats[format]
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let file = "\(name).\(terminal.fileExtension!)"
    let script = GnuplotScript.render(figure, terminal: terminal, output: file)
    #expect(try Self.gnuplot(script, in: directory) == 0)
    let data = try Data(contentsOf: directory.appendingPathComponent(file))
    #expect(Array(data.prefix(magic.count)) == magic, "\(file) does not start as a \(terminal)")
    #expect(data.count >= minimumSize, "\(file) has only \(data.count) bytes")
  }

  @Test(arguments: [0, 1, 2])
  func theCommandRendersAtomically(format: Int) throws {
    let (terminal, magic, minimumSize) = Self.formats[format]
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let file = "temp.\(terminal.fileExtension!)"
    let result = try EWABinary.run(
      [
        "plot", "smooth", EWABinary.seattle, "--column", "temp_max", "--beta", "0.5,0.9,0.98",
        "--time", "date", "--title", "Seattle", "-o", file,
      ],
      in: directory)
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let data = try Data(contentsOf: directory.appendingPathComponent(file))
    #expect(Array(data.prefix(magic.count)) == magic)
    #expect(data.count >= minimumSize * 3)
    // Only the image: no temporary file left beside it, no script.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [file])
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func dumbTerminalDrawsTheRequestedSize(columns: Int, rows: Int) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      [
        "plot", "smooth", EWABinary.seattle, "--column", "temp_max", "--beta", "0.9",
        "--terminal", "dumb", "--size", "\(columns),\(rows)",
      ],
      in: directory)
    #expect(result.status == 0)
    // gnuplot starts the page with a form feed, then draws `rows` lines of `columns` characters.
    var text = result.text
    #expect(text.first == "\u{0C}")
    text.removeFirst()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == rows)
    #expect(lines.allSatisfy { $0.count == columns })
    #expect(text.contains("temp_max"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test func aScriptWrittenAloneRedrawsItsImage() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      [
        "plot", "smooth", EWABinary.seattle, "--column", "temp_max", "-o", "t.gp",
        "--terminal", "svg",
      ],
      in: directory)
    #expect(result.status == 0)
    let script = try String(contentsOf: directory.appendingPathComponent("t.gp"), encoding: .utf8)
    #expect(try Self.gnuplot(script, in: directory) == 0)
    let data = try Data(contentsOf: directory.appendingPathComponent("t.svg"))
    #expect(Array(data.prefix(5)) == Array("<?xml".utf8))
  }
}
