/// One thing drawn on a figure: columns of numbers, written inline as a datablock, and how to draw
/// them.
public struct Series: Equatable, Sendable {
  /// The datablock name, letters, digits and underscores (`raw` becomes `$raw`); made unique by
  /// the script if two series share it.
  public var name: String
  /// The legend entry; `nil` leaves the series out of the legend.
  public var title: String?
  /// The columns, all the same length: x, y, and for ``Mark/image`` the class index.
  public var columns: [[Double]]
  /// How the series is drawn.
  public var mark: Mark
  /// The colour; `nil` for ``Mark/image``, which colours through the figure's palette.
  public var color: Color?
  /// For a grid, the number of rows in one scan line, after which the datablock has a blank line.
  public var scanLength: Int?

  /// Creates a series.
  ///
  /// - Parameters:
  ///   - name: the datablock name (sanitized to letters, digits and underscores).
  ///   - title: the legend entry, or `nil` for none.
  ///   - columns: the data columns, equal in length.
  ///   - mark: how to draw it.
  ///   - color: its colour.
  ///   - scanLength: rows per scan line of a grid, or `nil`.
  public init(
    name: String, title: String?, columns: [[Double]], mark: Mark, color: Color?,
    scanLength: Int? = nil
  ) {
    precondition(Set(columns.map(\.count)).count <= 1, "the columns of \(name) differ in length")
    self.name = name
    self.title = title
    self.columns = columns
    self.mark = mark
    self.color = color
    self.scanLength = scanLength
  }

  /// Creates an x-y series.
  public init(name: String, title: String?, x: [Double], y: [Double], mark: Mark, color: Color?) {
    self.init(name: name, title: title, columns: [x, y], mark: mark, color: color)
  }

  /// The number of rows.
  public var count: Int { columns.first?.count ?? 0 }
}
