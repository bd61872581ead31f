import EWA
import EWAIO

/// The kernel's state as ``SmoothState`` groups: saved, restored, and carried over a block.
extension SmoothKernel {
  /// The state of group `g`.
  func groupState(_ g: Int) -> GroupState {
    GroupState(
      lastTime: lastTime[g], rows: rows[g],
      columns: (0..<width).map { k in
        let slot = g * width + k
        return ColumnState(
          observations: observations[slot], lastObservedTime: lastObserved[slot],
          tracks: Array(tracks[slot * decays..<(slot + 1) * decays]))
      })
  }

  /// Every group's state, keyed with `--group-by`.
  public var groups: [SmoothState.Group] {
    (0..<groupCount).map { g in
      SmoothState.Group(
        key: layout.groupColumn == nil ? nil : groupTable.keys[g], state: groupState(g))
    }
  }

  /// Replaces the state with a saved one, checked against the layout.
  ///
  /// - Throws: ``SmoothError/stateMismatch(path:what:saved:requested:)`` when it was saved for
  ///   other columns or options, ``SmoothError/stateCorrupt(path:reason:)`` when its groups do
  ///   not fit them.
  public mutating func restore(_ saved: SmoothState, path: String) throws(SmoothError) {
    try layout.state(groups: []).checkResumable(from: saved, path: path)
    let options = layout.options
    groupTable = GroupTable()
    tracks = []
    observations = []
    lastObserved = []
    lastTime = []
    rows = []
    for group in saved.groups {
      let valid =
        group.state.columns.count == width
        && group.state.columns.allSatisfy { column in
          column.tracks.count == decays
            && zip(column.tracks, options.decays).allSatisfy { track, decay in
              track.average.beta == decay.decay.beta
                && (track.standardDeviation != nil || track.average.count < 2
                  || !options.standardDeviation)
            }
        }
      guard valid, (group.key == nil) == (options.groupBy == nil) else {
        throw .stateCorrupt(path: path, reason: "its groups do not match its columns and decays")
      }
      if let key = group.key {
        let (index, added) = key.withUnsafeBufferPointer { groupTable.index(of: $0) }
        guard added else {
          throw .stateCorrupt(
            path: path,
            reason: "groups.\(groupCount).key: \(MessageText.quoted(bytes: key)) is the key of "
              + "groups.\(index) too")
        }
      }
      for column in group.state.columns {
        tracks.append(contentsOf: column.tracks)
        observations.append(column.observations)
        lastObserved.append(column.lastObservedTime)
      }
      lastTime.append(group.state.lastTime)
      rows.append(group.state.rows)
    }
    if options.groupBy == nil, groupCount == 0 { appendGroup() }
  }

  /// Composes onto this state that of `block`, a kernel of the same layout that folded the rows
  /// after this one's from nothing (``ExponentialAverage/carried(from:decay:)``): for each of the
  /// block's groups, each track's past decays over the block as the rows would have decayed it
  /// (β per row of the group, per observation with `--ignore-na`; with `--time`, by the time
  /// from the group's last row, or the column's last observation, before the block to the last
  /// in it), and the block's observations are added.
  ///
  /// The result equals folding the block's rows into this state up to rounding (a few units in
  /// the last place of the data's scale), `--std` included. Only averages from zero compose, not
  /// `--init first` (see ``ParallelSmoother/unsupported(_:)``). A block whose rows fail against
  /// this state (time going backwards across the edge, say) is carried all the same: its second
  /// pass reports the failure.
  public mutating func carry(_ block: SmoothKernel) {
    let options = layout.options
    for local in 0..<block.groupCount {
      var target = 0
      if layout.groupColumn != nil {
        let (index, added) = block.groupTable.keys[local].withUnsafeBufferPointer {
          groupTable.index(of: $0)
        }
        if added { appendGroup() }
        target = index
      }
      for k in 0..<width {
        let from = local * width + k
        let to = target * width + k
        let steps = options.ignoreMissing ? block.observations[from] : block.rows[local]
        observations[to] = observations[to].addingSaturated(block.observations[from])
        // With --time: the time the block spans for this track, from before it to its end.
        let span =
          options.ignoreMissing
          ? (lastObserved[to], block.lastObserved[from]) : (lastTime[target], block.lastTime[local])
        for d in 0..<decays {
          let after = block.tracks[from * decays + d]
          var elapsed = Double(steps)
          if layout.timeColumn != nil, let halflife = options.decays[d].timeHalflife {
            elapsed = 0
            if let start = span.0, let end = span.1 {
              elapsed = halflife.elapsed(from: start, to: end) ?? 0
            }
          }
          tracks[to * decays + d] = after.carried(
            from: tracks[to * decays + d], decay: after.average.decay(elapsed))
        }
        lastObserved[to] = block.lastObserved[from] ?? lastObserved[to]
      }
      lastTime[target] = block.lastTime[local] ?? lastTime[target]
      rows[target] = rows[target].addingSaturated(block.rows[local])
    }
    timesAreInstants = block.timesAreInstants ?? timesAreInstants
    rowsRead += block.rowsRead
  }
}
