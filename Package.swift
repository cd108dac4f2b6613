// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PatrolRoster",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "patrol", targets: ["patrol"]),
        .library(name: "PatrolKit", targets: ["PatrolKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Domain values: communities, schedules, scores. No dependencies.
        .target(name: "PatrolModel"),
        // The plain, independent recount of hard rules and score: the test oracle and `patrol check`.
        .target(name: "PatrolChecker", dependencies: ["PatrolModel"]),
        // The optimiser: compiled problem, incremental score, moves, phases. Optimised in
        // debug builds too, so that the tests' long random searches run at a useful speed;
        // release drops bounds checks in the hot loop.
        .target(
            name: "PatrolSolver", dependencies: ["PatrolModel"],
            swiftSettings: [
                .unsafeFlags(["-O"], .when(configuration: .debug)),
                .unsafeFlags(["-Ounchecked"], .when(configuration: .release)),
            ]),
        // SQLite store of imports and schedule versions.
        .target(
            name: "PatrolStore",
            dependencies: ["PatrolModel", .product(name: "GRDB", package: "GRDB.swift")]),
        // Community directories in; roster files and office exports (CSV, XLSX, iCalendar, HTML) out.
        .target(
            name: "PatrolInterchange",
            dependencies: [
                "PatrolModel", "Yams", .product(name: "CSV", package: "CSV.swift"), "ZIPFoundation",
            ]),
        // Seeded generator of realistic synthetic communities, for samples, tests and benchmarks.
        .target(name: "PatrolSamples", dependencies: ["PatrolModel"]),
        // What-if scenarios: scenario files, changes applied to a community, comparisons.
        .target(
            name: "PatrolScenarios",
            dependencies: ["PatrolModel", "PatrolInterchange", "PatrolChecker", "Yams"]),
        // Application services the CLI calls.
        .target(
            name: "PatrolKit",
            dependencies: [
                "PatrolModel", "PatrolChecker", "PatrolSolver", "PatrolStore",
                "PatrolInterchange", "PatrolSamples", "PatrolScenarios", .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "patrol",
            dependencies: [
                "PatrolKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(
            name: "PatrolTestSupport",
            dependencies: ["PatrolModel", "PatrolSolver", "PatrolChecker"],
            path: "Tests/PatrolTestSupport"),
        .testTarget(name: "PatrolModelTests", dependencies: ["PatrolModel"]),
        .testTarget(
            name: "PatrolCheckerTests", dependencies: ["PatrolChecker", "PatrolTestSupport"]),
        .testTarget(
            name: "PatrolSolverTests",
            dependencies: ["PatrolSolver", "PatrolChecker", "PatrolTestSupport"]),
        .testTarget(
            name: "PatrolStoreTests",
            dependencies: ["PatrolStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "PatrolInterchangeTests",
            dependencies: [
                "PatrolInterchange", "PatrolTestSupport", "ZIPFoundation",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "PatrolSamplesTests", dependencies: ["PatrolSamples"]),
        .testTarget(
            name: "PatrolScenariosTests",
            dependencies: ["PatrolScenarios", "PatrolTestSupport", "PatrolInterchange"]),
        .testTarget(
            name: "PatrolKitTests",
            dependencies: [
                "PatrolKit", "PatrolTestSupport", "PatrolSamples", "PatrolInterchange", "PatrolStore",
            ]),
        .testTarget(
            name: "PatrolCLITests", dependencies: ["PatrolSamples", "PatrolInterchange", "PatrolTestSupport"]),
    ]
)
