import Foundation

/// Seeded generators for the classic two-dimensional toy datasets.
public enum SyntheticData: String, CaseIterable, Sendable {
  /// Two interleaving half circles (scikit-learn `make_moons`), 2 classes.
  case moons
  /// A circle inside a circle of twice its radius (scikit-learn `make_circles`, factor 0.5),
  /// 2 classes.
  case circles
  /// Three interleaved arms of a spiral (the CS231n example), 3 classes.
  case spiral
  /// Three Gaussian blobs centred on a circle of radius 1, spread `noise`, 3 classes.
  case blobs

  /// Generates `samples` points with Gaussian noise of standard deviation `noise`.
  ///
  /// Classes take turns in size, as scikit-learn splits them (the first gets the remainder).
  public func generate(samples: Int, noise: Double, seed: UInt64) -> Dataset {
    var g = SeededGenerator(seed: seed)
    let classes = self == .spiral || self == .blobs ? 3 : 2
    var features: [Double] = []
    var labels: [Int] = []
    for c in 0..<classes {
      let n = samples / classes + (c < samples % classes ? 1 : 0)
      for i in 0..<n {
        let u = n > 1 ? Double(i) / Double(n - 1) : 0
        var (x, y): (Double, Double)
        switch self {
        case .moons:
          let t = Double.pi * u
          (x, y) = c == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
        case .circles:
          let t = 2 * Double.pi * Double(i) / Double(n)
          let r = c == 0 ? 1.0 : 0.5
          (x, y) = (r * cos(t), r * sin(t))
        case .spiral:
          let t = 4 * Double(c) + 4 * u
          (x, y) = (u * sin(t), u * cos(t))
        case .blobs:
          let t = 2 * Double.pi * Double(c) / Double(classes)
          (x, y) = (cos(t), sin(t))
        }
        features += [x + noise * g.normal(), y + noise * g.normal()]
        labels.append(c)
      }
    }
    return Dataset(
      features: features, labels: labels, featureCount: 2,
      classNames: (0..<classes).map(String.init))
  }
}
