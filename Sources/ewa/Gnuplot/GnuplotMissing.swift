import EWA
import EWAIO

/// gnuplot is not on `PATH`: the script was written instead (unless a file of its name was there,
/// which a fallback never replaces), and the user is told what to install.
struct GnuplotMissing: CategorizedError {
  /// Where the script was written, or would have been.
  let scriptPath: String
  /// The image that was asked for, or `nil` for the dumb terminal.
  let drawing: String?
  /// Whether the script was written; `false` when `scriptPath` already existed.
  let scriptWritten: Bool
  /// Whether the script draws on the dumb terminal.
  let dumb: Bool

  var kind: FailureKind { .unavailable }

  var description: String {
    let directory = GnuplotRunner.directory(of: scriptPath)
    let name = MessageText.inline(String(scriptPath.dropFirst(directory.count)))
    let shown = MessageText.inline(scriptPath)
    let run =
      directory.isEmpty
      ? "gnuplot \(name)" : "cd \(MessageText.inline(directory)) && gnuplot \(name)"
    let what = drawing.map { "cannot draw \(MessageText.inline($0))" } ?? "cannot draw the chart"
    let install =
      "install gnuplot with `apt-get install gnuplot-nox` (Debian, Ubuntu) or "
      + "`brew install gnuplot` (macOS)."
    guard scriptWritten else {
      let ask = "-o \(shown)" + (dumb ? " --terminal dumb" : "")
      return "gnuplot is not installed (not found on PATH), so \(what); the script was not "
        + "written either, because \(shown) already exists and is never replaced silently "
        + "(run the command again with \(ask) to replace it, or move it away); " + install
    }
    return "gnuplot is not installed (not found on PATH), so \(what); wrote the script to "
      + "\(shown) instead (draw it with `\(run)`); " + install
  }
}
