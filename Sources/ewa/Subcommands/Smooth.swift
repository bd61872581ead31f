import ArgumentParser
import EWA
import EWAIO
import EWASmooth

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ewa smooth`: a streaming, pandas-exact exponentially weighted average of CSV columns.
struct Smooth: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Add exponentially weighted averages of CSV columns, streaming (pandas ewm semantics).",
    discussion: """
      Reads CSV (comma, tab, semicolon or \\x01, detected) from the files or standard input and \
      writes every row with one new column per smoothed column and decay, named \
      <column>_ewa_<decay>. \\N is a missing cell, as in Hive and Spark text rows.
      """)

  @Argument(
    help: "Input files; none or \"-\" reads standard input.",
    completion: .file(extensions: ["csv"]))
  var files: [String] = []

  @OptionGroup var decay: DecayOptions

  @Option(
    help: ArgumentHelp(
      "A column to smooth, by name or 1-based index (repeatable).", valueName: "name|index"))
  var column: [String] = []
  @Option(
    help: ArgumentHelp(
      "How the average starts: corrected (pandas adjust=True), zero (the raw V_t from 0), "
        + "first (V_1 = θ_1, pandas adjust=False)."))
  var `init`: SmoothOptions.Initial = .corrected
  @Flag(help: "Skip missing cells entirely (pandas ignore_na=True).")
  var ignoreNa = false
  @Flag(help: "Also output the exponentially weighted standard deviation.")
  var std = false
  @Option(help: ArgumentHelp("Leave the output empty until N observations.", valueName: "n"))
  var minPeriods = 0
  @Option(help: ArgumentHelp("An independent average per value of this column.", valueName: "name"))
  var groupBy: String?
  @Option(
    help: ArgumentHelp(
      "The timestamp column for decay by elapsed time (needs --halflife).", valueName: "name"))
  var time: String?
  @OptionGroup var stateFiles: StateOptions
  @Option(
    help: ArgumentHelp(
      "The field delimiter: one character, tab, comma, semicolon, pipe, space, ctrl-a, \\t, "
        + "\\xHH or \\NNN octal (default: detected among , tab ; and ctrl-a).", valueName: "c"))
  var delimiter: String?
  @Flag(help: "The input has no header line.")
  var noHeader = false
  @Flag(help: "Overwrite the smoothed column instead of adding one (single decay).")
  var replace = false
  @Option(help: "What a non-numeric cell does: fail, or skip (treat as missing and count).")
  var onBadValue: SmoothOptions.BadValuePolicy = .fail
  @Option(
    help: ArgumentHelp(
      "Threads for one regular file, smoothed in blocks whose states are carried one onto the "
        + "next; each number is within 1e-12 × the same average of |x| of the sequential one. "
        + "1 is strictly sequential. Not with standard input or pipes, several files, a state "
        + "file, --std (the bound is not established for the spread) or --init first (a block "
        + "cannot know whether it holds the first row).",
      valueName: "n"))
  var threads = 1
  @Flag(
    help: ArgumentHelp(
      "Print, instead of the rows, per column and decay the window 1/(1-β), the mean age "
        + "β/(1-β), the lag (the shift where the smoothed column correlates best with the data) "
        + "and the roughness (mean absolute first difference)."))
  var describe = false

  func validate() throws {
    let options: SmoothOptions
    do {
      options = try makeOptions()
    } catch {
      throw ValidationError(error.description)
    }
    guard (1...256).contains(threads) else {
      throw ValidationError("--threads must be between 1 and 256, got \(threads).")
    }
    guard threads > 1 else { return }
    if describe { throw ValidationError("--describe reads sequentially; drop --threads.") }
    if files.count != 1 || files[0] == "-" {
      throw ValidationError(
        "--threads smooths one regular file in blocks; standard input and several files are "
          + "read sequentially, so drop --threads.")
    }
    if stateFiles.isUsed {
      throw ValidationError(
        "--threads cannot be combined with --state, --state-in or --state-out: the state read "
          + "and saved must be the sequential one.")
    }
    if let reason = ParallelSmoother.unsupported(options) { throw ValidationError(reason + ".") }
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(
        files.flatMap { FileRoles.input("the input file", $0) }, stateFiles.roles)
      let options = try makeOptions()
      if describe { return try describeColumns(options) }
      try StandardOutput.checkOpen()
      let sink = FileDescriptorSink(descriptor: STDOUT_FILENO)
      let output = OutputBuffer(sink: sink, capacity: 1 << 16)
      let smoother = Smoother(options: options, output: output)
      if threads > 1 {
        let parallel = ParallelSmoother(
          options: options, path: files[0], threads: threads, output: output, sink: sink)
        do {
          try parallel.run()
        } catch SmoothError.io(.outputClosed) {
          throw ExitCode.success
        }
        warnAboutSkipped(parallel.skippedCells, first: parallel.firstSkippedCell)
        return
      }
      // Held from reading the state to replacing it: a second run waits, then fails with 75.
      let lock = try stateFiles.lock()
      defer { withExtendedLifetime(lock) {} }
      do {
        if let (saved, path) = try stateFiles.load() { smoother.resume(from: saved, path: path) }
        for path in files.isEmpty ? ["-"] : files {
          let flush: () throws(IOError) -> Void = { () throws(IOError) in try output.flush()
          }
          let source =
            path == "-"
            ? FileDescriptorSource(
              name: "standard input", descriptor: STDIN_FILENO, willBlock: flush)
            : try FileDescriptorSource.open(path: path, willBlock: flush)
          defer { source.close() }
          try smoother.process(name: source.name, source: source)
        }
        try smoother.finish()
      } catch SmoothError.io(.outputClosed) {
        throw ExitCode.success
      }
      try stateFiles.save(smoother.finalState)
      warnAboutSkipped(smoother.skippedCells, first: smoother.firstSkippedCell)
    }
  }

  private func warnAboutSkipped(_ count: Int, first: String?) {
    if count > 0 {
      printError(
        "warning: \(count) cells that are not numbers were treated as missing "
          + "(the first: \(first ?? "?"))")
    }
  }

  private func makeOptions() throws(SmoothError) -> SmoothOptions {
    var options = SmoothOptions(decays: try decay.decays(timed: time != nil))
    options.columns = column
    options.initial = self.`init`
    options.ignoreMissing = ignoreNa
    options.standardDeviation = std
    options.minPeriods = minPeriods
    options.groupBy = groupBy
    options.time = time
    options.replace = replace
    options.onBadValue = onBadValue
    if noHeader { options.hasHeader = false }
    if let delimiter {
      do {
        options.delimiter = try FieldDelimiter.byte(delimiter)
      } catch {
        throw .invalidOption(error.description)
      }
    }
    try options.validate()
    return options
  }
}

extension SmoothOptions.Initial: ExpressibleByArgument {}
extension SmoothOptions.BadValuePolicy: ExpressibleByArgument {}
