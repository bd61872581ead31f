// swift-tools-version: 6.2
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
  ],
  dependencies: [
    // The command-line parser, used by the `ewa` executable only.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // `swift package generate-documentation --target EWA`: the DocC catalog in Sources/EWA.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // MARK: - Public API
    // The libraries users link and the `ewa` command. Each layer depends only on those above it.

    // The averager: the one implementation of the EWA recurrence. Mathematics only, no
    // dependencies.
    .target(name: "EWA"),
    // Bytes and text below the features: CSV reading and writing, number text, byte sources and
    // sinks, atomic and versioned files, one-line messages, and the error categories. No
    // dependencies.
    .target(name: "EWAIO"),
    // `ewa smooth`: time parsing, the smoothing kernel and its scheduling, state files.
    .target(name: "EWASmooth", dependencies: ["EWA", "EWAIO"]),
    // Optimizers whose moments are the averager, schedules, and a small dense-network trainer;
    // the fused optimizer steps also run from their AVX2 build when the processor has it.
    .target(name: "EWATrain", dependencies: ["EWA", "EWAIO", "_EWATrainAVX2", "_CPUFeatures"]),
    // gnuplot scripts as plain data: the figure model, its renderer and the figure builders, over
    // typed values (EWASmooth for the smoothed column only).
    .target(name: "EWAPlot", dependencies: ["EWA", "EWAIO", "EWASmooth"]),
    // The figures of ewa's results: their data computed by the trainer and the smoother, and the
    // gallery `ewa demo` draws.
    .target(name: "EWAGallery", dependencies: ["EWAPlot", "EWAIO", "EWASmooth", "EWATrain"]),
    // The thin command: parses options with ArgumentParser and calls the libraries.
    .executableTarget(
      name: "ewa",
      dependencies: [
        "EWA",
        "EWAIO",
        "EWASmooth",
        "EWATrain",
        "EWAPlot",
        "EWAGallery",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: staticLinkSettings
    ),

    // MARK: - Implementation details
    // Targets that are not API (no products): the AVX2 build of the optimizer steps, tools for
    // bench/run.sh, and what only tests link.

    // EWATrain's fused optimizer steps (a symbolic link to its OptimizerSteps.swift) built for
    // AVX2 and FMA; EWATrain calls them only when cpuid (_CPUFeatures) says they run.
    .target(name: "_EWATrainAVX2", dependencies: ["EWA"], swiftSettings: avx2Settings),
    // The cpuid question, in C: Swift has no intrinsic for it.
    .target(name: "_CPUFeatures"),
    // The optimizer throughput benchmark for bench/run.sh (not part of `swift test`); built with
    // `swift build -c release --product _EWABench`.
    .executableTarget(
      name: "_EWABench",
      dependencies: [
        "_AllocationCounter", "EWATrain",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The floor of `ewa smooth`'s number work (parse and print 2 M numbers alone) and a long check
    // of the fast text paths, for bench/run.sh: `swift build -c release --product _EWATextBench`.
    .executableTarget(name: "_EWATextBench", dependencies: ["EWA", "EWAIO", "EWATrain"]),
    // Counts heap allocations by interposing malloc in the executable that links it (glibc).
    .target(name: "_AllocationCounter"),
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
    // The allocation counter for the zero-allocation tests; the AVX2 build to test it against
    // the portable one.
    .testTarget(
      name: "EWATrainTests",
      dependencies: [
        "EWATrain", "EWAIO", "EWATestSupport", "ewa", "_AllocationCounter", "_EWATrainAVX2",
      ]),
    .testTarget(
      name: "EWAPlotTests",
      dependencies: [
        "EWAPlot", "EWAGallery", "EWAIO", "EWASmooth", "EWATrain", "EWATestSupport", "ewa",
      ],
      exclude: ["Golden"]),
    .testTarget(name: "EWAGalleryTests", dependencies: ["EWAGallery", "EWATestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)

/// The static link of the installed binary, only when the build asks for it with
/// `EWA_STATIC_LINK=1` (`make install` and `bench/run.sh` do), as swift-format keeps its one
/// unsafe linker flag behind `SWIFTFORMAT_CI_INSTALL`: a plain `swift build -c release` then
/// works on Linux and macOS, and a package depending on ewa never sees these glibc-only flags.
///
/// The release binary then links the Swift runtime and Foundation statically: `ewa smooth` peaks
/// at 15 MiB instead of 21 (the shared libraries' pages) and starts faster. The static Foundation
/// needs its own libraries named; ld.bfd with --no-warnings silences glibc's link-time warning
/// about mktemp in FoundationEssentials (gold, the default linker, has no such option).
var staticLinkSettings: [LinkerSetting] {
  guard Context.environment["EWA_STATIC_LINK"] == "1" else { return [] }
  return [
    .unsafeFlags(
      ["-static-stdlib", "-use-ld=bfd", "-Xlinker", "--no-warnings"]
        + [
          "CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections",
          "swiftSynchronization", "stdc++",
        ].flatMap { ["-Xlinker", "-l\($0)"] },
      .when(platforms: [.linux], configuration: .release))
  ]
}

/// The flags of `_EWATrainAVX2`: AVX2 and FMA where the manifest is built for x86-64, none
/// elsewhere (there the module is a second portable copy that nothing calls).
var avx2Settings: [SwiftSetting] {
  #if arch(x86_64)
    [.unsafeFlags(["-target-cpu", "haswell"])]
  #else
    []
  #endif
}
