import ArgumentParser
import EWA
import EWAGallery
import EWAIO
import EWAPlot
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ewa demo`: computes the gallery from the shipped data and draws it with gnuplot.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw the gallery: smoothing, the textbook training runs, paths, regions, schedules.",
    discussion: """
      Writes for each figure a self-contained gnuplot script (.gp) and its image (.png), and a \
      README.md listing them, into the output folder. Without gnuplot it writes the scripts, \
      warns once, and exits 0; draw them later with `cd plots && gnuplot *.gp`.
      """)

  @Option(
    help: ArgumentHelp("The folder the gallery is written to.", valueName: "dir"),
    completion: .directory)
  var outputDir = "plots"

  @Option(
    help: ArgumentHelp(
      """
      The folder holding seattle-weather.csv and digits.csv (default: the first that holds \
      them of data/ here, the installed share/ewa/data, and the source tree's data/).
      """, valueName: "dir"),
    completion: .directory)
  var dataDir: String?

  @Option(help: "The epochs of the textbook moons runs (the textbook's 5000; fewer to look fast).")
  var epochs = 5000

  func validate() throws {
    do {
      try GnuplotText.checkPath(outputDir, role: "the output folder")
    } catch {
      throw ValidationError(error.message)
    }
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs).") }
  }

  func run() throws {
    try reportingErrors {
      let clock = ContinuousClock()
      let started = clock.now
      let dataDir = try dataDir ?? GalleryData.locate(executable: Bundle.main.executablePath)
      var gallery = Gallery()
      gallery.dataDirectory = dataDir
      gallery.epochs = epochs
      gallery.digitsEpochs = min(epochs, gallery.digitsEpochs)
      try createFolder(outputDir)
      let figures = try gallery.figures()
      let folder = outputDir.hasSuffix("/") ? outputDir : outputDir + "/"
      try FileRoles.check(
        ["seattle-weather.csv", "digits.csv"].flatMap {
          FileRoles.input("the --data-dir file", dataDir + "/" + $0)
        },
        (figures.flatMap { [$0.name + ".gp", $0.name + ".png"] } + ["README.md"]).flatMap {
          FileRoles.output("the --output-dir file", folder + $0)
        })
      try StandardOutput.print(
        "computed \(figures.count) figures in \(seconds(clock.now - started))")
      let gnuplot = GnuplotRunner.locate()
      for entry in figures {
        let drawn = clock.now
        let comment = "ewa demo: \(entry.name)"
        try GnuplotRunner.draw(
          entry.figure, to: .script(path: folder + entry.name + ".gp", terminal: .png),
          comment: comment)
        var made = folder + entry.name + ".gp"
        if gnuplot != nil {
          try GnuplotRunner.draw(
            entry.figure, to: .image(path: folder + entry.name + ".png", terminal: .png),
            comment: comment)
          made += ", .png"
        }
        try StandardOutput.print("  \(made)  (\(seconds(clock.now - drawn)))")
        try StandardOutput.flush()
      }
      try AtomicFile.write(Gallery.index(of: figures), to: folder + "README.md")
      if gnuplot == nil {
        printError(
          "warning: gnuplot is not installed (not found on PATH), so only the scripts were "
            + "written; install it with `apt-get install gnuplot-nox` (Debian, Ubuntu) or "
            + "`brew install gnuplot` (macOS), then draw them with `cd \(outputDir) && gnuplot *.gp`"
        )
      }
      try StandardOutput.print(
        "made \(figures.count) figures in \(outputDir)/ in \(seconds(clock.now - started))"
          + (gnuplot == nil ? " (scripts only)" : ""))
    }
  }

  /// Creates `path` and its parents unless it is a folder already.
  ///
  /// - Throws: ``PlotError`` (I/O) with the system's reason.
  private func createFolder(_ path: String) throws(PlotError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        let reason = String(cString: strerror(errno))
        throw PlotError(
          kind: .io, message: "cannot create the folder \(MessageText.inline(path)): \(reason)")
      }
      prefix += "/"
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw PlotError(
        kind: .io,
        message: "cannot create the folder \(MessageText.inline(path)): a file of that name exists")
    }
  }

  /// A duration as seconds with two decimals, e.g. `1.23 s`.
  private func seconds(_ duration: Duration) -> String {
    let (whole, atto) = duration.components
    let hundredths = (Double(whole) + Double(atto) * 1e-18) * 100
    let rounded = Int(hundredths.rounded())
    return "\(rounded / 100).\(rounded % 100 < 10 ? "0" : "")\(rounded % 100) s"
  }
}
