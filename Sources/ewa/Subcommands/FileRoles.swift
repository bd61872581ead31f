import EWA
import EWAIO
import EWATrain
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files one run reads and writes, for ``PathConflict/check(_:)``: no output of a run may
/// name the same file as one of its inputs or another of its outputs (exit 64).
enum FileRoles {
  /// `path` read as `option`; nothing for `nil` or standard input.
  static func input(_ option: String, _ path: String?) -> [PathConflict.Role] {
    path.map { [PathConflict.Role(option, $0, isOutput: false)] } ?? []
  }

  /// `path` written as `option`.
  static func output(_ option: String, _ path: String?) -> [PathConflict.Role] {
    path.map { [PathConflict.Role(option, $0, isOutput: true)] } ?? []
  }

  /// A training history written as `option`: the epoch file and its `-batches.csv` sibling.
  static func history(_ option: String, _ path: String?) -> [PathConflict.Role] {
    guard let path else { return [] }
    if AtomicFile.writesThrough(path) { return output(option, path) }
    return [
      PathConflict.Role(option, path, isOutput: true),
      PathConflict.Role(
        "\(option)'s batch file", TrainingHistory.batchPath(for: path), isOutput: true),
    ]
  }

  /// Fails with exit 64 and a sentence naming both options when two roles name one file.
  /// Standard output counts as an output when it is redirected to a regular file
  /// (`ewa smooth d.csv >> d.csv` would otherwise grow its own input).
  static func check(_ roles: [PathConflict.Role]...) throws(PathConflict) {
    try PathConflict.check(roles.flatMap { $0 } + standardOutput)
  }

  /// Standard output as a role, when it is a regular file (named by its path if known).
  static var standardOutput: [PathConflict.Role] {
    var info = stat()
    guard fstat(STDOUT_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [] }
    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/1"))
    return output("standard output", target ?? "/dev/stdout")
  }
}

extension DataOptions {
  /// The CSV dataset read as `--dataset`, if it is one.
  var inputRoles: [PathConflict.Role] {
    synthetic == nil ? FileRoles.input("--dataset", dataset) : []
  }
}
