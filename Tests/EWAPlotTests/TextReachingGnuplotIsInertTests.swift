import Foundation
import Testing

/// Issue 8, class 1: text reaching gnuplot is inert. Every hostile string of ``HostileText``
/// goes through every figure kind and every source of text (CSV headers, the time column,
/// history run names from file names and column prefixes, class labels, input and output file
/// names, `--title`), each drawn by the real gnuplot as PNG and on the dumb terminal, and saved
/// as a script that is redrawn with `gnuplot`: no `pwned-*` file appears, every run succeeds
/// (or refuses a file name it cannot carry with 64), and the dumb terminal prints the text as
/// shown.
@Suite(.enabled(if: EWABinary.gnuplotIsAvailable, "gnuplot is not on PATH"))
struct TextReachingGnuplotIsInertTests {
  static let indices = Array(HostileText.corpus(in: URL(fileURLWithPath: "/")).indices)

  /// A fresh directory and the corpus entry `index` aimed at it.
  func setUp(_ index: Int) throws -> (URL, HostileText) {
    let directory = try EWABinary.temporaryDirectory()
    return (directory, HostileText.corpus(in: directory)[index])
  }

  /// `text` as a gnuplot single-quoted literal, spelled out here independently of the code.
  func literal(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  func write(_ text: String, to name: String, in directory: URL) throws {
    try Data(text.utf8).write(to: directory.appendingPathComponent(name))
  }

  /// Draws `arguments` as a PNG, on the dumb terminal and as a saved script redrawn by gnuplot;
  /// expects success each time, `shown` on the dumb terminal (where the layout leaves it
  /// readable: titles and legend entries), `inScript` as a literal in the saved script, and no
  /// `pwned-*` file.
  func expectInert(
    _ arguments: [String], shown: String?, inScript: String? = nil, in directory: URL,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let png = try EWABinary.run(arguments + ["-o", "out.png"], in: directory)
    #expect(png.status == 0, "\(png.stderr)", sourceLocation: sourceLocation)
    let image = try? Data(contentsOf: directory.appendingPathComponent("out.png"))
    #expect(image?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true, sourceLocation: sourceLocation)
    let dumb = try EWABinary.run(
      arguments + ["--terminal", "dumb", "--size", "1000,60"], in: directory)
    #expect(dumb.status == 0, "\(dumb.stderr)", sourceLocation: sourceLocation)
    if let shown {
      #expect(dumb.text.contains(shown), "not shown literally", sourceLocation: sourceLocation)
    }
    let script = try EWABinary.run(arguments + ["-o", "saved.gp"], in: directory)
    #expect(script.status == 0, "\(script.stderr)", sourceLocation: sourceLocation)
    let saved = try String(
      contentsOf: directory.appendingPathComponent("saved.gp"), encoding: .utf8)
    if let inScript { #expect(saved.contains(inScript), sourceLocation: sourceLocation) }
    #expect(try RenderingTests.gnuplot(saved, in: directory) == 0, sourceLocation: sourceLocation)
    #expect(
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("saved.png").path),
      sourceLocation: sourceLocation)
    #expect(HostileText.pwned(in: directory) == [], sourceLocation: sourceLocation)
  }

  @Test(arguments: indices)
  func smoothColumnHeaderAndTimeColumnName(index: Int) throws {
    let (directory, entry) = try setUp(index)
    let field = HostileText.csvField(entry.text)
    try write("t,\(field)\n1,1\n2,3\n3,2\n", to: "value.csv", in: directory)
    try expectInert(
      ["plot", "smooth", "value.csv", "--column", "2", "--beta", "0.5"], shown: entry.shown,
      in: directory)
    try write("\(field),v\n1,1\n2,3\n3,2\n", to: "time.csv", in: directory)
    // The x label is also looked for in the script, where it is a literal.
    try expectInert(
      ["plot", "smooth", "time.csv", "--column", "v", "--time", "1"], shown: entry.shown,
      inScript: entry.shown.map { "set xlabel \(literal($0)) noenhanced\n" },
      in: directory)
  }

