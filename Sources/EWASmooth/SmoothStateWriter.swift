import EWA
import EWAIO

/// Writes a ``SmoothState`` as compact JSON in one pass into a byte buffer, one group per line:
///
/// ```
/// {"format":"ewa-smooth-state","version":3,"columns":["temp"],"decays":[{"form":"beta",
///  "text":"0.9","centerOfMass":9,"halflife":null}],"initial":"corrected","ignoreMissing":false,
///  "standardDeviation":false,"groupBy":"sensor","time":null,"groups":[
/// ["a",null,3,[[3,null,[[20.5,2.71,3]]]]],
/// ["b",null,1,[[1,null,[[19,1,1]]]]]
/// ]}
/// ```
///
/// (the first line is one line in the file). A group is `[key, lastTime, rows, columns]`
/// (`rows`: its rows so far, missing cells included, new in version 3); a column
/// `[observations, lastObservedTime, tracks]`; a track, one per decay, `[average, weight, count]`,
/// or with `--std` `[average, weight, count, biasedVariance, sumOfWeights, sumOfSquaredWeights]`.
/// A key is a string, or an array of its bytes when they are not UTF-8 (null without
/// `--group-by`); a time is null, a number, or `{"ns":N}` for an instant in nanoseconds since
/// 1970; a half-life likewise. Numbers are the shortest text that reads back as the same double
/// (`NumberText`); an average that overflowed is the string `"Infinity"`, `"-Infinity"` or
/// `"NaN"`, as JSON has no such numbers. `groups` is always the last field.
enum SmoothStateWriter {
  static func encode(_ state: SmoothState) -> [UInt8] {
    var out = Output()
    let trackBytes = state.standardDeviation ? 6 * 24 : 3 * 24
    let perGroup = 16 + state.columns.count * (24 + state.decays.count * trackBytes)
    out.bytes.reserveCapacity(256 + state.groups.count * perGroup)
    out.raw("{\"format\":\"ewa-smooth-state\",\"version\":")
    out.integer(SmoothState.formatVersion)
    out.raw(",\"columns\":[")
    for (i, column) in state.columns.enumerated() {
      if i > 0 { out.raw(",") }
      out.string(Array(column.utf8))
    }
    out.raw("],\"decays\":[")
    for (i, decay) in state.decays.enumerated() {
      if i > 0 { out.raw(",") }
      out.raw("{\"form\":")
      out.string(Array(decay.form.rawValue.utf8))
      out.raw(",\"text\":")
      out.string(Array(decay.text.utf8))
      out.raw(",\"centerOfMass\":")
      out.number(decay.decay.centerOfMass)
      out.raw(",\"halflife\":")
      switch decay.timeHalflife {
      case nil: out.raw("null")
      case .nanoseconds(let n)?: out.nanoseconds(n)
      case .plain(let value)?: out.number(value)
      }
      out.raw("}")
    }
    out.raw("],\"initial\":")
    out.string(Array(state.initial.rawValue.utf8))
    out.raw(",\"ignoreMissing\":")
    out.raw(state.ignoreMissing ? "true" : "false")
    out.raw(",\"standardDeviation\":")
    out.raw(state.standardDeviation ? "true" : "false")
    out.raw(",\"groupBy\":")
    out.optionalString(state.groupBy)
    out.raw(",\"time\":")
    out.optionalString(state.time)
    out.raw(",\"groups\":[")
    for (g, group) in state.groups.enumerated() {
      out.raw(g == 0 ? "\n[" : ",\n[")
      if let key = group.key { out.key(key) } else { out.raw("null") }
      out.raw(",")
      out.time(group.state.lastTime)
      out.raw(",")
      out.integer(group.state.rows)
      out.raw(",[")
      for (c, column) in group.state.columns.enumerated() {
        out.raw(c == 0 ? "[" : ",[")
        out.integer(column.observations)
        out.raw(",")
        out.time(column.lastObservedTime)
        out.raw(",[")
        for (d, track) in column.tracks.enumerated() {
          out.raw(d == 0 ? "[" : ",[")
          let average = track.average
          out.value(average.corrected)
          out.raw(",")
          out.number(average.weight)
          out.raw(",")
          out.integer(average.count)
          if case .meanAndSpread(let variance) = track {
            out.raw(",")
            out.value(variance.biasedVariance)
            out.raw(",")
            out.number(variance.sumOfWeights)
            out.raw(",")
            out.number(variance.sumOfSquaredWeights)
          }
          out.raw("]")
        }
        out.raw("]]")
      }
      out.raw("]]")
    }
    out.raw(state.groups.isEmpty ? "]}\n" : "\n]}\n")
    return out.bytes
  }

  /// The growing text.
  struct Output {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
      text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func integer(_ value: Int) {
      if value >= 0 && value < 10 {
        bytes.append(UInt8(48 + value))
        return
      }
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
        var magnitude = value.magnitude
        var start = 20
        repeat {
          start -= 1
          buffer[start] = UInt8(48 + magnitude % 10)
          magnitude /= 10
        } while magnitude > 0
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
      }
    }

    /// A finite number (weights, decays, plain times).
    mutating func number(_ value: Double) {
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberText.maximumLength) { buffer in
        let count = NumberText.write(value, to: buffer.baseAddress!)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
      }
    }

    /// A number that may have overflowed: the non-finite ones as strings.
    mutating func value(_ value: Double) {
      if value.isNaN {
        raw("\"NaN\"")
      } else if value.isInfinite {
        raw(value > 0 ? "\"Infinity\"" : "\"-Infinity\"")
      } else {
        number(value)
      }
    }

    mutating func nanoseconds(_ value: Int64) {
      raw("{\"ns\":")
      integer(Int(value))
      raw("}")
    }

    mutating func time(_ time: TimeValue?) {
      switch time {
      case nil: raw("null")
      case .instant(let n)?: nanoseconds(n)
      case .number(let value)?: number(value)
      }
    }

    mutating func optionalString(_ text: String?) {
      if let text { string(Array(text.utf8)) } else { raw("null") }
    }

    /// A group key: a string if it is UTF-8, else the array of its bytes.
    mutating func key(_ key: [UInt8]) {
      if String(validating: key, as: UTF8.self) != nil {
        string(key)
      } else {
        raw("[")
        for (i, byte) in key.enumerated() {
          if i > 0 { raw(",") }
          integer(Int(byte))
        }
        raw("]")
      }
    }

    /// A JSON string of UTF-8 bytes, with `"`, `\` and control characters escaped.
    mutating func string(_ text: [UInt8]) {
      bytes.append(UInt8(ascii: "\""))
      for byte in text {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        case 0..<0x20, 0x7F:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          raw("\\u00")
          bytes.append(hex[Int(byte >> 4)])
          bytes.append(hex[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
      }
      bytes.append(UInt8(ascii: "\""))
    }
  }
}
