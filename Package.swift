// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "landreg",
    products: [
        .library(name: "LandRegistry", targets: ["LandRegistry"]),
        .library(name: "LandRegistryServer", targets: ["LandRegistryServer"]),
        .executable(name: "landreg", targets: ["landreg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // Exact: the CLI translates ArgumentParser's own words in help and usage texts.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The feature service (`landreg serve`): Hummingbird 2 on SwiftNIO; its thread pool for the blocking work.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // The check's uploads (multipart/form-data): a parser of the HTTP standard, not one written here.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Accounts: passwords and tokens kept only as bcrypt hashes (HummingbirdBcrypt, not a hash written here).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // Zipped Shapefiles (how an applicant's plot arrives by e-mail): ZIP's deflate and ZIP64 on zlib, not a reader written here.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // SQLite's and SpatiaLite's headers; SpatiaLite itself is loaded when first needed (SpatiaLiteLoader), not linked.
        .systemLibrary(
            name: "CSpatiaLite",
            providers: [.apt(["libspatialite-dev"])]),
        .target(name: "SpatiaLiteLoader"),
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
                "SpatiaLiteLoader",
                "CGEOS",
                "CProj",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]),
            // No unsafe compiler flags, so that the package can be used by
            // version: the streaming readers and writers mark their per-byte
            // class state `@exclusivity(unchecked)` instead.
        // The HTTP front end: a client of the library's public API, like the CLI.
        .target(
            name: "LandRegistryServer",
            dependencies: [
                "LandRegistry",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]),
        .executableTarget(
            name: "landreg",
            dependencies: [
                "LandRegistry",
                "LandRegistryServer",
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
            name: "LandRegistryServerTests",
            dependencies: ["LandRegistry", "LandRegistryServer", "TestSupport"]),
        .testTarget(
            name: "landregTests",
            dependencies: ["LandRegistry", "landreg", "TestSupport"]),
    ]
)
