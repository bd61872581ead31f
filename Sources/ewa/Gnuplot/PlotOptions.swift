import ArgumentParser
import EWA
import EWAPlot

/// The options every `ewa plot` subcommand shares: where the figure goes and how it looks.
struct PlotOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "The file to write: .png, .svg or .pdf renders the image with gnuplot; .gp writes only the self-contained script.",
      valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "dumb draws the chart as text on standard output; with --output FILE.gp, the terminal the script draws on (png, svg, pdf or dumb; default png).",
      valueName: "terminal"))
  var terminal: TerminalChoice?

  @Option(help: "The title above the chart.")
  var title: String?

  @Option(
    help: ArgumentHelp(
      "The canvas size W,H: pixels for images (default 1200,700), characters for --terminal dumb (default 100,30).",
      valueName: "W,H"))
  var size: CanvasSizeArgument?

  @Option(
    help: ArgumentHelp("Draw these axes on a logarithmic scale: x, y or xy.", valueName: "axes"))
  var logscale: LogScaleChoice?

  /// A terminal named on the command line.
  enum TerminalChoice: String, CaseIterable, ExpressibleByArgument {
    case dumb, png, svg, pdf
  }

  /// Axes named by `--logscale`.
  enum LogScaleChoice: String, CaseIterable, ExpressibleByArgument {
    case x, y, xy
    var axes: Set<Figure.Axis> {
      switch self {
      case .x: [.x]
      case .y: [.y]
      case .xy: [.x, .y]
      }
    }
  }

  /// `W,H` (or `WxH`), two positive integers.
  struct CanvasSizeArgument: ExpressibleByArgument {
    let width: Int
    let height: Int
    init?(argument: String) {
      let parts = argument.split(whereSeparator: { $0 == "," || $0 == "x" })
      guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
        (1...20_000).contains(width), (1...20_000).contains(height)
      else { return nil }
      self.width = width
      self.height = height
    }
  }

  /// The output file's extension, lowercased, or `nil` without `--output`.
  private var outputExtension: String? {
    guard let output, let dot = output.lastIndex(of: "."),
      !output[dot...].contains("/")
    else { return output == nil ? nil : "" }
    return output[output.index(after: dot)...].lowercased()
  }

  func validate() throws {
    switch (outputExtension, terminal) {
    case (nil, nil):
      throw ValidationError(
        "Say where the figure goes: --output FILE.png, .svg, .pdf or .gp, or --terminal dumb.")
    case (nil, .some(let choice)) where choice != .dumb:
      throw ValidationError(
        "--terminal \(choice.rawValue) needs --output FILE.\(choice.rawValue) (or FILE.gp for the script only)."
      )
    case (.some(let ext), _) where ext != "gp" && Terminal(fileExtension: ext) == nil:
      throw ValidationError(
        "The output file \(MessageText.quoted(output ?? "")) must end in .png, .svg, .pdf or .gp.")
    case (.some(let ext), .some(let choice)) where ext != "gp" && ext != choice.rawValue:
      throw ValidationError(
        "--terminal \(choice.rawValue) conflicts with --output \(MessageText.quoted(output ?? "")); the extension already chooses the terminal."
      )
    default:
      break
    }
  }

  /// Where the figure goes; `name` names the script written when gnuplot is missing in dumb mode.
  func target(name: String) -> PlotTarget {
    let dumb = Terminal.dumb(
      columns: size?.width ?? 100, rows: size?.height ?? 30)
    guard let output, let ext = outputExtension else {
      return .dumb(terminal: dumb, fallbackName: name)
    }
    if ext == "gp" {
      let terminal: Terminal =
        switch terminal {
        case .dumb: dumb
        case .png, nil: .png
        case .svg: .svg
        case .pdf: .pdf
        }
      return .script(path: output, terminal: terminal)
    }
    return .image(path: output, terminal: Terminal(fileExtension: ext) ?? .png)
  }

  /// The files the figure is written to: `--output`, and the script written instead when gnuplot
  /// is missing (beside the image, or `<name>.gp` for the dumb terminal).
  func outputRoles(name: String) -> [PathConflict.Role] {
    let fallback: String?
    switch target(name: name) {
    case .script: fallback = nil
    case .image(let path, _):
      fallback = GnuplotRunner.directory(of: path) + GnuplotRunner.stem(of: path) + ".gp"
    case .dumb(_, let fallbackName): fallback = fallbackName + ".gp"
    }
    let missing = GnuplotRunner.locate() == nil
    return FileRoles.output("--output", output)
      + FileRoles.output("the script written without gnuplot", missing ? fallback : nil)
  }

  /// The figure with the user's title, pixel size and log scale applied.
  func apply(to figure: Figure) -> Figure {
    var figure = figure
    if let title { figure.title = title }
    if let logscale { figure.logScale = logscale.axes }
    if let size, terminal != .dumb {
      figure.size = Figure.CanvasSize(width: size.width, height: size.height)
    }
    return figure
  }

  /// Draws `figure` (with the user's settings applied) where the options say.
  func draw(_ figure: Figure, name: String, comment: String) throws {
    try GnuplotRunner.draw(apply(to: figure), to: target(name: name), comment: comment)
  }
}
