import Foundation

/// A two-dimensional test function with its exact gradient, for optimizer trajectories.
public enum TestFunction: String, Codable, CaseIterable, Sendable {
  /// `x²/20 + y²`: an elongated bowl, minimum at (0, 0).
  case bowl
  /// `(1-x)² + 100(y-x²)²`: a curved valley, minimum at (1, 1).
  case rosenbrock
  /// `(1.5-x+xy)² + (2.25-x+xy²)² + (2.625-x+xy³)²`: minimum at (3, 0.5).
  case beale
  /// `x² - y²`: a saddle at (0, 0), unbounded below.
  case saddle
  /// `y² - exp(-(x-3)²) - exp(-(x+3)²)`: two wells near (±3, 0), value about -1, and between them
  /// a wide plateau (|∂f/∂x| below 0.01 for |x| < 0.5) with a saddle at (0, 0).
  case plateau

  /// The function value at (x, y).
  public func value(_ x: Double, _ y: Double) -> Double {
    switch self {
    case .bowl: return x * x / 20 + y * y
    case .rosenbrock: return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    case .beale:
      let (a, b, c) = bealeTerms(x, y)
      return a * a + b * b + c * c
    case .saddle: return x * x - y * y
    case .plateau: return y * y - exp(-(x - 3) * (x - 3)) - exp(-(x + 3) * (x + 3))
    }
  }

  /// The exact gradient (∂f/∂x, ∂f/∂y) at (x, y).
  public func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
    switch self {
    case .bowl: return (x / 10, 2 * y)
    case .rosenbrock: return (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))
    case .beale:
      let (a, b, c) = bealeTerms(x, y)
      let dx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1)
      let dy = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y
      return (dx, dy)
    case .saddle: return (2 * x, -2 * y)
    case .plateau:
      let (right, left) = (exp(-(x - 3) * (x - 3)), exp(-(x + 3) * (x + 3)))
      return (2 * (x - 3) * right + 2 * (x + 3) * left, 2 * y)
    }
  }

  private func bealeTerms(_ x: Double, _ y: Double) -> (Double, Double, Double) {
    (1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y)
  }

  /// Runs `optimizer` for `steps` steps from `start` at a constant rate.
  ///
  /// - Returns: `steps + 1` points `(x, y, f(x, y))`, the first being the start.
  public func trajectory(
    optimizer: inout any Optimizer<Double>, start: (Double, Double), steps: Int,
    learningRate: Double
  ) -> [(x: Double, y: Double, loss: Double)] {
    var points: [(x: Double, y: Double, loss: Double)] = []
    walk(optimizer: &optimizer, start: start, steps: steps, learningRate: learningRate) {
      _, x, y, loss in
      points.append((x, y, loss))
      return true
    }
    return points
  }

  /// Runs `optimizer` for `steps` steps from `start` at a constant rate, handing each point to
  /// `visit` as it is reached, in constant memory.
  ///
  /// - Parameter visit: called with the step number (0 for the start) and the point
  ///   `(x, y, f(x, y))`; returning false stops the walk.
  public func walk<E: Error>(
    optimizer: inout any Optimizer<Double>, start: (Double, Double), steps: Int,
    learningRate: Double,
    visit: (_ step: Int, _ x: Double, _ y: Double, _ loss: Double) throws(E) -> Bool
  ) throws(E) {
    var w = [start.0, start.1]
    var gradient = [0.0, 0.0]
    guard try visit(0, w[0], w[1], value(w[0], w[1])) else { return }
    var step = 0
    while step < steps {
      (gradient[0], gradient[1]) = self.gradient(w[0], w[1])
      optimizer.update(&w, gradient: gradient, learningRate: learningRate)
      step += 1
      guard try visit(step, w[0], w[1], value(w[0], w[1])) else { return }
    }
  }
}
