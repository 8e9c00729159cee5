// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "checksheet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "checksheet", targets: ["checksheet"]),
        .library(name: "ChecksheetKit", targets: ["ChecksheetKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "ChecksheetKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "checksheet",
            dependencies: [
                "ChecksheetKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChecksheetKitTests",
            dependencies: ["ChecksheetKit"],
            exclude: ["Fixtures", "Snapshots"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "checksheetTests",
            dependencies: ["checksheet"],
            swiftSettings: swiftSettings
        ),
    ]
)
