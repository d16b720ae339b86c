// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "landreg",
    products: [
        .library(name: "LandRegistry", targets: ["LandRegistry"]),
        .executable(name: "landreg", targets: ["landreg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // Exact: the CLI translates ArgumentParser's own words in help and usage texts.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSpatiaLite",
            pkgConfig: "spatialite",
            providers: [.apt(["libspatialite-dev"])]),
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]),
        .target(
            name: "LandRegistry",
            dependencies: [
                "CSpatiaLite",
                "CGEOS",
                "CProj",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
            // No unsafe compiler flags, so that the package can be used by
            // version: the streaming readers and writers mark their per-byte
            // class state `@exclusivity(unchecked)` instead.
        .executableTarget(
            name: "landreg",
            dependencies: [
                "LandRegistry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // What both test suites share: temporary folders, GeoJSON drawings,
        // the GDAL, sqlite3 and shapely tools.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"),
        .testTarget(
            name: "LandRegistryTests",
            dependencies: ["LandRegistry", "TestSupport"]),
        .testTarget(
            name: "landregTests",
            dependencies: ["LandRegistry", "landreg", "TestSupport"]),
    ]
)
