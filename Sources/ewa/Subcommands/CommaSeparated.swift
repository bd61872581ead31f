import ArgumentParser
import EWAIO

/// An option's value read as a comma-separated list of `Element`s, once, when the command line is
/// parsed: `--optimizers gd,adam`, `--lr 0.001,0.01`, `--layers 5,2`.
///
/// Reading never fails: each item keeps its text and its value (nil when it does not read as an
/// `Element`), so that the command's `validate()` states what is wrong in its own sentence (the
/// option, the item, the choices) instead of ArgumentParser's generic "invalid value".
struct CommaSeparated<Element: ExpressibleByArgument>: ExpressibleByArgument,
  CustomStringConvertible
{
  /// One item of the list: its text and what it reads as.
  struct Item {
    let text: String
    let value: Element?
  }

  /// The option's text as given.
  let text: String
  /// The items in order; an empty text or two adjacent commas give an empty item.
  let items: [Item]

  /// Splits `argument` at every comma and reads each item with `Element(argument:)`.
  init(argument: String) {
    text = argument
    items = argument.split(separator: ",", omittingEmptySubsequences: false).map {
      Item(text: String($0), value: Element(argument: String($0)))
    }
  }

  /// The values of the items that read (all of them when ``firstInvalid`` is nil).
  var values: [Element] { items.compactMap(\.value) }

  /// The first item that does not read as an `Element`, or nil.
  var firstInvalid: Item? { items.first { $0.value == nil } }

  /// The text, shown as the default in `--help`.
  var description: String { text }
}

extension CommaSeparated
where
  Element: RawRepresentable & CaseIterable & Hashable,
  Element.RawValue == String
{
  /// The choices named, in order.
  ///
  /// - Parameter option: the option's name in messages, e.g. `--optimizers`.
  /// - Throws: `ValidationError` for an unknown name or a name given twice.
  func choices(option: String) throws -> [Element] {
    if let item = firstInvalid {
      let all = Element.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("\(option): \(MessageText.quoted(item.text)) is not one of \(all).")
    }
    guard Set(values).count == values.count else {
      throw ValidationError("\(option) lists the same choice twice.")
    }
    return values
  }
}
