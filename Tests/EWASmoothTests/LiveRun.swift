import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ewa` running with its standard input and output on pipes, fed and read step by step: for
/// checking that a row comes out while the input is still open (a live pipe).
final class LiveRun {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()

  /// Starts `ewa` with `arguments`.
  init(_ arguments: [String]) throws {
    process.executableURL = ewaBinary
    process.arguments = arguments
    process.standardInput = input
    process.standardOutput = output
    try process.run()
  }

  /// Closes the input and waits for the process to end.
  deinit {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  /// Sends `text` without closing the input.
  func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

  /// What the process prints until it ends with `suffix`, its output ends, or `seconds` pass.
  func read(until suffix: String, seconds: Double = 5) -> String {
    let descriptor = output.fileHandleForReading.fileDescriptor
    var received: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !String(decoding: received, as: UTF8.self).hasSuffix(suffix) {
      let left = deadline.timeIntervalSinceNow
      if left <= 0 { break }
      var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      if poll(&ready, 1, Int32(left * 1000)) <= 0 { break }
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 4096) }
      if count <= 0 { break }
      received += buffer[..<count]
    }
    return String(decoding: received, as: UTF8.self)
  }
}
