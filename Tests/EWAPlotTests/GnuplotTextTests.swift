import EWA
import EWAIO
import EWATestSupport
import Foundation
import Testing

@testable import EWAPlot

/// The one escaping function for text in scripts, on the hostile corpus: the literal holds no
/// line break or hidden character, reads back as the text, and the real gnuplot prints it as is
/// and runs nothing.
@Suite struct GnuplotTextTests {
  /// The text inside a single-quoted literal, as gnuplot reads it: `''` is one quote.
  func unquoted(_ literal: String) throws -> String {
    #expect(literal.hasPrefix("'") && literal.hasSuffix("'") && literal.count >= 2)
    let inside = String(literal.dropFirst().dropLast())
    // A lone quote inside would end the string early.
    #expect(!inside.replacingOccurrences(of: "''", with: "").contains("'"))
    return inside.replacingOccurrences(of: "''", with: "'")
  }

  @Test func literalsAreOneLineAndReadBackAsShown() throws {
    for entry in HostileText.corpus(in: URL(fileURLWithPath: "/nowhere")) {
      let literal = GnuplotText.quoted(entry.text)
      #expect(!literal.unicodeScalars.contains(where: MessageText.isHidden), "\(entry.name)")
      let back = try unquoted(literal)
      if let shown = entry.shown { #expect(back == shown, "\(entry.name)") }
      let comment = GnuplotText.comment(entry.text)
      #expect(comment.hasPrefix("# ") && !comment.hasSuffix("\\"), "\(entry.name)")
      #expect(!comment.unicodeScalars.contains(where: MessageText.isHidden), "\(entry.name)")
    }
    #expect(GnuplotText.quoted("it's") == "'it''s'")
    #expect(GnuplotText.quoted("") == "''")
    #expect(GnuplotText.quoted("a\u{0}b") == #"'a\u{0}b'"#)
    #expect(GnuplotText.comment("a \\") == "# a \\ ")
  }

  @Test func labelsAndCommentsAreCutPathsAreNot() throws {
    let long = String(repeating: "'", count: 5000)
    let label = try unquoted(GnuplotText.label(long))
    #expect(label == String(repeating: "'", count: GnuplotText.displayLimit) + "…")
    #expect(GnuplotText.comment(long).count == 2 + GnuplotText.displayLimit + 1)
    #expect(try unquoted(GnuplotText.quoted(long)) == long)
    #expect(GnuplotText.label("short") == "'short'")
  }

  @Test func pathsWithHiddenCharactersAreRefused() throws {
    for path in ["a\nb.png", "a\rb.png", "a\tb.png", "\u{FEFF}a.png", "a\u{202E}gnp.exe"] {
      #expect(GnuplotText.unsupportedCharacter(in: path) != nil, "\(path)")
      #expect(throws: PlotError.self) { try GnuplotText.checkPath(path, role: "the output file") }
    }
    for path in ["it's \"a\" `b` \\c @d {e}^f.png", "données/été.png", "x;y.png"] {
      #expect(GnuplotText.unsupportedCharacter(in: path) == nil, "\(path)")
      // Such a path is written exactly.
      #expect((try? unquoted(GnuplotText.quoted(path))) == path)
    }
    do {
      try GnuplotText.checkPath("a\nb.png", role: "the output file")
    } catch {
      #expect(error.kind == .usage)
      #expect(error.message.hasPrefix(#"the output file "a\nb.png" contains "\n""#))
    }
  }

  @Test(.enabled(if: EWABinary.gnuplotIsAvailable, "gnuplot is not on PATH"))
  func gnuplotPrintsEveryLiteralAsShownAndRunsNothing() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let corpus = HostileText.corpus(in: directory)
    var script = "set print '-'\n"
    for entry in corpus {
      script += GnuplotText.comment(entry.text) + "\n"
      script += "print \(GnuplotText.quoted(entry.text))\n"
    }
    script += "print 'end'\n"
    let file = directory.appendingPathComponent("corpus.gp")
    try script.write(to: file, atomically: true, encoding: .utf8)
    let run = try ProcessRun(
      ["gnuplot", file.path], executable: URL(fileURLWithPath: "/usr/bin/env"), in: directory,
      input: .pipe(Data()), output: .capturedThroughPipe, error: .null
    ).run()
    #expect(run.status == 0)
    let lines = run.stdoutText.split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    // One line per string (no comment swallowed a command, no literal ended early), in order.
    #expect(lines.count == corpus.count + 2)
    for (entry, line) in zip(corpus, lines) {
      if let shown = entry.shown { #expect(line == shown, "\(entry.name)") }
    }
    #expect(lines.dropLast().last == "end")
    #expect(HostileText.pwned(in: directory) == [])
  }
}
