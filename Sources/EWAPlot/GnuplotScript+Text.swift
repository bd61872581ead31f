/// What a script for a text chart (the dumb terminal) sets beyond an image's settings.
extension GnuplotScript {
  /// The characters a text chart draws lines with, as gnuplot's dumb terminal numbers them
  /// (`lt 1` is `*`, `lt 2` is `#`, … `lt 7` is `=`); `lt 0` draws a sparse `+`.
  static let textLineTypes = 1...7

  /// For a text chart with a time axis: x tics far enough apart that their dates do not run
  /// into each other (gnuplot's own choice does at 80 columns), every whole number of days (or
  /// seconds, for less than a day) from the first observation.
  ///
  /// ```
  /// tics = max(2, (columns - 12) / (label width + 4)),   step = ⌈span / tics⌉ in days
  /// ```
  ///
  /// - Returns: the `set xtics` line, or nothing without a time axis and an x range.
  static func textTimeTics(_ figure: Figure, columns: Int) -> [String] {
    guard let format = figure.timeFormat, let range = figure.xRange else { return [] }
    let labelWidth = format.count + (format.contains("%Y") ? 2 : 0)
    let tics = Double(max(2, (columns - 12) / (labelWidth + 4)))
    let span = range.upperBound - range.lowerBound
    let day = 86_400.0
    let step =
      span / tics >= day ? (span / tics / day).rounded(.up) * day : (span / tics).rounded(.up)
    guard step > 0 else { return [] }
    return [
      "set xtics \(GnuplotNumber.format(range.lowerBound)), \(GnuplotNumber.format(step))"
    ]
  }
}
