/// A value an ``ExponentialAverage`` can average: a floating-point scalar or a vector of them.
///
/// Conformances supply only the element loop; the recurrence itself lives in
/// ``ExponentialAverage/blend(_:_:keep:gain:)`` and is applied element by element.
public protocol EWAValue: Codable, Equatable {
  /// The floating-point type of one element.
  associatedtype Scalar: BinaryFloatingPoint & Codable

  /// The number of elements (1 for a scalar).
  var elementCount: Int { get }

  /// Replaces every element `self[i]` with `body(self[i], other[i])`, in place.
  ///
  /// - Precondition: `other.elementCount == elementCount`.
  mutating func combineElements(with other: Self, _ body: (Scalar, Scalar) -> Scalar)

  /// Returns a value of the same shape whose elements are `body(self[i])`.
  func mapElements(_ body: (Scalar) -> Scalar) -> Self
}

extension Double: EWAValue {
  public typealias Scalar = Double
  @inlinable public var elementCount: Int { 1 }
  @inlinable public mutating func combineElements(
    with other: Double, _ body: (Double, Double) -> Double
  ) {
    self = body(self, other)
  }
  @inlinable public func mapElements(_ body: (Double) -> Double) -> Double { body(self) }
}

extension Float: EWAValue {
  public typealias Scalar = Float
  @inlinable public var elementCount: Int { 1 }
  @inlinable public mutating func combineElements(
    with other: Float, _ body: (Float, Float) -> Float
  ) {
    self = body(self, other)
  }
  @inlinable public func mapElements(_ body: (Float) -> Float) -> Float { body(self) }
}

extension Array: EWAValue where Element: BinaryFloatingPoint & Codable {
  public typealias Scalar = Element
  @inlinable public var elementCount: Int { count }

  @inlinable public mutating func combineElements(
    with other: [Element], _ body: (Element, Element) -> Element
  ) {
    precondition(other.count == count, "vector lengths differ: \(count) and \(other.count)")
    other.withUnsafeBufferPointer { x in
      withUnsafeMutableBufferPointer { v in
        for i in v.indices { v[i] = body(v[i], x[i]) }
      }
    }
  }

  @inlinable public func mapElements(_ body: (Element) -> Element) -> [Element] {
    map(body)
  }
}
