/// Renders a ``Figure`` as a self-contained gnuplot script: every number inline in a datablock
/// (`$name << EOD … EOD`), so `gnuplot script.gp` redraws the figure anywhere.
///
/// The text depends only on its inputs (numbers through one formatter, datablocks in series
/// order), so the same figure always gives the same bytes.
public enum GnuplotScript {
  /// The script text.
  ///
  /// - Parameters:
  ///   - figure: what to draw.
  ///   - terminal: where to draw it.
  ///   - output: the file the script writes (`set output`), or `nil` for standard output (the
  ///     dumb terminal).
  ///   - comment: a first line saying what made the script, without the `#`.
  /// - Returns: the script, ending with a newline.
  public static func render(
    _ figure: Figure, terminal: Terminal, output: String?, comment: String? = nil
  ) -> String {
    let textColumns: Int? = if case .dumb(let columns, _) = terminal { columns } else { nil }
    let text = textColumns != nil
    let figure = text ? figure.forText() : figure
    var lines: [String] = []
    if let comment { lines.append(GnuplotText.comment(comment)) }
    lines.append("# Self-contained: the data is inline; run `gnuplot THIS_FILE` to redraw.")
    lines.append("set encoding utf8")
    let markup =
      !text && (figure.titleMarkup != nil || figure.series.contains { $0.titleMarkup != nil })
    lines.append(terminal.command(size: figure.size, enhanced: markup))
    if let output { lines.append("set output \(GnuplotText.quoted(output))") }

    let names = blockNames(for: figure.series)
    if let contours = figure.contours { lines += datablock("surface", grid: contours.grid) }
    for (series, name) in zip(figure.series, names) { lines += datablock(name, series: series) }

    lines += settings(figure, text: text)
    if let textColumns { lines += textTimeTics(figure, columns: textColumns) }
    if let contours = figure.contours { lines += contourTable(contours) }
    lines += plotCommand(figure, names: names, text: text)
    if output != nil { lines.append("unset output") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The longest datablock name kept from a series' name, before a `_2`-style suffix.
  static let blockNameLimit = 40

  /// Unique datablock names: each series' name reduced to ASCII letters, digits and underscores
  /// (at most ``blockNameLimit`` of them, a letter first), with `_2`, `_3`, … appended to repeats
  /// until the name is one no other block has. A name can therefore never hold a quote, a space,
  /// a line break or anything else but a gnuplot identifier, whatever the series is called.
  static func blockNames(for series: [Series]) -> [String] {
    var taken: Set<String> = ["surface", "contours"]
    return series.map { series in
      var base = String(
        series.name.unicodeScalars.prefix(blockNameLimit).map { scalar -> Character in
          scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            ? Character(scalar) : "_"
        })
      if base.first?.isLetter != true { base = "s" + base }
      var name = base
      var count = 1
      while taken.contains(name) {
        count += 1
        name = "\(base)_\(count)"
      }
      taken.insert(name)
      return name
    }
  }

  static func datablock(_ name: String, series: Series) -> [String] {
    var lines = ["$\(name) << EOD"]
    for row in 0..<series.count {
      if let scan = series.scanLength, row > 0, row % scan == 0 { lines.append("") }
      lines.append(series.columns.map { GnuplotNumber.format($0[row]) }.joined(separator: " "))
    }
    lines.append("EOD")
    return lines
  }

  static func datablock(_ name: String, grid: ContourGrid) -> [String] {
    var lines = ["$\(name) << EOD"]
    for (j, y) in grid.ys.enumerated() {
      if j > 0 { lines.append("") }
      for (i, x) in grid.xs.enumerated() {
        lines.append(
          "\(GnuplotNumber.format(x)) \(GnuplotNumber.format(y)) "
            + GnuplotNumber.format(grid.values[j][i]))
      }
    }
    lines.append("EOD")
    return lines
  }

  /// The settings before the plot command; a text chart (`text`) has its legend unboxed and no
  /// grid, whose dots would read as data.
  static func settings(_ figure: Figure, text: Bool = false) -> [String] {
    var lines: [String] = []
    if let markup = figure.titleMarkup, !text {
      lines.append("set title \(GnuplotText.label(markup)) enhanced")
    } else if let title = figure.title ?? figure.titleMarkup {
      lines.append("set title \(GnuplotText.label(title)) noenhanced")
    }
    // A legend below an image gets room between it and the x label.
    let keyBelow = !text && figure.key.split(separator: " ").contains("below")
    if let label = figure.xLabel {
      lines.append("set xlabel \(GnuplotText.label(label)) noenhanced")
    }
    if let label = figure.yLabel {
      lines.append("set ylabel \(GnuplotText.label(label)) noenhanced")
    }
    if let format = figure.timeFormat {
      lines.append("set xdata time")
      lines.append("set timefmt \(GnuplotText.quoted("%s"))")
      lines.append("set format x \(GnuplotText.quoted(format))")
    }
    for axis in figure.logScale.sorted() {
      lines.append("set logscale \(axis.rawValue)")
      // Tic labels 0.001 and 10 rather than gnuplot's fixed six decimals.
      if axis != .x || figure.timeFormat == nil {
        lines.append("set format \(axis.rawValue) \(GnuplotText.quoted("%g"))")
      }
    }
    if let range = figure.xRange { lines.append("set xrange \(bracket(range))") }
    if let range = figure.yRange { lines.append("set yrange \(bracket(range))") }
    // The key is gnuplot's placement words and counts (`below maxcols 2`): anything but ASCII
    // letters, digits and spaces is dropped.
    let key = String(
      figure.key.unicodeScalars.filter {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " ")
      }.map(Character.init))
    if text {
      lines.append("set key \(key) nobox")
    } else {
      lines.append("set key \(key) box opaque" + (keyBelow ? " height 1" : ""))
      if keyBelow { lines.append("set bmargin \(GnuplotNumber.format(belowKeyMargin(figure)))") }
      lines.append("set grid lc rgb \(Color(rgb: 0xE0E0E0).gnuplot)")
    }
    lines.append("set border lc rgb \(Color(rgb: 0x404040).gnuplot)")
    if !figure.palette.isEmpty {
      let entries = figure.palette.enumerated().map { "\($0.offset) \($0.element.gnuplot)" }
      lines.append("set palette maxcolors \(figure.palette.count)")
      lines.append("set palette defined (\(entries.joined(separator: ", ")))")
      lines.append("set cbrange [-0.5:\(GnuplotNumber.format(Double(figure.palette.count) - 0.5))]")
      lines.append("unset colorbox")
    }
    return lines
  }

  static func contourTable(_ contours: Figure.Contours) -> [String] {
    let levels = contours.levels.map(GnuplotNumber.format).joined(separator: ",")
    return [
      "set contour base",
      "unset surface",
      "set view map",
      levels.isEmpty ? "set cntrparam levels 10" : "set cntrparam levels discrete \(levels)",
      "set table $contours",
      "splot $surface using 1:2:3 with lines notitle",
      "unset table",
      "unset contour",
    ]
  }

  /// The plot command. On a text chart (`text`) each line gets a character of its own, in order,
  /// through ``textLineTypes``, and contour lines the sparse `lt 0`, so the paths stand out.
  static func plotCommand(_ figure: Figure, names: [String], text: Bool = false) -> [String] {
    var clauses: [String] = []
    if let contours = figure.contours {
      clauses.append(
        "$contours using 1:2 with lines lw 1 " + (text ? "lt 0 " : "")
          + "lc rgb \(contours.color.gnuplot) notitle")
    }
    var lineCount = 0
    for (series, name) in zip(figure.series, names) {
      let using = series.mark == .image ? "1:2:3" : "1:2"
      var clause = "$\(name) using \(using) \(series.mark.gnuplot)"
      if text, series.mark.drawsLine {
        let types = textLineTypes
        clause += " lt \(types.lowerBound + lineCount % types.count)"
        lineCount += 1
      }
      if let color = series.color { clause += " lc rgb \(color.gnuplot)" }
      if let markup = series.titleMarkup, !text {
        clause += " title \(GnuplotText.label(markup)) enhanced"
      } else if let title = series.title ?? series.titleMarkup {
        clause += " title \(GnuplotText.label(title)) noenhanced"
      } else {
        clause += " notitle"
      }
      clauses.append(clause)
    }
    guard !clauses.isEmpty else { return [] }
    return ["plot " + clauses.joined(separator: ", \\\n     ")]
  }

  static func bracket(_ range: ClosedRange<Double>) -> String {
    "[\(GnuplotNumber.format(range.lowerBound)):\(GnuplotNumber.format(range.upperBound))]"
  }
}
