import EWAPlot

/// How the gallery writes the shell commands listed under its figures, so that running them
/// from the repository root draws the same image, title included.
enum CommandText {
  /// `text` as one shell word: single-quoted, with each `'` written `'\''`.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The title option that gives a plot command `figure`'s title: `--title-markup '…'` for an
  /// enhanced-text title (``EWAPlot/Figure/titleMarkup``), `--title '…'` for a plain one, with a
  /// space before it; empty without a title.
  static func titleOption(_ figure: Figure) -> String {
    if let markup = figure.titleMarkup { return " --title-markup " + quoted(markup) }
    return figure.title.map { " --title " + quoted($0) } ?? ""
  }
}
