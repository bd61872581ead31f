#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes every byte of `bytes` to `descriptor`, retrying interrupted and short writes: the one
/// write loop of the writers (atomic files, standard output and error, the smoother's output).
///
/// - Returns: 0 when everything was written, else the `errno` of the failed write (`EIO` when
///   the system wrote nothing and gave no error).
package func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
  var offset = 0
  while offset < bytes.count {
    #if canImport(Glibc)
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
    #else
      let written = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
    #endif
    if written > 0 {
      offset += written
    } else if written < 0 && errno == EINTR {
      continue
    } else {
      return written < 0 ? errno : EIO
    }
  }
  return 0
}
