// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ecv",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecv", targets: ["ecv"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "ECVModel"),
        .target(name: "ECVRouting"),
        .target(name: "ECVPlanning", dependencies: ["ECVModel", "ECVRouting"]),
        .target(
            name: "ECVReports",
            dependencies: [
                "ECVModel", "ECVPlanning", "ECVSync", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates")]
        ),
        .target(name: "ECVSync", dependencies: ["ECVModel", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "ECVStore",
            dependencies: [
                "ECVModel", "ECVSync", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ECVCatalog",
            dependencies: [
                "ECVModel", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "ECVServer",
            dependencies: [
                "ECVModel", "ECVPlanning", "ECVReports", "ECVStore", "ECVSync",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Templates"), .copy("Assets")]
        ),
        .target(
            name: "ECVHubClient",
            dependencies: [
                "ECVSync",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "ECVHub",
            dependencies: [
                "ECVModel", "ECVCatalog", "ECVPlanning", "ECVReports", "ECVSync", "ECVHubClient",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Generated/README.md", "Generated/openapi-generator-config.yaml"],
            resources: [.copy("Pages/Templates"), .copy("Pages/Assets")]
        ),
        .target(
            name: "ECVHubSync",
            dependencies: [
                "ECVModel", "ECVCatalog", "ECVPlanning", "ECVStore", "ECVSync", "ECVHubClient",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ECVCLI",
            dependencies: [
                "ECVModel", "ECVCatalog", "ECVRouting", "ECVPlanning", "ECVReports", "ECVStore", "ECVSync", "ECVServer",
                "ECVHub", "ECVHubClient", "ECVHubSync", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ecv", dependencies: ["ECVCLI"]),
        .target(
            name: "ECVTestSupport",
            dependencies: [
                "ECVModel", "ECVCatalog", "ECVRouting", "ECVPlanning", "ECVStore", "ECVSync", "ECVReports",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "ECVSeasonHub",
            dependencies: [
                "ECVTestSupport", "ECVHub", "ECVHubClient", "ECVHubSync", "ECVModel", "ECVStore", "ECVSync",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "ECVHubTestSupport",
            dependencies: [
                "ECVHub", "ECVTestSupport", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "season-sim",
            dependencies: ["ECVTestSupport", "ECVSeasonHub", "ECVHub"],
            path: "Benchmarks/SeasonSim"
        ),
        .executableTarget(
            name: "catalog-benchmark",
            dependencies: ["ECVCatalog", "ECVTestSupport"],
            path: "Benchmarks/CatalogBenchmark"
        ),
        .executableTarget(
            name: "solomon-benchmark",
            dependencies: ["ECVRouting", "ECVTestSupport"],
            path: "Benchmarks/SolomonBenchmark"
        ),
        .executableTarget(
            name: "plan-benchmark",
            dependencies: ["ECVCatalog", "ECVPlanning", "ECVTestSupport"],
            path: "Benchmarks/PlanBenchmark"
        ),
        .executableTarget(
            name: "report-benchmark",
            dependencies: ["ECVCatalog", "ECVReports", "ECVTestSupport"],
            path: "Benchmarks/ReportBenchmark"
        ),
        .executableTarget(
            name: "store-benchmark",
            dependencies: [
                "ECVCatalog", "ECVStore", "ECVSync", "ECVTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/StoreBenchmark"
        ),
        .executableTarget(
            name: "hub-load",
            dependencies: [
                "ECVCatalog", "ECVHubClient", "ECVHubTestSupport", "ECVModel", "ECVStore", "ECVSync", "ECVTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/HubLoad"
        ),
        .executableTarget(
            name: "bundle-fuzz",
            dependencies: ["ECVTestSupport"],
            path: "Benchmarks/BundleFuzz"
        ),
        .testTarget(name: "ECVModelTests", dependencies: ["ECVModel", "ECVTestSupport"]),
        .testTarget(
            name: "ECVTestSupportTests",
            dependencies: [
                "ECVTestSupport", "ECVModel", "ECVPlanning", "ECVStore", "ECVSync", "ECVCatalog",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ECVCatalogTests",
            dependencies: ["ECVCatalog", "ECVTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ECVRoutingTests", dependencies: ["ECVRouting", "ECVTestSupport"]),
        .testTarget(name: "ECVPlanningTests", dependencies: ["ECVPlanning", "ECVCatalog", "ECVTestSupport"]),
        .testTarget(name: "ECVSyncTests", dependencies: ["ECVSync", "ECVCatalog", "ECVTestSupport"]),
        .testTarget(
            name: "ECVStoreTests",
            dependencies: [
                "ECVStore", "ECVSync", "ECVCatalog", "ECVTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ECVReportsTests",
            dependencies: ["ECVReports", "ECVCatalog", "ECVPlanning", "ECVStore", "ECVTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "ECVServerTests",
            dependencies: [
                "ECVServer", "ECVSync", "ECVCatalog", "ECVTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ECVHubTests",
            dependencies: [
                "ECVHub", "ECVHubClient", "ECVHubTestSupport", "ECVStore", "ECVSync", "ECVTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Browser", "Schemathesis"]
        ),
        .testTarget(
            name: "ECVHubSyncTests",
            dependencies: [
                "ECVHubSync", "ECVHubClient", "ECVModel", "ECVReports", "ECVStore", "ECVSync", "ECVTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ECVSeasonHubTests",
            dependencies: ["ECVSeasonHub", "ECVHub", "ECVTestSupport"]
        ),
        .testTarget(
            name: "ECVCLITests",
            dependencies: [
                "ECVCLI", "ECVCatalog", "ECVModel", "ECVSync", "ECVHub", "ECVHubClient", "ECVHubTestSupport", "ECVReports",
                "ECVTestSupport", "ecv",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Browser", "Calendar"]
        ),
    ]
)
