import EWATrain

extension TestFunction {
  /// The global minimum, or `nil` for the saddle (unbounded below).
  public var minimum: (x: Double, y: Double)? {
    switch self {
    case .bowl: (0, 0)
    case .rosenbrock: (1, 1)
    case .beale: (3, 0.5)
    case .saddle: nil
    case .plateau: (3, 0)
    }
  }

  /// The formula, for titles.
  public var formula: String {
    switch self {
    case .bowl: "x²/20 + y²"
    case .rosenbrock: "(1-x)² + 100(y-x²)²"
    case .beale: "(1.5-x+xy)² + (2.25-x+xy²)² + (2.625-x+xy³)²"
    case .saddle: "x² - y²"
    case .plateau: "y² - exp(-(x-3)²) - exp(-(x+3)²)"
    }
  }
}
