import EWATestSupport
import Foundation
import Testing

/// The shell commands README.md and plots/README.md show under the gallery's images, run as a
/// reader would (from a folder holding `data/`, with `ewa` on `PATH`), draw byte for byte the
/// PNG committed in plots/. Rendering needs gnuplot; without it the suite is skipped.
@Suite(.enabled(if: EWABinary.gnuplotIsAvailable, "gnuplot is not on PATH: nothing is drawn"))
struct DocumentedCommandsTests {
  /// One ```` ```sh ```` block of a README: its commands, with `\` line continuations joined.
  struct Block: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var script: String
    var testDescription: String { "\(file) line \(line)" }

    /// The gallery images `script` writes (`-o plots/NAME.png`).
    static func outputs(in script: String) -> [String] {
      let words = script.split(whereSeparator: \.isWhitespace).map(String.init)
      return zip(words, words.dropFirst()).compactMap { flag, value in
        flag == "-o" && value.hasPrefix("plots/") && value.hasSuffix(".png") ? value : nil
      }
    }
  }

  /// Every `sh` block of `file` (relative to the package root) that writes a gallery image.
  static func blocks(in file: String) -> [Block] {
    let url = EWABinary.packageRoot.appendingPathComponent(file)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    var blocks: [Block] = []
    var current: (line: Int, lines: [String])?
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if current == nil, line == "```sh" {
        current = (number + 2, [])
      } else if let open = current, line == "```" {
        let script = open.lines.joined(separator: "\n")
          .replacingOccurrences(of: "\\\n", with: "")
        if !Block.outputs(in: script).isEmpty {
          blocks.append(Block(file: file, line: open.line, script: script))
        }
        current = nil
      } else if current != nil {
        current!.lines.append(String(line))
      }
    }
    return blocks
  }

  static let documented = blocks(in: "README.md") + blocks(in: "plots/README.md")

  /// Runs `script` with `sh -e` in a scratch folder holding a link to `data/` (the shipped
  /// data) and an empty `plots/`, with the built `ewa` first on `PATH`; returns the folder and
  /// the run.
  static func run(_ script: String) throws -> (ExampleFolder, ProcessRun.Result) {
    let folder = try ExampleFolder(linking: ["data"])
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("plots"), withIntermediateDirectories: false)
    return (folder, try folder.run(script, stoppingAtAFailure: true))
  }

  /// The course's figures that only `ewa demo` draws: their commands give the same runs'
  /// numbers, but no command draws the image (run names across files, a clipped y axis, a
  /// measured clock, β per run on one surface).
  static let drawnByTheDemoOnly = ["batch-size-iterations", "batch-size-seconds", "momentum-beta"]

  @Test func bothReadmesShowCommandsForGalleryImages() {
    #expect(Self.blocks(in: "README.md").count >= 3)
    let drawn = Set(Self.blocks(in: "plots/README.md").flatMap { Block.outputs(in: $0.script) })
    #expect(
      drawn
        == Set(
          DemoTests.names.filter { !Self.drawnByTheDemoOnly.contains($0) }.map {
            "plots/\($0).png"
          }))
  }

  /// The byte comparison below means something only if gnuplot draws the same bytes twice.
  @Test func drawingTheSameFigureTwiceGivesTheSameBytes() throws {
    let command =
      "ewa plot schedule --decay step,staircase --epochs 30 --lr 0.1 --decay-interval 10"
    let (one, first) = try Self.run(command + " -o plots/one.png")
    defer { one.remove() }
    let (two, second) = try Self.run(command + " -o plots/one.png")
    defer { two.remove() }
    #expect(first.status == 0 && second.status == 0)
    let a = try Data(contentsOf: one.url.appendingPathComponent("plots/one.png"))
    let b = try Data(contentsOf: two.url.appendingPathComponent("plots/one.png"))
    #expect(!a.isEmpty && a == b)
  }

  @Test(arguments: documented)
  func aDocumentedCommandDrawsTheCommittedImage(_ block: Block) throws {
    let (directory, result) = try Self.run(block.script)
    defer { directory.remove() }
    #expect(result.status == 0, "\(block.testDescription) failed: \(result.stderrText)")
    for image in Block.outputs(in: block.script) {
      let drawn = try? Data(contentsOf: directory.url.appendingPathComponent(image))
      let committed = try? Data(
        contentsOf: EWABinary.packageRoot.appendingPathComponent(image))
      #expect(committed != nil, "\(image) is not committed")
      #expect(
        drawn != nil && drawn == committed,
        "\(block.testDescription): \(image) differs from the committed file (\(drawn?.count ?? 0) bytes drawn, \(committed?.count ?? 0) committed); regenerate with `swift run ewa demo` or fix the command"
      )
    }
  }
}
