extension ExponentialAverage {
  /// Restores an average from its saved parts, or returns nil when they cannot belong to an
  /// average that ``update(with:elapsed:)`` and ``skip(elapsed:)`` produced.
  ///
  /// A reader of saved files checks each part first to name the bad one; this check is the
  /// boundary that keeps a bad part from reaching the recurrence at all:
  ///
  /// - β in [0, 1), the count in `0...limit` (so later steps cannot overflow it);
  /// - the weight finite and ≥ 0, and at most what the observations can weigh: the count from a
  ///   zero start (each weighs at most 1), 1 from the first observation (with a relative
  ///   tolerance of 1e-9 for rounding);
  /// - before the first observation, weight and average exactly zero.
  ///
  /// The average itself may be any value, infinities included: finite inputs can overflow it.
  ///
  /// - Parameters:
  ///   - beta: the saved ``beta``.
  ///   - start: the saved ``start``.
  ///   - corrected: the saved ``corrected`` average.
  ///   - weight: the saved ``weight``.
  ///   - count: the saved ``count``.
  ///   - limit: the largest count accepted.
  public init?(
    beta: Scalar, start: Start, corrected: Value, weight: Scalar, count: Int, limit: Int
  ) {
    guard beta >= 0, beta < 1, count >= 0, count <= limit, weight.isFinite, weight >= 0 else {
      return nil
    }
    let most: Scalar = start == .zero ? Scalar(count) : 1
    guard weight <= most * (1 + 1e-9) else { return nil }
    if count == 0 {
      var zero = true
      _ = corrected.mapElements { element in
        if element != 0 { zero = false }
        return element
      }
      guard weight == 0, zero else { return nil }
    }
    self.beta = beta
    self.start = start
    self._corrected = corrected
    self._weight = weight
    self._count = count
  }
}
