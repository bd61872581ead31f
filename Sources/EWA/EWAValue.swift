/// A value an ``ExponentialAverage`` can average: a floating-point scalar or a vector of them.
///
/// Conformances supply only the element loop; the recurrence itself lives in
/// ``ExponentialAverage/blend(_:_:keep:gain:)`` and is applied element by element. The vector
/// conformance's loop is the only element loop over an average in the package: the plain
/// ``ExponentialAverage/update(with:elapsed:)`` and the fused optimizer steps
/// (``ExponentialAverage/update(with:observing:stepping:prepare:_:)``,
/// ``ExponentialAverage/update(first:second:with:stepping:_:)``) all run through it.
public protocol EWAValue: Codable, Equatable {
  /// The floating-point type of one element.
  associatedtype Scalar: BinaryFloatingPoint & Codable

  /// The number of elements (1 for a scalar).
  var elementCount: Int { get }

  /// Replaces every element `self[i]` with `body(self[i], other[i], i)`, in place, in order of
  /// `i`; the index lets a fused caller update other arrays at the same element in the same pass.
  ///
  /// - Precondition: `other.elementCount == elementCount`.
  mutating func combineElements(with other: Self, _ body: (Scalar, Scalar, Int) -> Scalar)

  /// Returns a value of the same shape whose elements are `body(self[i])`.
  func mapElements(_ body: (Scalar) -> Scalar) -> Self
}

extension Double: EWAValue {
  public typealias Scalar = Double
  @inlinable public var elementCount: Int { 1 }
  @inlinable public mutating func combineElements(
    with other: Double, _ body: (Double, Double, Int) -> Double
  ) {
    self = body(self, other, 0)
  }
  @inlinable public func mapElements(_ body: (Double) -> Double) -> Double { body(self) }
}

extension Float: EWAValue {
  public typealias Scalar = Float
  @inlinable public var elementCount: Int { 1 }
  @inlinable public mutating func combineElements(
    with other: Float, _ body: (Float, Float, Int) -> Float
  ) {
    self = body(self, other, 0)
  }
  @inlinable public func mapElements(_ body: (Float) -> Float) -> Float { body(self) }
}

extension Array: EWAValue where Element: BinaryFloatingPoint & Codable {
  public typealias Scalar = Element
  @inlinable public var elementCount: Int { count }

  @inlinable @inline(__always) public mutating func combineElements(
    with other: [Element], _ body: (Element, Element, Int) -> Element
  ) {
    precondition(other.count == count, "vector lengths differ: \(count) and \(other.count)")
    other.withUnsafeBufferPointer { x in
      withUnsafeMutableBufferPointer { v in
        for i in 0..<v.count { v[i] = body(v[i], x[i], i) }
      }
    }
  }

  @inlinable public func mapElements(_ body: (Element) -> Element) -> [Element] {
    map(body)
  }
}
