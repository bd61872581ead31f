import ArgumentParser
import EWATrain

/// A comma-separated list of optimizers, as `--optimizers gd,momentum,adam` takes it (shared by
/// `compare` and `plot trajectory`).
enum OptimizerList {
  /// The optimizers named in `text`, in order.
  ///
  /// - Throws: `ValidationError` for an unknown name or a name given twice.
  static func parse(_ text: String) throws -> [OptimizerKind] {
    let names = text.split(separator: ",", omittingEmptySubsequences: false)
    let kinds = try names.map { name in
      guard let kind = OptimizerKind(rawValue: String(name)) else {
        throw ValidationError(
          "--optimizers: \"\(name)\" is not one of \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", "))."
        )
      }
      return kind
    }
    guard Set(kinds).count == kinds.count else {
      throw ValidationError("--optimizers lists an optimizer twice.")
    }
    return kinds
  }
}
