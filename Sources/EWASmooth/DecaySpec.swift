import EWA
import EWAIO

/// One decay requested on the command line, with the column-name suffix it produces.
///
/// The suffix keeps the number exactly as the user wrote it: `--beta 0.9` gives `_ewa_0.9`,
/// `--alpha 0.1` `_ewa_alpha0.1`, `--span 10` `_ewa_span10`, `--com 9` `_ewa_com9`, `--halflife 6h`
/// `_ewa_hl6h`.
public struct DecaySpec: Codable, Equatable, Sendable {
  /// How the decay was given.
  public enum Form: String, Codable, Sendable, CaseIterable {
    case beta, alpha, span, com, halflife
  }

  public let form: Form
  /// The number as written.
  public let text: String
  /// The per-step decay (for a time half-life, β = 1/2 per half-life).
  public let decay: Decay
  /// For a half-life with `--time`: the half-life as a duration; the past then decays by
  /// `(1/2)^(Δt / halflife)`.
  public let timeHalflife: TimeSpan?

  /// The suffix of the output columns: `0.9`, `alpha0.1`, `span10`, `com9`, `hl6h`.
  public var suffix: String {
    switch form {
    case .beta: text
    case .alpha: "alpha" + text
    case .span: "span" + text
    case .com: "com" + text
    case .halflife: "hl" + text
    }
  }

  /// Parses a comma-separated list of decays.
  ///
  /// - Parameters:
  ///   - list: e.g. `0.5,0.9,0.98` or `6h,1d`.
  ///   - form: which option the list was given to.
  ///   - timed: whether a `--time` column is given; a half-life is then a duration.
  /// - Throws: ``SmoothError/invalidOption(_:)`` with a full sentence for a malformed or
  ///   out-of-range value.
  public static func parseList(_ list: String, form: Form, timed: Bool) throws(SmoothError)
    -> [DecaySpec]
  {
    let items = list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var specs: [DecaySpec] = []
    for item in items {
      let text = item.trimmingBlanks
      guard !text.isEmpty else {
        throw .invalidOption(
          "--\(form.rawValue) \(MessageText.inline(list)): an empty value in the list")
      }
      specs.append(try parse(text, form: form, timed: timed))
    }
    return specs
  }

  private static func parse(_ text: String, form: Form, timed: Bool) throws(SmoothError)
    -> DecaySpec
  {
    if form == .halflife, timed {
      guard let span = TimeSpan.parse(text) else {
        throw .invalidOption(
          "--halflife \(MessageText.inline(text)) is not a positive duration of at most 100000d (such as 90s, 30min, "
            + "6h, 4d) nor a positive number")
      }
      return DecaySpec(form: form, text: text, decay: try! Decay.beta(0.5), timeHalflife: span)
    }
    var bytes = Array(text.utf8)
    guard let value = bytes.withUnsafeMutableBufferPointer({ NumberText.parse(.init($0)) }) else {
      if form == .halflife, TimeSpan.parse(text)?.hasUnit == true {
        throw .invalidOption(
          "--halflife \(MessageText.inline(text)) is a duration; give the timestamp column with --time"
        )
      }
      throw .invalidOption("--\(form.rawValue) \(MessageText.notANumber(text))")
    }
    do {
      let decay: Decay =
        switch form {
        case .beta: try Decay.beta(value)
        case .alpha: try Decay.alpha(value)
        case .span: try Decay.span(value)
        case .com: try Decay.centerOfMass(value)
        case .halflife: try Decay.halflife(value)
        }
      return DecaySpec(form: form, text: text, decay: decay, timeHalflife: nil)
    } catch {
      throw .invalidOption("--\(form.rawValue) \(MessageText.inline(text)): \(error.description)")
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  var trimmingBlanks: String {
    var scalars = Substring(self)
    while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
    while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}
