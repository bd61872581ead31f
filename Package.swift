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
    // MARK: - Public API
    // The libraries users link and the `ewa` command. Each layer depends only on those above it.

    // The averager: the one implementation of the EWA recurrence. Mathematics only, no
    // dependencies.
    .target(name: "EWA"),
    // Bytes and text below the features: CSV reading and writing, number text, byte sources and
    // sinks, atomic files, one-line messages, and the error categories. No dependencies.
    .target(name: "EWAIO"),
    // `ewa smooth`: missing cells, time parsing, the streaming smoother, state files.
    .target(name: "EWASmooth", dependencies: ["EWA", "EWAIO"]),
    // Optimizers whose moments are the averager, schedules, and a small dense-network trainer.
    .target(name: "EWATrain", dependencies: ["EWA", "EWAIO"]),
    // gnuplot scripts as plain data: the figure model, its renderer, the figure builders, and
    // their data from the smoother and the trainer (the gallery of `ewa demo`).
    .target(name: "EWAPlot", dependencies: ["EWA", "EWAIO", "EWASmooth", "EWATrain"]),
    // The thin command: parses options with ArgumentParser and calls the libraries.
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

    // MARK: - Implementation details
    // Targets that are not API: tools for bench/run.sh and what only tests link.

    // The optimizer throughput benchmark for bench/run.sh (not part of `swift test`).
    .executableTarget(
      name: "ewa-bench",
      dependencies: [
        "AllocationCounter", "EWATrain",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Counts heap allocations by interposing malloc in the executable that links it (glibc).
    .target(name: "AllocationCounter"),
    // What every test bundle shares: the package's paths and the built `ewa` (found beside the
    // test bundle, whatever the configuration or scratch path), a process runner, the seeded
    // generator that prints its seed, and temporary folders that are removed.
    .target(name: "EWATestSupport", dependencies: ["EWAIO"], path: "Tests/EWATestSupport"),

    // MARK: - Unit test bundles
    // The bundles that run the end-to-end tests depend on `ewa` so that SwiftPM builds it beside
    // them.

    .testTarget(name: "EWATests", dependencies: ["EWA", "EWATestSupport"]),
    .testTarget(name: "EWAIOTests", dependencies: ["EWAIO", "EWATestSupport"]),
    .testTarget(
      name: "EWASmoothTests",
      dependencies: ["EWASmooth", "EWAIO", "EWATestSupport", "ewa"]),
    .testTarget(
      name: "EWATrainTests", dependencies: ["EWATrain", "EWAIO", "EWATestSupport", "ewa"]),
    .testTarget(
      name: "EWAPlotTests",
      dependencies: ["EWAPlot", "EWAIO", "EWASmooth", "EWATrain", "EWATestSupport", "ewa"],
      exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
