import EWA
import EWAIO

/// The pieces of ``Smoother`` that ``ParallelSmoother`` uses to smooth a file in blocks: a copy
/// of the layout for another thread, a row whose cells are already parsed, and the carry of a
/// state over a block.
extension Smoother {
  /// A smoother with this one's columns and layout, writing to `output`, that continues from
  /// `state` (this smoother must have decided its columns; a single group, no `--time`).
  ///
  /// The copy shares no array storage with this one: reference counts touched on every row by two
  /// threads would bounce a cache line between the cores.
  func continuing(from state: GroupState, output: OutputBuffer) -> Smoother {
    var own = options
    own.decays = options.decays.map { $0 }
    own.columns = options.columns.map { String(decoding: Array($0.utf8), as: UTF8.self) }
    let copy = Smoother(options: own, output: output)
    copy.fieldCount = fieldCount
    copy.names = names.map { String(decoding: Array($0.utf8), as: UTF8.self) }
    copy.delimiter = delimiter
    copy.lineEnd = lineEnd.map { $0 }
    copy.smoothed = smoothed.map { $0 }
    copy.replaced = replaced.map { $0 }
    copy.values = values.map { $0 }
    copy.present = present.map { $0 }
    copy.decided = true
    copy.groups = [state]
    return copy
  }

  /// Smooths and writes a row whose cells the first pass over its block parsed (``BlockCells``):
  /// not blank, with the right number of fields, in a single group without `--time`.
  func smooth(
    _ record: CSVRecord, parsed: UnsafeBufferPointer<Double>,
    present observed: UnsafeBufferPointer<Bool>
  ) throws(SmoothError) {
    rowsRead += 1
    for k in smoothed.indices {
      values[k] = parsed[k]
      present[k] = observed[k]
      try fold(column: k, group: 0, now: nil)
    }
    try io { () throws(IOError) in try writeRow(record, group: 0) }
  }

  /// The state after `prior` and then a block, from the block's state `local` smoothed from
  /// nothing over `rows` non-blank rows (the recurrence composes; see
  /// ``ExponentialAverage/carried(from:decay:)``).
  ///
  /// Each track's past decays by β per row, or, with `--ignore-na`, per observation.
  static func carry(
    _ prior: GroupState, over local: GroupState, rows: Int, ignoreMissing: Bool
  ) -> GroupState {
    var result = prior
    for k in prior.columns.indices {
      let block = local.columns[k]
      let steps = ignoreMissing ? block.observations : rows
      result.columns[k].observations += block.observations
      for d in prior.columns[k].tracks.indices {
        guard case .mean(let before) = prior.columns[k].tracks[d],
          case .mean(let after) = block.tracks[d]
        else { preconditionFailure("only averages without --std are carried") }
        let decay = after.decay(Double(steps))
        result.columns[k].tracks[d] = .mean(average: after.carried(from: before, decay: decay))
      }
    }
    return result
  }
}
