import EWA

extension ExponentialAverage {
  /// One fused step of a single-moment optimizer: folds `observe(dW[i])` into the average and
  /// calls `body(&w[i], v̂[i], dW[i], c)` for every element, in the same pass, where
  /// `c = prepare(self)` is read once after the averager advanced (its bias factor, say).
  ///
  /// ```
  /// (keep, gain) = advance();  c = prepare(self)
  /// v̂[i] = blend(v̂[i], observe(dW[i]), keep, gain);  body(&w[i], v̂[i], dW[i], c)
  /// ```
  ///
  /// - Complexity: O(n), in place, without allocating.
  @inline(__always)
  mutating func step<Element, Context>(
    _ parameters: inout [Element], gradient: [Element], observe: (Element) -> Element,
    prepare: (Self) -> Context, _ body: (inout Element, Element, Element, Context) -> Void
  ) where Value == [Element] {
    precondition(parameters.count == gradient.count, "parameter and gradient lengths differ")
    let (keep, gain) = advance()
    let context = prepare(self)
    gradient.withUnsafeBufferPointer { g in
      parameters.withUnsafeMutableBufferPointer { w in
        withUnsafeMutableCorrected { v in
          precondition(v.count == w.count, "the optimizer was made for \(v.count) parameters")
          for i in 0..<w.count {
            let vi = Self.blend(v[i], observe(g[i]), keep: keep, gain: gain)
            v[i] = vi
            body(&w[i], vi, g[i], context)
          }
        }
      }
    }
  }
}

extension ExponentialAverage {
  /// The coefficients and bias factor that the NEXT step would use, without taking it: for a
  /// look-ahead (Nesterov) that blends the gradient in once more.
  ///
  /// The copy shares the vector buffer and only its scalars change, so nothing is allocated.
  static func peek(_ average: ExponentialAverage) -> (keep: Scalar, gain: Scalar, bias: Scalar) {
    var next = average
    let (keep, gain) = next.advance()
    return (keep, gain, next.biasFactor)
  }
}
