import EWAIO
import EWASmooth

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Smooth {
  /// `ewa smooth --describe`: reads the inputs through the smoother and prints
  /// ``SmoothDescription``'s table instead of the rows; no state is read or written.
  func describeColumns(_ options: SmoothOptions) throws {
    if let option = stateFiles.given {
      throw SmoothError.invalidOption("--describe reads and writes no state; drop \(option)")
    }
    let description = try SmoothDescription(options: options)
    for path in files.isEmpty ? ["-"] : files {
      let source =
        path == "-"
        ? FileDescriptorSource(name: "standard input", descriptor: STDIN_FILENO)
        : try FileDescriptorSource.open(path: path)
      defer { source.close() }
      try description.process(name: source.name, source: source)
    }
    let rows = try description.finish()
    try StandardOutput.print(SmoothDescription.table(rows), terminator: "")
  }
}
