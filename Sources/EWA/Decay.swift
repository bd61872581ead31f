import Foundation

/// How fast an exponentially weighted average forgets, given in any of the ways pandas accepts.
///
/// pandas reduces every form to a centre of mass and then to `α = 1/(1 + com)`; this type does
/// the same arithmetic, so a decay given here as α, span, com or half-life yields bit for bit the
/// β pandas uses for the same argument:
///
/// ```
/// β    = 1 - α
/// α    = 2 / (span + 1)                  span ≥ 1
/// α    = 1 / (1 + com)                   com ≥ 0
/// α    = 1 - exp(ln(1/2) / halflife)     halflife > 0
/// ```
///
/// Matches `pandas.core.window.ewm.get_center_of_mass`.
public struct Decay: Codable, Equatable, Hashable, Sendable {
  /// The centre of mass `com = (1-α)/α = β/(1-β)`, the form every other one is reduced to.
  public let centerOfMass: Double

  /// The weight of a new observation, `α = 1/(1 + com)`.
  public var alpha: Double { 1 / (1 + centerOfMass) }
  /// The weight the past keeps at each step, `β = 1 - α`.
  public var beta: Double { 1 - alpha }
  /// The effective window `1/(1-β)`.
  public var window: Double { 1 / alpha }

  private init(centerOfMass: Double) { self.centerOfMass = centerOfMass }

  /// A decay given as β in [0, 1).
  public static func beta(_ beta: Double) throws(DecayError) -> Decay {
    guard beta.isFinite, beta >= 0, beta < 1 else { throw .betaOutOfRange(beta) }
    return try alpha(1 - beta)
  }

  /// A decay given as α = 1 - β in (0, 1].
  public static func alpha(_ alpha: Double) throws(DecayError) -> Decay {
    guard alpha.isFinite, alpha > 0, alpha <= 1 else { throw .alphaOutOfRange(alpha) }
    return Decay(centerOfMass: (1 - alpha) / alpha)
  }

  /// A decay given as a span ≥ 1: α = 2/(span + 1).
  public static func span(_ span: Double) throws(DecayError) -> Decay {
    guard span.isFinite, span >= 1 else { throw .spanOutOfRange(span) }
    return Decay(centerOfMass: (span - 1) / 2)
  }

  /// A decay given as a centre of mass ≥ 0: α = 1/(1 + com).
  public static func centerOfMass(_ com: Double) throws(DecayError) -> Decay {
    guard com.isFinite, com >= 0 else { throw .centerOfMassOutOfRange(com) }
    return Decay(centerOfMass: com)
  }

  /// A decay given as a half-life > 0, in steps: α = 1 - exp(ln(1/2) / halflife).
  public static func halflife(_ halflife: Double) throws(DecayError) -> Decay {
    guard halflife.isFinite, halflife > 0 else { throw .halflifeOutOfRange(halflife) }
    let alpha = 1 - exp(log(0.5) / halflife)
    return Decay(centerOfMass: 1 / alpha - 1)
  }
}

/// A decay parameter outside its domain.
public enum DecayError: Error, Equatable, Sendable, CustomStringConvertible {
  case betaOutOfRange(Double)
  case alphaOutOfRange(Double)
  case spanOutOfRange(Double)
  case centerOfMassOutOfRange(Double)
  case halflifeOutOfRange(Double)

  public var description: String {
    switch self {
    case .betaOutOfRange(let v): "beta must be at least 0 and less than 1, got \(v)"
    case .alphaOutOfRange(let v): "alpha must be greater than 0 and at most 1, got \(v)"
    case .spanOutOfRange(let v): "span must be at least 1, got \(v)"
    case .centerOfMassOutOfRange(let v): "com must be at least 0, got \(v)"
    case .halflifeOutOfRange(let v): "halflife must be greater than 0, got \(v)"
    }
  }
}
