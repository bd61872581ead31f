/// A chart as plain data: axes, labels, the series drawn on it, and optional contour lines.
///
/// ``GnuplotScript`` turns it into a self-contained gnuplot script. The figure builders
/// (``Figure/smooth(column:x:values:curves:timeAxis:xLabel:)`` and the others) make one from
/// plain arrays; a command then overrides what the user asked for (title, size, log scale).
public struct Figure: Equatable, Sendable {
  /// The title above the chart, or `nil`.
  public var title: String?
  /// The title as gnuplot enhanced text (`V_{t} / (1 - β^{t})`), drawn instead of ``title`` where
  /// the terminal renders it (images; a text chart shows ``title``, or this text as typed).
  /// Written by the library, or asked for by the user with `--title-markup`; text from input
  /// goes in through ``GnuplotText/markupLiteral(_:)``.
  public var titleMarkup: String? = nil
  /// The x-axis label, or `nil`.
  public var xLabel: String?
  /// The y-axis label, or `nil`.
  public var yLabel: String?
  /// The canvas size in pixels (a PDF page gets 1 inch per 100 pixels).
  public var size: CanvasSize
  /// The axes drawn on a logarithmic scale.
  public var logScale: Set<Axis>
  /// When x values are times: seconds since 1970-01-01 UTC, labelled with this `strftime` format.
  public var timeFormat: String?
  /// The x range shown, or `nil` for gnuplot's automatic range.
  public var xRange: ClosedRange<Double>?
  /// The y range shown, or `nil` for gnuplot's automatic range.
  public var yRange: ClosedRange<Double>?
  /// Where the legend goes, as gnuplot's `set key` words (`top right`, `bottom left outside`).
  public var key: String
  /// The colours of class indices 0, 1, … in ``Mark/image`` series.
  public var palette: [Color]
  /// Contour lines drawn under the series, or `nil`.
  public var contours: Contours?
  /// The series, drawn in order (later on top).
  public var series: [Series]

  /// An axis of the chart.
  public enum Axis: String, Equatable, Hashable, Sendable, CaseIterable, Comparable {
    case x
    case y
    public static func < (a: Axis, b: Axis) -> Bool { a.rawValue < b.rawValue }
  }

  /// The width and height of a canvas.
  public struct CanvasSize: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
      self.width = width
      self.height = height
    }
    /// 1200 × 700 pixels, the size the figures are designed for.
    public static let standard = CanvasSize(width: 1200, height: 700)
  }

  /// Contour lines of a function sampled on a grid, traced by gnuplot from the grid written
  /// inline.
  public struct Contours: Equatable, Sendable {
    public var grid: ContourGrid
    public var levels: [Double]
    public var color: Color
    /// Creates contour lines of `grid` at `levels`, in `color`.
    public init(grid: ContourGrid, levels: [Double], color: Color = .backdrop) {
      self.grid = grid
      self.levels = levels
      self.color = color
    }
  }

  /// Creates a figure; every setting but the series has a default.
  public init(
    title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
    size: CanvasSize = .standard, logScale: Set<Axis> = [], timeFormat: String? = nil,
    xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
    key: String = "top right", palette: [Color] = [], contours: Contours? = nil,
    series: [Series]
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.size = size
    self.logScale = logScale
    self.timeFormat = timeFormat
    self.xRange = xRange
    self.yRange = yRange
    self.key = key
    self.palette = palette
    self.contours = contours
    self.series = series
  }
}
