import Foundation

/// A hidden-layer activation function and its derivative.
public enum Activation: String, Codable, CaseIterable, Sendable {
  case relu
  case leakyRelu = "leaky-relu"
  case tanh
  case sigmoid

  /// The slope of leaky ReLU for negative inputs.
  public static let leak = 0.01

  /// g(z).
  @inline(__always)
  public func apply(_ z: Double) -> Double {
    switch self {
    case .relu: z > 0 ? z : 0
    case .leakyRelu: z > 0 ? z : Self.leak * z
    case .tanh: Foundation.tanh(z)
    case .sigmoid: 1 / (1 + exp(-z))
    }
  }

  /// g'(z), given z and a = g(z).
  @inline(__always)
  public func derivative(_ z: Double, _ a: Double) -> Double {
    switch self {
    case .relu: z > 0 ? 1 : 0
    case .leakyRelu: z > 0 ? 1 : Self.leak
    case .tanh: 1 - a * a
    case .sigmoid: a * (1 - a)
    }
  }

  /// The initialisation that suits this activation: He for the ReLU family, Xavier otherwise.
  public var preferredInitialization: Initialization {
    self == .relu || self == .leakyRelu ? .he : .xavier
  }
}