  @Test(arguments: indices)
  func smoothTitleAndInputFileName(index: Int) throws {
    let (directory, entry) = try setUp(index)
    try write("v\n1\n3\n2\n", to: "plain.csv", in: directory)
    try expectInert(
      ["plot", "smooth", "plain.csv", "--column", "v", "--title", entry.text], shown: entry.shown,
      in: directory)
    // Markup asked for is applied on images, yet still a literal: nothing runs.
    try expectInert(
      ["plot", "smooth", "plain.csv", "--column", "v", "--title-markup", entry.text],
      shown: entry.shown, in: directory)
    guard entry.isFileName else { return }
    try write("v\n1\n3\n2\n", to: entry.text + ".csv", in: directory)
    try expectInert(
      ["plot", "smooth", entry.text + ".csv", "--column", "v"], shown: nil, in: directory)
  }

  @Test(arguments: indices)
  func historyRunNamesFromFileNamesAndColumnPrefixes(index: Int) throws {
    let (directory, entry) = try setUp(index)
    let prefix = HostileText.csvField(entry.text + "_cost")
    try write(
      "epoch,\(HostileText.csvField(entry.text + "_lr")),\(prefix)\n1,0.1,0.9\n2,0.1,0.5\n",
      to: "compared.csv", in: directory)
    try write(
      "step,epoch,\(prefix)\n1,1,0.95\n2,1,0.85\n3,2,0.6\n4,2,0.4\n", to: "compared-batches.csv",
      in: directory)
    try expectInert(
      ["plot", "history", "compared.csv", "--title", entry.text], shown: entry.shown,
      in: directory)
    guard entry.isFileName else { return }
    try write("epoch,step,cost\n1,2,0.9\n2,4,0.5\n", to: entry.text + ".csv", in: directory)
    try expectInert(["plot", "history", entry.text + ".csv"], shown: entry.shown, in: directory)
  }

  @Test(arguments: indices)
  func trajectoryAndScheduleTitles(index: Int) throws {
    let (directory, entry) = try setUp(index)
    try expectInert(
      ["plot", "trajectory", "--function", "bowl", "--steps", "5", "--title", entry.text],
      shown: entry.shown, in: directory)
    try expectInert(
      ["plot", "schedule", "--epochs", "10", "--title", entry.text], shown: entry.shown,
      in: directory)
  }

  @Test(arguments: indices)
  func boundaryClassLabelsAndFileNames(index: Int) throws {
    let (directory, entry) = try setUp(index)
    let label = HostileText.csvField(entry.text)
    try write(
      "a,b,y\n0,0,\(label)\n1,1,other\n0,1,\(label)\n1,0,other\n", to: "d.csv", in: directory)
    let model = entry.isFileName ? entry.text + ".json" : "m.json"
    let trained = try EWABinary.run(
      [
        "train", "--dataset", "d.csv", "--label", "y", "--epochs", "1", "--batch-size", "2",
        "--save", model,
      ], in: directory)
    guard trained.status == 0 else {
      // The dataset reader's own refusal (a label with a line break), not gnuplot's concern.
      #expect(trained.status == 65, "\(trained.stderr)")
      return
    }
    // Regions cover the dumb terminal's legend: look for the labels in the script (but the
    // dataset reader keeps a quoted label's doubled quotes `""` as two, so skip those).
    let shown = entry.text.contains("\"") ? nil : entry.shown
    try expectInert(
      ["plot", "boundary", model, "--dataset", "d.csv", "--label", "y"], shown: nil,
      inScript: shown.map { "title \(literal("class " + $0)) noenhanced" }, in: directory)
  }

  @Test(arguments: indices)
  func outputFileNames(index: Int) throws {
    let (directory, entry) = try setUp(index)
    guard entry.isFileName else { return }
    let hidden =
      entry.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
      || entry.text.contains("\u{FEFF}")
    for ext in ["png", "gp"] {
      let result = try EWABinary.run(
        ["plot", "schedule", "--epochs", "10", "-o", entry.text + "." + ext], in: directory)
      if hidden {
        // A name the script cannot carry exactly is refused, and nothing is written.
        #expect(result.status == 64)
        #expect(result.stderr.contains("a control or invisible character"))
        #expect(
          !FileManager.default.fileExists(
            atPath: directory.appendingPathComponent(entry.text + "." + ext).path))
      } else {
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
          FileManager.default.fileExists(
            atPath: directory.appendingPathComponent(entry.text + "." + ext).path))
      }
    }
    if !hidden {
      // The saved script names its image exactly and draws it.
      let script = try String(
        contentsOf: directory.appendingPathComponent(entry.text + ".gp"), encoding: .utf8)
      #expect(try RenderingTests.gnuplot(script, in: directory) == 0)
    }
    #expect(HostileText.pwned(in: directory) == [])
  }
}
