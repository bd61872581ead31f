/// A colour as gnuplot reads it: `#RRGGBB`, or `#AARRGGBB` where `AA` is the transparency
/// (00 opaque, FF invisible).
public struct Color: Equatable, Sendable {
  /// The red, green and blue bytes, as `0xRRGGBB`.
  public let rgb: UInt32
  /// The transparency byte: 0 is opaque.
  public let transparency: UInt8

  /// Creates a colour from `0xRRGGBB`, opaque unless `transparency` is given.
  public init(rgb: UInt32, transparency: UInt8 = 0) {
    self.rgb = rgb & 0xFF_FFFF
    self.transparency = transparency
  }

  /// The same colour with the given transparency (0 opaque, 255 invisible).
  public func withTransparency(_ transparency: UInt8) -> Color {
    Color(rgb: rgb, transparency: transparency)
  }

  /// The colour blended toward white: `share` 0 keeps it, 1 gives white.
  public func lightened(_ share: Double) -> Color {
    func channel(_ shift: UInt32) -> UInt32 {
      let value = Double((rgb >> shift) & 0xFF)
      return UInt32((value + (255 - value) * share).rounded()) << shift
    }
    return Color(rgb: channel(16) | channel(8) | channel(0), transparency: transparency)
  }

  /// The gnuplot text, `'#RRGGBB'` or `'#AARRGGBB'` (with the quotes).
  public var gnuplot: String {
    let digits = String(rgb, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: 6 - digits.count) + digits
    guard transparency != 0 else { return GnuplotText.quoted("#\(padded)") }
    let alpha = String(transparency, radix: 16, uppercase: true)
    return GnuplotText.quoted("#\(alpha.count == 1 ? "0" + alpha : alpha)\(padded)")
  }
}

extension Color {
  /// The series colours, in order: the Okabe–Ito palette (distinguishable with the common forms of
  /// colour blindness) without its yellow, which is unreadable on white, then black.
  public static let series: [Color] = [
    Color(rgb: 0x0072B2), Color(rgb: 0xD55E00), Color(rgb: 0x009E73), Color(rgb: 0xCC79A7),
    Color(rgb: 0xE69F00), Color(rgb: 0x56B4E9), Color(rgb: 0x000000),
  ]

  /// The colour of series number `index` (from 0), cycling through ``series``.
  public static func series(_ index: Int) -> Color { series[index % series.count] }

  /// The grey of raw observations and of contour lines, behind the coloured curves.
  public static let backdrop = Color(rgb: 0x9A9A9A)
}
