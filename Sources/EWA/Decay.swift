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
    return try forgetting(Decay(centerOfMass: (1 - alpha) / alpha), .alpha(alpha))
  }

  /// A decay given as a span ≥ 1: α = 2/(span + 1).
  public static func span(_ span: Double) throws(DecayError) -> Decay {
    guard span.isFinite, span >= 1 else { throw .spanOutOfRange(span) }
    return try forgetting(Decay(centerOfMass: (span - 1) / 2), .span(span))
  }

  /// A decay given as a centre of mass ≥ 0: α = 1/(1 + com).
  public static func centerOfMass(_ com: Double) throws(DecayError) -> Decay {
    guard com.isFinite, com >= 0 else { throw .centerOfMassOutOfRange(com) }
    return try forgetting(Decay(centerOfMass: com), .centerOfMass(com))
  }

  /// A decay given as a half-life > 0, in steps: α = 1 - exp(ln(1/2) / halflife).
  public static func halflife(_ halflife: Double) throws(DecayError) -> Decay {
    guard halflife.isFinite, halflife > 0 else { throw .halflifeOutOfRange(halflife) }
    let alpha = 1 - exp(log(0.5) / halflife)
    return try forgetting(Decay(centerOfMass: 1 / alpha - 1), .halflife(halflife))
  }

  /// The decays whose β rounds to 1 in a double (α below about 1.1e-16) never forget: every
  /// average would stay at its first value. The stated limits leave a margin of ten.
  private static func forgetting(_ decay: Decay, _ given: DecayError.Given) throws(DecayError)
    -> Decay
  {
    guard decay.centerOfMass.isFinite, decay.alpha > 0, decay.beta < 1 else {
      throw .neverForgets(given)
    }
    return decay
  }
}

/// A decay parameter outside its domain.
public enum DecayError: Error, Equatable, Sendable, CustomStringConvertible {
  case betaOutOfRange(Double)
  case alphaOutOfRange(Double)
  case spanOutOfRange(Double)
  case centerOfMassOutOfRange(Double)
  case halflifeOutOfRange(Double)
  /// A decay so slow that β rounds to 1.
  case neverForgets(Given)

  /// The decay as it was given, for ``neverForgets(_:)``.
  public enum Given: Equatable, Sendable {
    case alpha(Double), span(Double), centerOfMass(Double), halflife(Double)
  }

  public var description: String {
    switch self {
    case .betaOutOfRange(let v): "beta must be at least 0 and less than 1, got \(v)"
    case .alphaOutOfRange(let v): "alpha must be greater than 0 and at most 1, got \(v)"
    case .spanOutOfRange(let v): "span must be at least 1, got \(v)"
    case .centerOfMassOutOfRange(let v): "com must be at least 0, got \(v)"
    case .halflifeOutOfRange(let v): "halflife must be greater than 0, got \(v)"
    case .neverForgets(let given):
      "the decay rounds to β = 1, which never forgets; use "
        + {
          switch given {
          case .alpha: "an alpha of at least 1e-15"
          case .span: "a span of at most 2e15"
          case .centerOfMass: "a center of mass of at most 1e15"
          case .halflife: "a half-life of at most 6e14 steps"
          }
        }()
    }
  }
}
