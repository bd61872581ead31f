import ArgumentParser

/// Which `--terminal` choices a plot subcommand offers: every one draws as text (`dumb`) or
/// names the script's terminal; only the live subcommands (`plot smooth` and `plot history`,
/// with `--follow`) also draw in a window, so only their help and parsing offer x11, qt and wxt.
protocol TerminalOffer: SendableMetatype {
  /// The choices, in the order the help lists them.
  static var choices: [TerminalChoice] { get }
  /// The help of `--terminal`.
  static var help: String { get }
}

extension TerminalOffer {
  /// Reads `--terminal`: one of ``choices``, or an error listing them.
  static func choice(_ text: String) throws -> TerminalChoice {
    guard let choice = TerminalChoice(rawValue: text), choices.contains(choice)
    else {
      let names = choices.map(\.rawValue)
      throw ValidationError(
        "expected \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "").")
    }
    return choice
  }

  static var drawingHelp: String {
    "dumb draws the chart as text on standard output; with --output FILE.gp, the terminal the "
      + "script draws on (png, svg, pdf or dumb; default png)."
  }
}

/// The subcommands that draw once: text, or a file.
enum StillTerminals: TerminalOffer {
  static let choices: [TerminalChoice] = [.dumb, .png, .svg, .pdf]
  static var help: String { drawingHelp }
}

/// `plot smooth` and `plot history`, which with `--follow` also draw in a window.
enum LiveTerminals: TerminalOffer {
  static let choices: [TerminalChoice] = [.dumb, .png, .svg, .pdf, .x11, .qt, .wxt]
  static var help: String {
    drawingHelp + " With --follow, x11, qt or wxt draws in a window (when gnuplot has it)."
  }
}
