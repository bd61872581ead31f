import ArgumentParser
import EWA
import EWAIO
import EWAPlot

/// The options every `ewa plot` subcommand shares: where the figure goes and how it looks;
/// `Offer` says whether its `--terminal` also offers windows (only the live subcommands).
struct PlotOptions<Offer: TerminalOffer>: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "The file to write: .png, .svg or .pdf renders the image with gnuplot; .gp writes only the self-contained script.",
      valueName: "file"),
    completion: .file(extensions: ["png", "svg", "pdf", "gp"]))
  var output: String?

  @Option(
    help: ArgumentHelp(Offer.help, valueName: "terminal"),
    completion: .list(Offer.choices.map(\.rawValue)), transform: { try Offer.choice($0) })
  var terminal: TerminalChoice?

  @Option(help: "The title above the chart, drawn as typed.")
  var title: String?

  @Option(
    help: ArgumentHelp(
      "The title as gnuplot enhanced text on images: V_{t}, β^{t}, {/:Bold bold} (markup is applied; nothing is run). A text chart shows it as typed; --title wins over it.",
      valueName: "text"))
  var titleMarkup: String?

  @Option(
    help: ArgumentHelp(
      "The canvas size W,H: pixels for images (100 to 10000 each; default 1200,700), characters for --terminal dumb (10 to 1000 columns, 5 to 1000 rows; default 100,30).",
      valueName: "W,H"))
  var size: String?


  /// `--size` as `W,H` (or `WxH`), two whole numbers, or `nil` without it or when it does not
  /// read so (which ``validate()`` refuses, stating the range).
  var canvasSize: (width: Int, height: Int)? {
    guard let size else { return nil }
    let parts = size.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
    let pair = parts.count == 2 ? parts : size.split(separator: "x", maxSplits: 1)
    guard pair.count == 2, let width = Int(pair[0]), let height = Int(pair[1]) else { return nil }
    return (width, height)
  }

  /// The canvas sizes gnuplot draws well: pixels for an image (a 10000 × 10000 PNG already takes
  /// 400 MB to draw), characters for the dumb terminal.
  static var pixelRange: ClosedRange<Int> { 100...10_000 }
  static var characterColumns: ClosedRange<Int> { 10...1000 }
  static var characterRows: ClosedRange<Int> { 5...1000 }

  /// Refuses a `--size` outside the range of the terminal it draws on, stating the range.
  private func checkSize() throws {
    guard let size else { return }
    let text = MessageText.quoted(size)
    let parsed = canvasSize
    if terminal == .dumb {
      guard let parsed, Self.characterColumns.contains(parsed.width),
        Self.characterRows.contains(parsed.height)
      else {
        throw ValidationError(
          "--size \(text) is not a dumb-terminal size: give W,H with W from "
            + "\(Self.characterColumns.lowerBound) to \(Self.characterColumns.upperBound) "
            + "columns and H from \(Self.characterRows.lowerBound) to "
            + "\(Self.characterRows.upperBound) rows.")
      }
    } else {
      guard let parsed, Self.pixelRange.contains(parsed.width),
        Self.pixelRange.contains(parsed.height)
      else {
        throw ValidationError(
          "--size \(text) is not an image size: give W,H with each from "
            + "\(Self.pixelRange.lowerBound) to \(Self.pixelRange.upperBound) pixels.")
      }
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
    case (nil, .some(let choice)) where choice.window != nil:
      break
    case (.some, .some(let choice)) where choice.window != nil:
      throw ValidationError(
        "--terminal \(choice.rawValue) draws in a window; it takes no --output.")
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
    try checkSize()
    if let output {
      do {
        try GnuplotText.checkPath(output, role: "the output file")
      } catch {
        throw ValidationError(error.message)
      }
    }
  }

  /// Where the figure goes; `name` names the script written when gnuplot is missing in dumb mode.
  func target(name: String) -> PlotTarget {
    let dumb = Terminal.dumb(
      columns: canvasSize?.width ?? 100, rows: canvasSize?.height ?? 30)
    if let window = terminal?.window { return .window(terminal: .window(window)) }
    guard let output, let ext = outputExtension else {
      return .dumb(terminal: dumb, fallbackName: name)
    }
    if ext == "gp" {
      let terminal: Terminal =
        switch terminal {
        case .dumb: dumb
        case .png, .x11, .qt, .wxt, nil: .png
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
    case .script, .window: fallback = nil
    case .image(let path, _):
      fallback = GnuplotRunner.directory(of: path) + GnuplotRunner.stem(of: path) + ".gp"
    case .dumb(_, let fallbackName): fallback = fallbackName + ".gp"
    }
    let missing = GnuplotRunner.locate() == nil
    return FileRoles.output("--output", output)
      + FileRoles.output("the script written without gnuplot", missing ? fallback : nil)
  }

  /// The figure with the user's title and pixel size applied.
  func apply(to figure: Figure) -> Figure {
    var figure = figure
    if let titleMarkup {
      figure.titleMarkup = titleMarkup
      figure.title = nil
    }
    if let title {
      figure.title = title
      figure.titleMarkup = nil
    }
    if let size = canvasSize, terminal != .dumb {
      figure.size = Figure.CanvasSize(width: size.width, height: size.height)
    }
    return figure
  }

  /// Draws `figure` (with the user's settings applied) where the options say, once it has
  /// something gnuplot can draw (``Figure/checkDrawable(subject:)``).
  ///
  /// - Parameters:
  ///   - name: the name of the script written when gnuplot is missing in dumb mode.
  ///   - subject: what is plotted, for messages.
  ///   - comment: the script's first line, saying what made it.
  func draw(_ figure: Figure, name: String, subject: String, comment: String) throws {
    if let choice = terminal, choice.window != nil {
      throw PlotError(
        kind: .usage,
        message:
          "--terminal \(choice.rawValue) draws in a window only for plot smooth and plot "
          + "history with --follow; use --terminal dumb or --output FILE.png here")
    }
    let figure = apply(to: figure)
    try figure.checkDrawable(subject: subject)
    try GnuplotRunner.draw(figure, to: target(name: name), comment: comment)
  }
}

/// A terminal named on the command line.
enum TerminalChoice: String, CaseIterable {
  case dumb, png, svg, pdf, x11, qt, wxt
  /// The window system, for x11, qt and wxt.
  var window: Terminal.Window? { Terminal.Window(rawValue: rawValue) }
}
