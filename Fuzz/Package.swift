// swift-tools-version:6.0
// The fuzz harness lives in its own package: it links libFuzzer's driver, which only
// exists when built with -sanitize=fuzzer, so `swift build` of StripeScope never sees it.
import PackageDescription

let package = Package(
    name: "StripeFuzz",
    dependencies: [.package(name: "StripeScope", path: "..")],
    targets: [
        .executableTarget(
            name: "StripeFuzz",
            dependencies: [.product(name: "StripeCore", package: "StripeScope")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
