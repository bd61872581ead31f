// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "ewa",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "EWA", targets: ["EWA"]),
    .library(name: "EWAIO", targets: ["EWAIO"]),
    .library(name: "EWASmooth", targets: ["EWASmooth"]),
    .library(name: "EWATrain", targets: ["EWATrain"]),
    .library(name: "EWAPlot", targets: ["EWAPlot"]),
    .executable(name: "ewa", targets: ["ewa"]),
    .executable(name: "ewa-bench", targets: ["ewa-bench"]),
  ],
  dependencies: [
    // The command-line parser, used by the `ewa` executable only.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The averager: the one implementation of the EWA recurrence. Mathematics only, no
    // dependencies.
    .target(name: "EWA"),
    // Bytes and text below the features: CSV reading and writing, number text, byte sources and
    // sinks, atomic files, one-line messages, and the error categories. No dependencies.
    .target(name: "EWAIO"),
    // `ewa smooth`: missing cells, time parsing, the streaming smoother, state files.
    .target(name: "EWASmooth", dependencies: ["EWA", "EWAIO"]),
    .executableTarget(
      name: "ewa",
      dependencies: [
        "EWA",
        "EWAIO",
        "EWASmooth",
        "EWATrain",
        "EWAPlot",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A release binary links the Swift runtime and Foundation statically: `ewa smooth` then
      // peaks at 15 MB instead of 21 MB (the shared libraries' pages) and starts faster. The
      // static Foundation needs its own libraries named; ld.bfd with --no-warnings silences
      // glibc's link-time warning about mktemp in FoundationEssentials (and any other linker
      // warning of this one release link).
      linkerSettings: [
        .unsafeFlags(
          ["-static-stdlib", "-use-ld=bfd", "-Xlinker", "--no-warnings"]
            + [
              "CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections",
              "swiftSynchronization", "stdc++",
            ].flatMap { ["-Xlinker", "-l\($0)"] },
          .when(configuration: .release))
      ]
    ),
    .testTarget(name: "EWATests", dependencies: ["EWA"]),
    .testTarget(name: "EWAIOTests", dependencies: ["EWAIO"]),
    // Depends on the executable so SwiftPM builds `ewa` for the end-to-end tests.
    // EWATrain only for its seeded random generator.
    .testTarget(
      name: "EWASmoothTests", dependencies: ["EWASmooth", "EWAIO", "EWATrain", "ewa"]),
    // Optimizers whose moments are the averager, schedules, and a small dense-network trainer.
    .target(name: "EWATrain", dependencies: ["EWA", "EWAIO"]),
    .testTarget(name: "EWATrainTests", dependencies: ["EWATrain", "EWAIO", "ewa"]),
    // gnuplot scripts as plain data: the figure model, its renderer, the figure builders, and
    // their data from the smoother and the trainer (the gallery of `ewa demo`).
    .target(name: "EWAPlot", dependencies: ["EWA", "EWAIO", "EWASmooth", "EWATrain"]),
    // Depends on the executable so the end-to-end tests find `.build/debug/ewa` built.
    .testTarget(
      name: "EWAPlotTests", dependencies: ["EWAPlot", "EWAIO", "EWASmooth", "EWATrain", "ewa"],
      exclude: ["Golden"]),
    // The optimizer throughput benchmark for bench/run.sh (not part of `swift test`).
    .executableTarget(
      name: "ewa-bench",
      dependencies: [
        "AllocationCounter", "EWATrain",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The floor of `ewa smooth`'s number work (parse and print 2 M numbers alone) and a long check
    // of the fast text paths, for bench/run.sh; not a product:
    // `swift build -c release --product _EWATextBench`.
    .executableTarget(name: "_EWATextBench", dependencies: ["EWA", "EWAIO", "EWATrain"]),
    // Counts heap allocations by interposing malloc in the executable that links it (glibc).
    .target(name: "AllocationCounter"),
  ],
  swiftLanguageModes: [.v6]
)
