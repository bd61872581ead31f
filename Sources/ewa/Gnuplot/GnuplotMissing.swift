import EWA

/// gnuplot is not on `PATH`: the script was written instead, and the user is told what to install.
struct GnuplotMissing: CategorizedError {
  /// Where the script was written.
  let scriptPath: String
  /// The image that was asked for, or `nil` for the dumb terminal.
  let drawing: String?

  var kind: FailureKind { .unavailable }

  var description: String {
    let directory = GnuplotRunner.directory(of: scriptPath)
    let name = String(scriptPath.dropFirst(directory.count))
    let run = directory.isEmpty ? "gnuplot \(name)" : "cd \(directory) && gnuplot \(name)"
    let what = drawing.map { "cannot draw \(MessageText.inline($0))" } ?? "cannot draw the chart"
    return "gnuplot is not installed (not found on PATH), so \(what); wrote the script to "
      + "\(MessageText.inline(scriptPath)) instead (draw it with `\(MessageText.inline(run))`); install gnuplot with "
      + "`apt-get install gnuplot-nox` (Debian, Ubuntu) or `brew install gnuplot` (macOS)."
  }
}
