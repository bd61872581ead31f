import ArgumentParser
import EWA
import EWAIO

/// Where an optimizer's path on a test surface starts and how long it runs (shared by
/// `trajectory` and `plot trajectory`).
enum PathOptions {
  /// The point `x,y` written in `text`, or `nil` unless it is two finite numbers.
  static func point(_ text: String) -> (Double, Double)? {
    let parts = text.split(separator: ",").compactMap { Double($0) }
    return parts.count == 2 && parts.allSatisfy(\.isFinite) ? (parts[0], parts[1]) : nil
  }

  /// Rejects a malformed `--start` or a negative `--steps`.
  static func check(start: String, steps: Int) throws {
    guard point(start) != nil else {
      throw ValidationError("--start must be two numbers x,y, got \(MessageText.quoted(start)).")
    }
    guard steps >= 0 else { throw ValidationError("--steps must be zero or more, got \(steps).") }
  }
}
