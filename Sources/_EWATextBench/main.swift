// The floor of `ewa smooth`'s number work, for bench/run.sh, and a long check of the fast paths.
//
//   _EWATextBench parse FILE     time NumberText.parse over the last field of every row of FILE
//   _EWATextBench print FILE     time NumberText.append of those values smoothed (β = 0.9)
//   _EWATextBench verify COUNT [SEED]   the printer against `description` and the parser
//                                       against strtod on COUNT random values, and every
//                                       block of 8 digits; exit 1 on a miss
//
// parse and print print one JSON object: "seconds" (median of 5 timed passes), "mparams_per_s"
// (millions of numbers per second, the column bench/report.py reads), "numbers", "ns_per_number".
import EWA
import EWAIO
import EWATrain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Drops what it is given: the printing floor without the write(2) calls.
final class DiscardingSink: ByteSink {
  var total = 0
  func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) { total += bytes.count }
}

func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func fail(_ message: String) -> Never {
  var line = Array("_EWATextBench: \(message)\n".utf8)
  _ = write(STDERR_FILENO, &line, line.count)
  exit(64)
}

/// The last field of every row after the header, as the bytes of one buffer and their ranges.
func lastFields(of path: String) -> (bytes: [UInt8], fields: [Range<Int>]) {
  guard let file = fopen(path, "rb") else { fail("cannot open \(path)") }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 20)
  while true {
    let count = fread(&chunk, 1, chunk.count, file)
    if count == 0 { break }
    bytes.append(contentsOf: chunk[..<count])
  }
  var fields: [Range<Int>] = []
  var lineStart = 0
  var fieldStart = 0
  var header = true
  for (index, byte) in bytes.enumerated() {
    if byte == UInt8(ascii: ",") { fieldStart = index + 1 }
    if byte == UInt8(ascii: "\n") {
      if !header, index > lineStart { fields.append(fieldStart..<index) }
      header = false
      lineStart = index + 1
      fieldStart = lineStart
    }
  }
  return (bytes, fields)
}

/// The median of five timed passes of `body`, after one untimed pass.
func median(_ body: () -> Void) -> Double {
  body()
  var times: [Double] = []
  for _ in 0..<5 {
    let start = now()
    body()
    times.append(now() - start)
  }
  return times.sorted()[2]
}

func report(seconds: Double, numbers: Int) {
  let perSecond = Double(numbers) / seconds / 1e6
  print(
    "{\"seconds\": \(seconds), \"mparams_per_s\": \(perSecond), \"numbers\": \(numbers), "
      + "\"ns_per_number\": \(seconds * 1e9 / Double(numbers))}")
}

func parseAll(_ bytes: [UInt8], _ fields: [Range<Int>]) -> [Double] {
  bytes.withUnsafeBufferPointer { all in
    fields.map { NumberText.parse(UnsafeBufferPointer(rebasing: all[$0])) ?? .nan }
  }
}

func timeParse(_ path: String) {
  let (bytes, fields) = lastFields(of: path)
  var sum = 0.0
  let seconds = median {
    bytes.withUnsafeBufferPointer { all in
      for field in fields {
        sum += NumberText.parse(UnsafeBufferPointer(rebasing: all[field])) ?? 0
      }
    }
  }
  if sum.isNaN { fail("a sum of numbers is NaN") }
  report(seconds: seconds, numbers: fields.count)
}

func timePrint(_ path: String) {
  let (bytes, fields) = lastFields(of: path)
  var average = ExponentialAverage<Double>(beta: 0.9, zero: 0)
  let values = parseAll(bytes, fields).map { value in
    _ = average.update(with: value)
    return average.corrected
  }
  let sink = DiscardingSink()
  let output = OutputBuffer(sink: sink)
  let seconds = median {
    for value in values {
      try! NumberText.append(value, to: output)
      try! output.append(UInt8(ascii: "\n"))
    }
    try! output.flush()
  }
  if sink.total == 0 { fail("nothing printed") }
  report(seconds: seconds, numbers: values.count)
}

func verify(count: Int, seed: UInt64) {
  print("verify: \(count) values, seed \(seed)")
  var generator = SeededGenerator(seed: seed)
  var misses = 0
  func miss(_ message: String) {
    misses += 1
    if misses <= 20 { print("miss: \(message)") }
  }
  let scales: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
  for index in 0..<count {
    let value: Double
    if index % 2 == 0 {
      value = Double(bitPattern: generator.next())
      if !value.isFinite { continue }
    } else {
      let units = Double(Int64(generator.next() % 20_000_000) - 10_000_000)
      value = units / scales[Int(generator.next() % 7)] * (index % 4 == 1 ? 1 : 0.9)
    }
    let printed = NumberText.format(value)
    let expected = NumberText.formatByDescription(value)
    if printed != expected { miss("print \(value.bitPattern): \(printed), not \(expected)") }
  }
  // The parser against strtod on random decimal texts of 1 to 19 digits.
  var text = [UInt8](repeating: 0, count: 40)
  for _ in 0..<count / 4 {
    let digits = Int(generator.next() % 19) + 1
    var length = 0
    let point = Int(generator.next() % UInt64(digits + 1))
    for position in 0..<digits {
      if position == point {
        text[length] = UInt8(ascii: ".")
        length += 1
      }
      text[length] = UInt8(truncatingIfNeeded: generator.next() % 10) + 0x30
      length += 1
    }
    if generator.next() % 4 == 0 {
      for byte in "e\(Int(generator.next() % 61) - 30)".utf8 {
        text[length] = byte
        length += 1
      }
    }
    text[length] = 0
    let parsed = text.withUnsafeBufferPointer {
      NumberText.parse(UnsafeBufferPointer(rebasing: $0[..<length]))
    }
    let reference = text.withUnsafeBufferPointer {
      strtod(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), nil)
    }
    if parsed != reference {
      miss("parse \(String(decoding: text[..<length], as: UTF8.self)): \(parsed as Any)")
    }
  }
  // Every block of eight digits.
  let eight = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
  for block in UInt32(0)..<100_000_000 {
    DecimalDigits.writeEight(block, to: eight)
    var read: UInt32 = 0
    for index in 0..<8 { read = read &* 10 &+ UInt32(eight[index] &- 48) }
    if read != block { miss("eight digits of \(block): \(read)") }
  }
  print("verify: \(misses) misses")
  if misses > 0 { exit(1) }
}

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("parse", 2): timeParse(arguments.last!)
case ("print", 2): timePrint(arguments.last!)
case ("verify", 2...3):
  guard let count = Int(arguments[2]) else { fail("COUNT must be an integer") }
  let seed = arguments.count == 3 ? UInt64(arguments[3]) : UInt64(now() * 1000)
  guard let seed else { fail("SEED must be an unsigned integer") }
  verify(count: count, seed: seed)
default:
  fail("usage: _EWATextBench parse FILE | print FILE | verify COUNT [SEED]")
}
