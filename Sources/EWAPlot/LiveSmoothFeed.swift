import EWA
import EWAIO
import EWASmooth

/// Feeds a followed CSV stream through `ewa smooth`'s own engine (a ``Smoother`` calling back
/// after each row) into a ``LiveColumn``, the live counterpart of
/// ``SmoothedColumn/smoothing(_:name:column:decays:initial:time:compareWithZeroStart:)``: the
/// same options (``SmoothedColumn/options(column:decays:initial:time:)``), the same numbers
/// (``SmoothedColumn/observation(_:group:)``) and the same time positions
/// (``SmoothedColumn/position(of:line:column:file:areDates:)``), one row at a time.
public final class LiveSmoothFeed {
  /// The smoother to hand the input to (``Smoother/process(name:source:)``).
  public private(set) var smoother: Smoother!
  /// The rows so far, once the header has been read.
  public private(set) var live: LiveColumn?

  private let name: String
  private let time: String?
  private let last: Int?
  private var timeColumn: Int?
  private var areDates: Bool?

  /// Prepares to smooth `column` of the input called `name` as `ewa smooth --column column`
  /// does, keeping the newest `last` rows (or every row, decimated), and calling `rowAdded`
  /// after each row has been added.
  ///
  /// - Throws: ``SmoothError`` for options `ewa smooth` refuses.
  public init(
    name: String, column: String, decays: [DecaySpec], initial: SmoothOptions.Initial,
    time: String?, last: Int?, rowAdded: @escaping () throws(SmoothError) -> Void
  ) throws(SmoothError) {
    self.name = name
    self.time = time
    self.last = last
    let options = try SmoothedColumn.options(
      column: column, decays: decays, initial: initial, time: time)
    let labels = decays.map(\.legend)
    smoother = Smoother(options: options) {
      [unowned self] (kernel, record, group, line) throws(SmoothError) in
      try self.add(kernel, record, group: group, line: line, labels: labels)
      try rowAdded()
    }
  }

  private func add(
    _ kernel: SmoothKernel, _ record: CSVRecord, group: Int, line: Int, labels: [String]
  ) throws(SmoothError) {
    let names = kernel.layout.names
    if live == nil {
      if let time { timeColumn = try ColumnNames.resolve(time, in: names) }
      live = LiveColumn(
        column: names[kernel.layout.smoothed[0]], xLabel: timeColumn.map { names[$0] } ?? "row",
        labels: labels, last: last)
    }
    let row = SmoothedColumn.observation(kernel, group: group)
    var x = Double((live?.rows ?? 0) + 1)
    if let timeColumn {
      x = try SmoothedColumn.position(
        of: record.text(timeColumn), line: line, column: names[timeColumn], file: name,
        areDates: &areDates)
      live?.timeAxis = areDates ?? false
    }
    live?.append(x: x, value: row.value, means: row.means)
  }
}
