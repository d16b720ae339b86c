// swift-tools-version:6.1
// An outside package that uses landreg's library, as a county's own tools
// would: by its product, without @testable. Tools/check-example builds and
// runs it; the README's "Using the library" shows main.swift.
import PackageDescription

let package = Package(
    name: "UsingLandRegistry",
    dependencies: [.package(name: "landreg", path: "../..")],
    targets: [
        .executableTarget(name: "UsingLandRegistry", dependencies: [.product(name: "LandRegistry", package: "landreg")]),
    ]
)
