/// How a figure is redrawn for a text chart (the dumb terminal), where every line is one
/// character and colour, width and dash are lost.
extension Figure {
  /// The most contour levels a text chart draws: more fill the canvas with characters and drown
  /// the paths drawn over them.
  static let textContourLimit = 4

  /// The figure as a text chart draws it:
  ///
  /// - series marked ``Series/isShownInText`` `false` (faint backdrops) are left out, and so are
  ///   dots without a legend entry (the end of a long path, where its line ends anyway);
  /// - each series of dots gets a letter of its own (gnuplot's point type `k` is the `k`-th
  ///   capital letter): `A` for the first, `B` for the next, …;
  /// - a line with a dot at every point becomes a plain line, since every dot is the same letter;
  /// - at most ``textContourLimit`` contour levels, evenly spaced through the list;
  /// - the legend below the x label in rows, where it covers neither the data, the axis labels
  ///   nor the title.
  ///
  /// Each line drawn then gets a character of its own from the script (``GnuplotScript``).
  public func forText() -> Figure {
    var figure = self
    var letter = 0
    figure.series = series.compactMap { series in
      var series = series
      switch series.mark {
      case _ where !series.isShownInText: return nil
      case .points where series.title == nil: return nil
      case .points(_, let size):
        letter += 1
        series.mark = .points(type: letter, size: size)
      case .linesPoints(let width, _, _, let dash): series.mark = .lines(width: width, dash: dash)
      default: break
      }
      return series
    }
    if var contours, contours.levels.count > Self.textContourLimit {
      let levels = contours.levels
      let last = Double(levels.count - 1)
      let limit = Double(Self.textContourLimit - 1)
      contours.levels = (0..<Self.textContourLimit).map {
        levels[Int((Double($0) * last / limit).rounded())]
      }
      figure.contours = contours
    }
    figure.key = "below"
    return figure
  }
}
