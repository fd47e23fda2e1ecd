// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "StripeScope",
    products: [
        .executable(name: "stripescope", targets: ["stripescope"]),
        // The engine as a library, for the fuzz harness in Fuzz/.
        .library(name: "StripeCore", targets: ["StripeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // config.toml (section 9.1); the engine never sees it.
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // ncursesw through a module map (no pkg-config: SwiftPM drops its -D flags).
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        // The engine: a deterministic model of the exofs/ORE write path. No terminal here.
        .target(name: "StripeCore"),
        // Pure views: engine state to a grid of cells.
        .target(name: "StripeUI", dependencies: ["StripeCore"]),
        // The only module that talks to ncurses.
        .target(name: "StripeTerminal", dependencies: ["CNCursesW", "StripeUI"]),
        // The user's config.toml: key bindings per mode, theme, mouse (TOML through TOMLKit).
        .target(name: "StripeConfig", dependencies: [
            "StripeUI", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // assets/scenarios, embedded in the binary at build time.
        .target(name: "StripeAssets", resources: [.embedInCode("scenarios")]),
        .executableTarget(
            name: "stripescope",
            dependencies: [
                "StripeCore", "StripeUI", "StripeTerminal", "StripeAssets", "StripeConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "StripeCoreTests", dependencies: ["StripeCore", "StripeAssets"], exclude: ["Reference", "Regression"]),
        .testTarget(name: "StripeUITests", dependencies: ["StripeUI", "StripeCore", "StripeAssets"], exclude: ["__Snapshots__"]),
        .testTarget(name: "StripeConfigTests", dependencies: ["StripeConfig", "StripeUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["StripeAssets"]),
        // An independent model of the kernel's write path, checked against the engine.
        .testTarget(name: "KernelModelTests", dependencies: ["StripeCore"]),
        // An independent model of md's raid5/6 write path, checked against the engine.
        .testTarget(name: "MdModelTests", dependencies: ["StripeCore"]),
    ],
    swiftLanguageModes: [.v6]
)
