import EWAIO
import EWASmooth

extension DecaySpec {
  /// The legend entry: `β = 0.9`, `α = 0.1`, `span 10`, `com 9` or `half-life 6h`.
  public var legend: String {
    switch form {
    case .beta: "β = \(text)"
    case .alpha: "α = \(text)"
    case .span: "span \(text)"
    case .com: "com \(text)"
    case .halflife: "half-life \(text)"
    }
  }
}
