import ArgumentParser
import EWA
import EWAIO

/// A point `x,y` of the plane as an option's value (`--start -1.5,2`), read once when the command
/// line is parsed.
///
/// Reading never fails, so that `validate()` refuses a malformed point in the command's own
/// sentence: ``coordinates`` is nil unless the text is exactly two finite numbers.
struct PlanePoint: ExpressibleByArgument, CustomStringConvertible {
  /// The option's text as given.
  let text: String
  /// The point, or nil when the text is not two finite numbers separated by a comma.
  let coordinates: (x: Double, y: Double)?

  init(argument: String) {
    text = argument
    let numbers = CommaSeparated<Double>(argument: argument)
    let values = numbers.values
    coordinates =
      numbers.firstInvalid == nil && values.count == 2 && values.allSatisfy(\.isFinite)
      ? (values[0], values[1]) : nil
  }

  /// The text, shown as the default in `--help`.
  var description: String { text }
}

/// Where an optimizer's path on a test surface starts and how long it runs (shared by
/// `trajectory` and `plot trajectory`).
enum PathOptions {
  /// Rejects a malformed `--start` or a negative `--steps`.
  static func check(start: PlanePoint, steps: Int) throws {
    guard start.coordinates != nil else {
      throw ValidationError(
        "--start must be two numbers x,y, got \(MessageText.quoted(start.text)).")
    }
    guard steps >= 0 else { throw ValidationError("--steps must be zero or more, got \(steps).") }
  }
}
