import EWATestSupport
import Foundation
import Testing

/// Windows (`--terminal x11|qt|wxt`) are offered only where they mean something: by `plot smooth`
/// and `plot history`, which draw live with `--follow`; the subcommands that draw once neither
/// list nor take them.
@Suite struct TerminalOfferTests {
  static let still = ["trajectory", "boundary", "schedule"]
  static let live = ["smooth", "history"]

  @Test(arguments: still)
  func aStillSubcommandNeitherListsNorTakesAWindow(_ name: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let help = try EWABinary.run(["plot", name, "--help"], in: folder.url)
    #expect(help.status == 0)
    for window in ["x11", "qt", "wxt", "--follow"] {
      #expect(!help.text.contains(window), "plot \(name) --help offers \(window)")
    }
    for window in ["x11", "qt", "wxt"] {
      let run = try EWABinary.run(["plot", name, "--terminal", window], in: folder.url)
      #expect(run.status == 64)
      #expect(run.stderr.contains("expected dumb, png, svg or pdf"), "\(run.stderr)")
    }
  }

  @Test(arguments: live)
  func aLiveSubcommandOffersWindowsWithFollow(_ name: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let help = try EWABinary.run(["plot", name, "--help"], in: folder.url)
    #expect(help.status == 0)
    // Help lines wrap: compare with the words joined by single spaces.
    let words = help.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("With --follow, x11, qt or wxt draws in a window"))
  }
}
