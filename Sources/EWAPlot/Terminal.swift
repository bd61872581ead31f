/// The gnuplot terminal a script draws on, chosen from the output file's extension.
public enum Terminal: Equatable, Sendable {
  /// `pngcairo`, antialiased PNG.
  case png
  /// `svg`.
  case svg
  /// `pdfcairo`.
  case pdf
  /// `dumb`: the chart as text on standard output, `columns` × `rows` characters.
  case dumb(columns: Int, rows: Int)
  /// An interactive window of gnuplot's (only a live plot, `--follow`, keeps one open).
  case window(Window)

  /// The window systems gnuplot may have been built with.
  public enum Window: String, CaseIterable, Sendable {
    case x11, qt, wxt
  }

  /// gnuplot's name of the terminal (`pngcairo`, `dumb`, `x11`).
  public var gnuplotName: String {
    switch self {
    case .png: "pngcairo"
    case .svg: "svg"
    case .pdf: "pdfcairo"
    case .dumb: "dumb"
    case .window(let window): window.rawValue
    }
  }

  /// The dumb terminal's size when none is given.
  public static let defaultDumb = Terminal.dumb(columns: 100, rows: 30)

  /// The image terminal for a file extension (`png`, `svg`, `pdf`, any case), or `nil`.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "png": self = .png
    case "svg": self = .svg
    case "pdf": self = .pdf
    default: return nil
    }
  }

  /// The extension of the files it draws (`png`, `svg`, `pdf`), or `nil` for text.
  public var fileExtension: String? {
    switch self {
    case .png: "png"
    case .svg: "svg"
    case .pdf: "pdf"
    case .dumb, .window: nil
    }
  }

  /// The `set terminal` line for a canvas of `size` pixels; `enhanced` lets the titles and
  /// legend entries that ask for it (``Figure/titleMarkup``) use enhanced text, every other
  /// text being written `noenhanced` (a text chart has none).
  func command(size: Figure.CanvasSize, enhanced: Bool = false) -> String {
    let font = "font \(GnuplotText.quoted("sans,12"))"
    let mode = enhanced ? "enhanced" : "noenhanced"
    switch self {
    case .png:
      return "set terminal pngcairo size \(size.width),\(size.height) \(mode) \(font)"
    case .svg:
      return
        "set terminal svg size \(size.width),\(size.height) \(mode) \(font) background \(Color(rgb: 0xFFFFFF).gnuplot)"
    case .pdf:
      let width = GnuplotNumber.format(Double(size.width) / 100)
      let height = GnuplotNumber.format(Double(size.height) / 100)
      return "set terminal pdfcairo size \(width)in,\(height)in \(mode) \(font)"
    case .dumb(let columns, let rows):
      return "set terminal dumb size \(columns),\(rows) noenhanced"
    case .window(let window):
      return "set terminal \(window.rawValue) size \(size.width),\(size.height) noenhanced \(font)"
    }
  }
}
