import Foundation

/// How many rows a mini-batch holds: a number, or `m` (all of them: batch gradient descent).
///
/// The notes' three regimes are `1` (stochastic), a power of two such as `64` (mini-batch) and
/// `m` (batch); `all` is read as `m`.
public enum BatchSize: Hashable, Sendable, CustomStringConvertible {
  /// This many rows per batch (at least 1).
  case rows(Int)
  /// Every training row in one batch.
  case all

  /// Reads `m`, `all` or a whole number of at least 1, blanks around it allowed; nil otherwise.
  public init?(text: String) {
    let text = text.trimmingCharacters(in: .whitespaces)
    if text == "m" || text == "all" {
      self = .all
    } else if let rows = Int(text), rows >= 1 {
      self = .rows(rows)
    } else {
      return nil
    }
  }

  /// The rows per batch on a training set of `count` rows.
  public func rows(of count: Int) -> Int {
    switch self {
    case .rows(let rows): rows
    case .all: count
    }
  }

  /// `m` or the number, as the option takes it.
  public var description: String {
    switch self {
    case .rows(let rows): "\(rows)"
    case .all: "m"
    }
  }
}
