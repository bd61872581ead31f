/// The averager's vector API for optimizers: one fused pass over the elements that folds a
/// gradient into one or two averages and hands each element's new averages to the optimizer's
/// own update of the parameter at that index.
///
/// The pass is ``EWAValue/combineElements(with:_:)`` of the average's vector, the same loop as
/// ``ExponentialAverage/update(with:elapsed:)``, and the averages are blended by
/// ``ExponentialAverage/blend(_:_:keep:gain:)``, so a fused step leaves the averages bit for bit
/// as the plain update does. The caller sees only element values, never the averager's storage,
/// and cannot advance an average without blending every element.
extension ExponentialAverage {
  /// One fused step of a one-moment optimizer (momentum, RMSProp): folds `observe(dW[i])` into
  /// the average and calls `body(&w[i], v̂[i], dW[i], c)` for every element in the same pass,
  /// where `c = prepare(self)` is read once after the average advanced (its bias factor, say).
  ///
  /// ```
  /// c = prepare(self after the step)
  /// v̂[i] = blend(v̂[i], observe(dW[i]), keep, gain);  body(&w[i], v̂[i], dW[i], c)
  /// ```
  ///
  /// - Parameters:
  ///   - gradient: `dW`, one value per element of the average.
  ///   - observe: what is averaged of each gradient element (`{ $0 }`, `{ $0 * $0 }`).
  ///   - parameters: `W`, updated in place by `body`, of the same length.
  ///   - prepare: reads the advanced average once per step (before any element is blended).
  ///   - body: the optimizer's update of one parameter from its new average.
  /// - Precondition: the parameters, the gradient and the average have the same length.
  /// - Complexity: O(n), one pass, in place, without allocating.
  @inlinable @inline(__always)
  public mutating func update<Element, Context>(
    with gradient: [Element], observing observe: (Element) -> Element,
    stepping parameters: inout [Element], prepare: (Self) -> Context,
    _ body: (_ parameter: inout Element, _ average: Element, _ gradient: Element, Context) -> Void
  ) where Value == [Element] {
    Self.checkLengths(parameters: parameters.count, gradient: gradient.count, _corrected.count)
    let (keep, gain) = advance()
    let context = prepare(self)
    parameters.withUnsafeMutableBufferPointer { w in
      _corrected.combineElements(with: gradient) { v, g, i in
        let average = Self.blend(v, observe(g), keep: keep, gain: gain)
        body(&w[i], average, g, context)
        return average
      }
    }
  }

  /// One fused step of a two-moment optimizer (Adam and its variants): folds `dW` into `first`
  /// and `dW²` into `second`, and calls `body(&w[i], V̂[i], Ŝ[i], i)` for every element in the
  /// same pass.
  ///
  /// ```
  /// V̂[i] = blend(V̂[i], dW[i], keep1, gain1)
  /// Ŝ[i] = blend(Ŝ[i], dW[i]², keep2, gain2);   body(&w[i], V̂[i], Ŝ[i], i)
  /// ```
  ///
  /// - Parameters:
  ///   - first: the first moment, the average of the gradients.
  ///   - second: the second moment, the average of their squares.
  ///   - gradient: `dW`, one value per element.
  ///   - parameters: `W`, updated in place by `body`, of the same length.
  ///   - body: the optimizer's update of one parameter from its new moments; the index lets it
  ///     keep more state per element (AMSGrad's maximum).
  /// - Precondition: the parameters, the gradient and both moments have the same length.
  /// - Complexity: O(n), one pass, in place, without allocating.
  @inlinable @inline(__always)
  public static func update<Element>(
    first: inout Self, second: inout Self, with gradient: [Element],
    stepping parameters: inout [Element],
    _ body: (_ parameter: inout Element, _ first: Element, _ second: Element, _ index: Int) -> Void
  ) where Value == [Element] {
    checkLengths(parameters: parameters.count, gradient: gradient.count, first._corrected.count)
    checkLengths(parameters: parameters.count, gradient: gradient.count, second._corrected.count)
    let (keep1, gain1) = first.advance()
    let (keep2, gain2) = second.advance()
    parameters.withUnsafeMutableBufferPointer { w in
      second._corrected.withUnsafeMutableBufferPointer { s in
        first._corrected.combineElements(with: gradient) { m, g, i in
          let mi = blend(m, g, keep: keep1, gain: gain1)
          let si = blend(s[i], g * g, keep: keep2, gain: gain2)
          s[i] = si
          body(&w[i], mi, si, i)
          return mi
        }
      }
    }
  }

  /// The coefficients and bias factor that the next step would use, without taking it: for a
  /// look-ahead (Nesterov) that blends the gradient in once more.
  ///
  /// The copy shares the vector buffer and only its scalars change, so nothing is allocated.
  @inlinable
  public var nextStep: (keep: Scalar, gain: Scalar, biasFactor: Scalar) {
    var next = self
    let (keep, gain) = next.advance()
    return (keep, gain, next.biasFactor)
  }

  /// Refuses a fused step over vectors of different lengths. A saved optimizer's moments are
  /// validated on load, so this can only fail for a program error, never for a file's contents.
  @inlinable @inline(__always)
  static func checkLengths(parameters: Int, gradient: Int, _ average: Int) {
    precondition(parameters == gradient, "parameter and gradient lengths differ")
    precondition(
      average == parameters, "the optimizer was made for \(average) parameters, not \(parameters)")
  }
}
