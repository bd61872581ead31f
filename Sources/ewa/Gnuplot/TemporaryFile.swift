import EWA
import EWAIO
import EWAPlot
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file of `ewa`'s own in `$TMPDIR` (gnuplot's script, its messages, the image it draws):
/// created new and private (mode 0600, never through an existing name), registered with
/// ``InterruptCleanup`` from before it exists until ``remove()``.
struct TemporaryFile {
  /// The file's path, which a gnuplot script can name exactly.
  let path: String
  private let token: InterruptCleanup.Token?

  /// Creates an empty file (or one holding `contents`) named `ewa-gnuplot-<pid>-<random><suffix>`.
  ///
  /// - Throws: ``PlotError`` (I/O) naming the directory when it cannot be created or written.
  init(suffix: String, contents: [UInt8] = []) throws(PlotError) {
    var directory = FileManager.default.temporaryDirectory.path
    if GnuplotText.unsupportedCharacter(in: directory) != nil { directory = "/tmp" }
    if directory.hasSuffix("/") { directory.removeLast() }
    var attempt = 0
    while true {
      let name = "ewa-gnuplot-\(getpid())-\(UInt64.random(in: 0...UInt64.max))\(suffix)"
      let path = directory + "/" + name
      let token = InterruptCleanup.register(file: path)
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor < 0 {
        let code = errno
        InterruptCleanup.unregister(token)
        attempt += 1
        if code == EEXIST && attempt < 10 { continue }
        throw PlotError(
          kind: .io,
          message:
            "cannot create a temporary file in \(MessageText.inline(directory)): "
            + String(cString: strerror(code)))
      }
      var failure = GnuplotRunner.writeAll(contents, to: descriptor)
      if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
      if let failure {
        unlink(path)
        InterruptCleanup.unregister(token)
        throw PlotError(
          kind: .io,
          message:
            "cannot write a temporary file in \(MessageText.inline(directory)): \(failure)")
      }
      self.path = path
      self.token = token
      return
    }
  }

  /// Removes the file and its registration.
  func remove() {
    unlink(path)
    InterruptCleanup.unregister(token)
  }
}
