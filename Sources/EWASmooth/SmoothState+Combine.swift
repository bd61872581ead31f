import EWA
import EWAIO

/// Combining saved states (`ewa state combine`): the state after one part of a series followed
/// by the state of the next part computed from nothing, as if both parts had been smoothed in one
/// pass, so that the parts of one long series can be smoothed on separate machines from exactly
/// the right starting states.
extension SmoothState {
  /// Why states saved with these options cannot be combined, or nil when they can.
  ///
  /// With `--init first` a part's first observation takes the whole weight instead of `1 - β`,
  /// and its state keeps no record of that observation apart from the rest, so it cannot be
  /// re-weighted as the one pass would have.
  public static func uncombinable(initial: SmoothOptions.Initial) -> String? {
    guard initial == .first else { return nil }
    return "it was saved with --init first, whose first observation weighs more than the rest, "
      + "so the state of a part smoothed from nothing does not carry onto an earlier one "
      + "(smooth with --init corrected or zero)"
  }

  /// The state after this state's rows followed by `next`'s, where `next` was smoothed from
  /// nothing: ``SmoothKernel/carry(_:)`` applied to the two saved states. Groups are the union of
  /// both (this state's first, in order, then those only in `next`); a group only in this state
  /// is unchanged, one only in `next` is taken as it is. With `--time` each group's past decays
  /// by the time from its last row here to its last row in `next`.
  ///
  /// Equals one pass over both parts to 1e-12 relative (the `--threads` bound), for every decay
  /// form, `--std`, `--ignore-na`, `--init corrected` and `zero`, groups and time decay, and the
  /// combination is associative within the same bound: `(A·B)·C = A·(B·C)`.
  ///
  /// - Parameters:
  ///   - next: the state of the rows after this state's, smoothed from nothing.
  ///   - path: this state's file, in messages.
  ///   - nextPath: `next`'s file, in messages.
  /// - Throws: ``SmoothError/stateMismatch(path:what:saved:requested:)`` naming the first option
  ///   or column in which the states differ; ``SmoothError/stateUncombinable(path:reason:)`` for
  ///   `--init first`, times of another kind (instants and numbers), a group whose time in
  ///   `next` is before its time here, or counts beyond ``countLimit``.
  public func combined(with next: SmoothState, path: String, nextPath: String)
    throws(SmoothError) -> SmoothState
  {
    do {
      try checkResumable(from: next, path: nextPath)
    } catch .stateMismatch(let file, let what, let saved, let requested) {
      throw .stateMismatch(
        path: file, what: what, saved: saved,
        requested: requested + " as \(MessageText.inline(path)) was")
    } catch {
      throw error
    }
    if let reason = Self.uncombinable(initial: initial) {
      throw .stateUncombinable(path: path, reason: reason)
    }
    let layout = SmoothLayout(combining: self)
    var kernel = SmoothKernel(layout: layout)
    try kernel.restore(self, path: path)
    var block = SmoothKernel(layout: layout)
    try block.restore(next, path: nextPath)
    try Self.checkTimes(of: kernel, before: block, path: path, nextPath: nextPath)
    kernel.carry(block)
    let result = layout.state(groups: kernel.groups)
    if let g = result.groups.firstIndex(where: { $0.state.rows > Self.countLimit }) {
      throw .stateUncombinable(
        path: nextPath,
        reason: "group \(g + 1) would count more than \(Self.countLimit) rows, the most a state "
          + "file holds")
    }
    return result
  }

  /// Refuses times of two kinds, and a group (or, with `--ignore-na`, a column of it) whose last
  /// time in `block` is before its last time in `kernel`: `block` cannot follow it.
  private static func checkTimes(
    of kernel: SmoothKernel, before block: SmoothKernel, path: String, nextPath: String
  ) throws(SmoothError) {
    guard kernel.layout.timeColumn != nil else { return }
    let isInstant = { (time: TimeValue) in if case .instant = time { true } else { false } }
    if let earlier = kernel.lastTime.lazy.compactMap({ $0 }).first,
      let later = block.lastTime.lazy.compactMap({ $0 }).first,
      isInstant(earlier) != isInstant(later)
    {
      throw .stateUncombinable(
        path: nextPath,
        reason: "its times are \(isInstant(later) ? "instants" : "numbers") but those of "
          + "\(MessageText.inline(path)) are \(isInstant(earlier) ? "instants" : "numbers")")
    }
    var table = kernel.groupTable
    let width = kernel.width
    for local in 0..<block.groupCount {
      var target = 0
      if kernel.layout.groupColumn != nil {
        let (index, added) = block.groupTable.keys[local].withUnsafeBufferPointer {
          table.index(of: $0)
        }
        if added { continue }
        target = index
      }
      var pairs = [(kernel.lastTime[target], block.lastTime[local])]
      for k in 0..<width {
        pairs.append(
          (kernel.lastObserved[target * width + k], block.lastObserved[local * width + k]))
      }
      for case let (before?, after?) in pairs where after.isBefore(before) {
        let group =
          kernel.layout.groupColumn == nil
          ? "" : " of group \(MessageText.quoted(bytes: block.groupTable.keys[local]))"
        throw .stateUncombinable(
          path: nextPath,
          reason: "its last time\(group), \(MessageText.quoted(after.description)), is before "
            + "\(MessageText.quoted(before.description)) in \(MessageText.inline(path)), so its "
            + "rows cannot follow those")
      }
    }
  }
}

extension SmoothLayout {
  /// The layout of a saved state's columns and options alone (no input file): the smoothed
  /// columns first, then the group-by and time columns, so that a kernel can restore the state.
  init(combining state: SmoothState) {
    var names = state.columns
    let groupColumn = state.groupBy.map { name in
      names.append(name)
      return names.count - 1
    }
    let timeColumn = state.time.map { name in
      names.append(name)
      return names.count - 1
    }
    self.init(
      options: state.options, fieldCount: names.count, names: names, delimiter: UInt8(ascii: ","),
      lineEnd: [UInt8(ascii: "\n")], groupColumn: groupColumn, timeColumn: timeColumn,
      smoothed: Array(state.columns.indices))
  }
}
