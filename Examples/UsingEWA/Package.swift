// swift-tools-version: 6.0
import PackageDescription

// Uses ewa's libraries from another package, as the README's "Use ewa from Swift" shows. Depends
// on the repository by path; a package of yours would write
// `.package(url: "https://…/ewa.git", from: "0.1.0")` instead.
// SwiftPM names a path dependency after its folder (`ewa` in a clone, anything in a worktree).
let ewa = String(Context.packageDirectory.split(separator: "/").dropLast(2).last ?? "ewa")

let package = Package(
  name: "UsingEWA",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(
      name: "UsingEWA",
      dependencies: [
        .product(name: "EWA", package: ewa),
        .product(name: "EWATrain", package: ewa),
      ])
  ],
  swiftLanguageModes: [.v6]
)
