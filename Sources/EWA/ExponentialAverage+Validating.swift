extension ExponentialAverage {
  /// Creates an average with nothing observed yet from a β that may be out of range, such as
  /// one read from a user: the throwing form of ``init(beta:zero:start:)``, whose range is a
  /// precondition.
  ///
  /// ```
  /// 0 ≤ β < 1        otherwise DecayError.betaOutOfRange(β); NaN and ±∞ are out of range
  /// ```
  ///
  /// - Parameters:
  ///   - beta: the decay factor to check.
  ///   - zero: the zero of `Value` (for a vector, a vector of zeros of the right length).
  ///   - start: ``Start/zero`` (bias-corrected, the default) or ``Start/first``.
  /// - Throws: ``DecayError/betaOutOfRange(_:)`` when `beta` is not in [0, 1).
  public init(validating beta: Scalar, zero: Value, start: Start = .zero) throws(DecayError) {
    guard beta >= 0, beta < 1 else { throw .betaOutOfRange(Double(beta)) }
    self.init(beta: beta, zero: zero, start: start)
  }
}

extension ExponentialAverage where Value: BinaryFloatingPoint, Value.Scalar == Value {
  /// Creates a scalar average from a β that may be out of range (see
  /// ``init(validating:zero:start:)``).
  ///
  /// - Throws: ``DecayError/betaOutOfRange(_:)`` when `beta` is not in [0, 1).
  public init(validating beta: Value, start: Start = .zero) throws(DecayError) {
    try self.init(validating: beta, zero: 0, start: start)
  }
}
