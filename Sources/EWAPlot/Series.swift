/// One thing drawn on a figure: columns of numbers, written inline as a datablock, and how to draw
/// them.
public struct Series: Equatable, Sendable {
  /// The datablock name, letters, digits and underscores (`raw` becomes `$raw`); made unique by
  /// the script if two series share it.
  public var name: String
  /// The legend entry; `nil` leaves the series out of the legend.
  public var title: String?
  /// The legend entry as gnuplot enhanced text (`uncorrected (V_{0} = 0)`), drawn instead of
  /// ``title`` on images; like ``Figure/titleMarkup``, input text goes in through
  /// ``GnuplotText/markupLiteral(_:)``.
  public var titleMarkup: String? = nil
  /// The columns, all the same length: x, y, and for ``Mark/image`` the class index.
  public var columns: [[Double]]
  /// How the series is drawn.
  public var mark: Mark
  /// The colour; `nil` for ``Mark/image``, which colours through the figure's palette.
  public var color: Color?
  /// For a grid, the number of rows in one scan line, after which the datablock has a blank line.
  public var scanLength: Int?
  /// Whether a text chart (the dumb terminal) draws it: a faint backdrop such as a noisy
  /// mini-batch cost, which in characters covers every curve drawn after it, is left out there.
  public var isShownInText: Bool

  /// Creates a series.
  ///
  /// - Parameters:
  ///   - name: the datablock name (sanitized to letters, digits and underscores).
  ///   - title: the legend entry, or `nil` for none.
  ///   - columns: the data columns, equal in length.
  ///   - mark: how to draw it.
  ///   - color: its colour.
  ///   - scanLength: rows per scan line of a grid, or `nil`.
  ///   - shownInText: whether a text chart draws it (``isShownInText``).
  public init(
    name: String, title: String?, columns: [[Double]], mark: Mark, color: Color?,
    scanLength: Int? = nil, shownInText: Bool = true
  ) {
    precondition(Set(columns.map(\.count)).count <= 1, "the columns of \(name) differ in length")
    self.name = name
    self.title = title
    self.columns = columns
    self.mark = mark
    self.color = color
    self.scanLength = scanLength
    self.isShownInText = shownInText
  }

  /// Creates an x-y series.
  public init(
    name: String, title: String?, x: [Double], y: [Double], mark: Mark, color: Color?,
    shownInText: Bool = true
  ) {
    self.init(
      name: name, title: title, columns: [x, y], mark: mark, color: color,
      shownInText: shownInText)
  }

  /// The number of rows.
  public var count: Int { columns.first?.count ?? 0 }
}
