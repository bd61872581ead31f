import ArgumentParser
import EWA
import EWAIO

/// A comma-separated list of named choices, as `--optimizers gd,momentum,adam` and
/// `plot schedule --decay staircase,exponential` take it.
enum ChoiceList {
  /// The choices named in `text`, in order.
  ///
  /// - Parameters:
  ///   - text: the option's value.
  ///   - option: the option's name in messages, e.g. `--optimizers`.
  /// - Throws: `ValidationError` for an unknown name or a name given twice.
  static func parse<Choice: RawRepresentable & CaseIterable & Hashable>(
    _ text: String, option: String, as _: Choice.Type = Choice.self
  ) throws -> [Choice] where Choice.RawValue == String {
    let names = text.split(separator: ",", omittingEmptySubsequences: false)
    let choices = try names.map { name in
      guard let choice = Choice(rawValue: String(name)) else {
        let all = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError(
          "\(option): \(MessageText.quoted(String(name))) is not one of \(all).")
      }
      return choice
    }
    guard Set(choices).count == choices.count else {
      throw ValidationError("\(option) lists the same choice twice.")
    }
    return choices
  }
}
