extension BinaryFloatingPoint {
  /// The square root of a value that is never negative (a mean of squares), in a form the
  /// compiler vectorizes.
  ///
  /// ```
  /// nonNegativeRoot(x) = √max(x, 0)
  /// ```
  ///
  /// On Linux `squareRoot()` is C's `sqrt`/`sqrtf`, which sets `errno` for a negative argument, so
  /// a loop that calls it stays scalar. Once the argument is clamped at 0 the call cannot set
  /// `errno`, and LLVM turns it into the vector square-root instruction. For every x ≥ 0, for -0
  /// and for NaN the result equals `squareRoot()` bit for bit; only a negative x, which a mean of
  /// squares never is, gives 0 instead of NaN.
  @inline(__always)
  var nonNegativeRoot: Self { (self < 0 ? 0 : self).squareRoot() }
}
