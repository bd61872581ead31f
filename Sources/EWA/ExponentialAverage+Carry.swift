extension ExponentialAverage where Value: BinaryFloatingPoint, Value.Scalar == Value {
  /// The average of `prior`'s observations followed by this average's, where this average
  /// started empty and its steps decayed the past by `decay` in total: the recurrence composed
  /// over a block, so that blocks of a series can be averaged independently and then carried.
  ///
  /// Over a block the state maps as `V ↦ β^n·V + c`; in the weighted form of this type, with
  /// `D` the block's total decay (`β^n` for `n` regular steps, skipped ones included):
  ///
  /// ```
  /// k = D·W_prior
  /// V̂ = blend(V̂_prior, V̂_block, keep: k, gain: W_block) = (k·V̂_prior + W_block·V̂_block) / (k + W_block)
  /// W = k + W_block
  /// ```
  ///
  /// The result equals folding `prior`'s observations and then the block's into one average, up
  /// to rounding (a few units in the last place; not bit-identical). When both weights have
  /// decayed to zero, the block's average is the result, as the fold gives.
  ///
  /// - Parameters:
  ///   - prior: the average before the block (same β and start, ``Start/zero``).
  ///   - decay: the product of ``decay(_:)`` over every step of the block, skipped ones included.
  /// - Returns: the average after `prior` and then the block.
  public func carried(from prior: Self, decay: Scalar) -> Self {
    precondition(
      start == .zero && prior.start == .zero && beta == prior.beta,
      "only averages with the same β and the zero start compose")
    var result = prior
    let (sum, overflow) = prior._count.addingReportingOverflow(_count)
    result._count = overflow ? .max : sum
    guard _count > 0 else {
      // Only skipped steps: the past decays (as skip(elapsed:) does), nothing is added.
      if prior._count > 0 { result._weight = decay * prior._weight }
      return result
    }
    guard prior._count > 0 else {
      result._corrected = _corrected
      result._weight = _weight
      return result
    }
    let keep = decay * prior._weight
    // Both weights may have decayed to nothing (β = 0, or an underflow, with the block ending in
    // missing steps): the block's observations weighed last, so its average stands, as in the
    // sequential fold (blending with no weight at all would be 0/0).
    result._corrected =
      keep + _weight > 0
      ? Self.blend(prior._corrected, _corrected, keep: keep, gain: _weight) : _corrected
    result._weight = keep + _weight
    return result
  }
}
