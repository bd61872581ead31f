import EWA
import EWATrain

// Smooth an array: the bias-corrected average of each prefix (pandas ewm(alpha=0.5).mean()).
var average = try ExponentialAverage<Double>(validating: 0.5)
let smoothed = [1.0, 2, 3, 4].map { x in
  average.update(with: x)
  return average.corrected
}
print("smoothed:", smoothed)

// The bias factor 1 - β^t after t = 4 steps, and the raw V_t it corrects.
print("bias factor:", average.biasFactor, "raw:", average.raw)

// One Adam step on a parameter vector: each parameter moves by about the learning rate.
var parameters: [Double] = [1, -2, 3]
var adam = try Adam<Double>(count: parameters.count)
adam.update(&parameters, gradient: [0.5, -1, 2], learningRate: 0.1)
print("after one Adam step:", parameters)
