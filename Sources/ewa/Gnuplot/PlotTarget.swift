import EWAIO
import EWAPlot

/// Where a plot command sends its figure.
enum PlotTarget: Equatable {
  /// Only the script, to `path`; the script draws on `terminal` (an image beside it, named
  /// like it, or text).
  case script(path: String, terminal: Terminal)
  /// An image rendered by gnuplot to `path`.
  case image(path: String, terminal: Terminal)
  /// Text on standard output; when gnuplot is missing the script goes to `<fallbackName>.gp`.
  case dumb(terminal: Terminal, fallbackName: String)
  /// An interactive window (x11, qt, wxt), kept open by a live plot only.
  case window(terminal: Terminal)
}
