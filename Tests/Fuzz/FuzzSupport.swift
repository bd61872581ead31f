import EWAIO
import EWA

#if canImport(Glibc)
  import Glibc
#endif

/// Checks that a thrown error is a categorized, one-line sentence; aborts (a fuzzer finding)
/// otherwise.
func checkError(_ error: any Error) {
  guard let categorized = error as? any CategorizedError else {
    fatalError("an error that is not a CategorizedError: \(error)")
  }
  let text = categorized.description
  if text.isEmpty || text.contains("\n") || text.contains("\r") {
    fatalError("an error message that is not one line: \(text.debugDescription)")
  }
}

/// Writes `bytes` to a file of its own under the temporary directory and returns its path.
func temporaryFile(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> String {
  let path = "/tmp/ewa-fuzz-\(getpid())-\(name)"
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  precondition(descriptor >= 0, "cannot create \(path)")
  var written = 0
  while written < bytes.count {
    let n = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
    precondition(n > 0, "cannot write \(path)")
    written += n
  }
  close(descriptor)
  return path
}
