import XCTest
@testable import LandRegistry

final class GeometryTests: XCTestCase {
    let square = Shape(type: .polygon, xy: [0, 0, 10, 0, 10, 10, 0, 10, 0, 0], ringEnds: [5])

    func testWKBRoundTripKeepsEveryPosition() throws {
        let multi = Shape(type: .multiPolygon,
                          xy: [0, 0, 10, 0, 10, 10, 0, 0, 2, 2, 3, 2, 3, 3, 2, 2, 20, 20, 30, 20, 30, 30, 20, 20],
                          ringEnds: [4, 8, 12], polygonEnds: [2, 3])
        for shape in [square, multi, Shape(type: .point, xy: [1.5, -2.25]),
                      Shape(type: .multiLineString, xy: [0, 0, 1, 1, 5, 5, 6, 6, 7, 7], ringEnds: [2, 5])] {
            XCTAssertEqual(try Shape(wkb: shape.wkb()), shape)
        }
    }

    func testGEOSReadsOurWKBAndMeasuresArea() throws {
        let context = GEOSContext()
        let geometry = try Geometry(wkb: square.wkb(), in: context)
        XCTAssertEqual(try geometry.area(), 100, accuracy: 1e-9)
        XCTAssertEqual(geometry.typeName, "Polygon")
        XCTAssertNil(try geometry.invalidity())
    }

    /// The geometry engine's own failures are told in the user's language,
    /// with what GEOS said kept as GEOS said it.
    func testAnEngineFailureSpeaksTheUsersLanguage() throws {
        let context = GEOSContext()
        XCTAssertThrowsError(try Geometry(wkb: [0x01, 0x03, 0x00, 0x00, 0x00, 0xFF], in: context)) { error in
            guard let error = error as? GeometryEngineError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.text(.en).hasPrefix("GEOS WKB read failed (an error of the geometry engine): "), error.text(.en))
            XCTAssertTrue(error.text(.zh).hasPrefix("GEOS WKB read 运算失败（几何引擎内部错误）："), error.text(.zh))
            XCTAssertFalse(error.messages.isEmpty)
            XCTAssertTrue(error.text(.zh).hasSuffix(error.messages.joined(separator: "; ")))
        }
    }

    func testInvalidityNamesTheReasonAndPlace() throws {
        let bowtie = Shape(type: .polygon, xy: [0, 0, 10, 10, 10, 0, 0, 10, 0, 0], ringEnds: [5])
        let context = GEOSContext()
        let problem = try XCTUnwrap(try Geometry(wkb: bowtie.wkb(), in: context).invalidity())
        XCTAssertTrue(problem.reason.contains("Self-intersection"), problem.reason)
        XCTAssertEqual(problem.x, 5, accuracy: 1e-9)
        XCTAssertEqual(problem.y, 5, accuracy: 1e-9)
        let repaired = try Geometry(wkb: bowtie.wkb(), in: context).makeValid()
        XCTAssertEqual(try repaired.area(), 50, accuracy: 1e-9)
    }

    func testGEOSErrorsAreThrownNotPrinted() throws {
        let context = GEOSContext()
        XCTAssertThrowsError(try Geometry(wkb: [1, 3, 0, 0, 0, 9], in: context)) { error in
            XCTAssertTrue("\(error)".contains("WKB"), "\(error)")
        }
    }

    func testPreparedDistanceAndOverlap() throws {
        let context = GEOSContext()
        let a = try Geometry(wkb: square.wkb(), in: context)
        let b = try Geometry(wkb: Shape(type: .polygon, xy: [13, 0, 20, 0, 20, 10, 13, 10, 13, 0], ringEnds: [5]).wkb(), in: context)
        let c = try Geometry(wkb: Shape(type: .polygon, xy: [5, 5, 15, 5, 15, 15, 5, 15, 5, 5], ringEnds: [5]).wkb(), in: context)
        let prepared = try a.prepared()
        XCTAssertFalse(try prepared.intersects(b))
        XCTAssertEqual(try prepared.distance(to: b), 3, accuracy: 1e-12)
        XCTAssertTrue(try prepared.isWithin(distance: 3, of: b))
        XCTAssertFalse(try prepared.isWithin(distance: 2.99, of: b))
        XCTAssertEqual(try a.overlapArea(with: c), 25, accuracy: 1e-9)
    }

    func testRightHandRuleMakesExteriorsCounterClockwiseAndHolesClockwise() {
        // Exterior clockwise, hole counter-clockwise: both must flip.
        let shape = Shape(type: .polygon,
                          xy: [0, 0, 0, 10, 10, 10, 10, 0, 0, 0, 2, 2, 4, 2, 4, 4, 2, 4, 2, 2], ringEnds: [5, 10])
        let fixed = shape.rightHandRule()
        let rings = fixed.ringRanges
        XCTAssertGreaterThan(fixed.signedArea2(ring: rings[0]), 0)
        XCTAssertLessThan(fixed.signedArea2(ring: rings[1]), 0)
        XCTAssertEqual(fixed.rightHandRule(), fixed)
    }

    func testStructuralProblems() {
        XCTAssertEqual(Shape(type: .polygon, xy: [0, 0, 1, 0, 1, 1, 0, 1], ringEnds: [4]).structuralProblem(),
                       "ring 0 is not closed (its first and last positions differ)")
        XCTAssertNotNil(Shape(type: .polygon, xy: [0, 0, 1, 0, 0, 0], ringEnds: [3]).structuralProblem())
        XCTAssertNil(square.structuralProblem())
    }
}

final class SpatiaLiteBlobTests: RegistryTestCase {
    func testOurBlobIsWhatSpatiaLiteWrites() throws {
        let registry = try makeRegistry()
        let shapes = [
            Shape(type: .point, xy: [434_500.25, 3_960_000.5]),
            Shape(type: .lineString, xy: [0, 0, 10, 5, 20, -3], ringEnds: [3]),
            Shape(type: .polygon, xy: [0, 0, 10, 0, 10, 10, 0, 10, 0, 0, 2, 2, 2, 4, 4, 4, 4, 2, 2, 2], ringEnds: [5, 10]),
            Shape(type: .multiPoint, xy: [1, 2, 3, 4]),
            Shape(type: .multiLineString, xy: [0, 0, 1, 1, 5, 5, 6, 6, 7, 7], ringEnds: [2, 5]),
            Shape(type: .multiPolygon, xy: [0, 0, 10, 0, 10, 10, 0, 0, 20, 20, 30, 20, 30, 30, 20, 20],
                  ringEnds: [4, 8], polygonEnds: [1, 2]),
        ]
        try registry.store.read { db in
            for shape in shapes {
                let theirs = try Data.fetchOne(db, sql: "SELECT GeomFromWKB(?, 4547)", arguments: [Data(shape.wkb())])
                XCTAssertEqual(theirs.map { [UInt8]($0) }, shape.spatiaLiteBlob(srid: 4547), shape.type.rawValue)
                // And read back in Swift, and built in GEOS from the coordinates, it is the same geometry.
                let blob = [UInt8](theirs!)
                let read = try XCTUnwrap(blob.withUnsafeBytes { Shape(spatiaLiteBlob: $0) }, shape.type.rawValue)
                XCTAssertEqual(read.wkb(), shape.wkb(), shape.type.rawValue)
                let geos = GEOSContext()
                XCTAssertEqual(try Geometry(shape: read, in: geos).wkb(), try Geometry(wkb: shape.wkb(), in: geos).wkb(), shape.type.rawValue)
            }
            // What it does not read (a 3D blob, a truncated one) is nil, for SpatiaLite to convert.
            let z = try XCTUnwrap(try Data.fetchOne(db, sql: "SELECT GeomFromText('POINT Z(1 2 3)', 4547)"))
            XCTAssertNil([UInt8](z).withUnsafeBytes { Shape(spatiaLiteBlob: $0) })
            XCTAssertNil(Array(shapes[2].spatiaLiteBlob(srid: 4547).dropLast(9)).withUnsafeBytes { Shape(spatiaLiteBlob: $0) })
        }
    }
}

final class KnownPipelineTests: XCTestCase {
    /// Every CGCS2000 Gauss-Kruger zone's pipeline, written by landreg so as
    /// not to search PROJ's database, is the one PROJ finds, both ways, and
    /// moves positions exactly as PROJ's does.
    func testGaussKrugerPipelinesAreWhatPROJFinds() throws {
        for srid in 4491...4554 {
            for (source, target) in [(CRS.lonLat, srid), (srid, CRS.lonLat), (4326, srid)] {
                let known = try XCTUnwrap(Transformer.knownPipeline(from: source, to: target), "EPSG:\(srid)")
                let asked = try Transformer(from: source, to: target, askingPROJ: true)
                XCTAssertEqual(known, asked.pipeline, "EPSG:\(source) → EPSG:\(target)")
                let (cm, _) = try XCTUnwrap(CRS.gaussKruger(srid))
                var a = Shape(type: .multiPoint, xy: [Double(cm) - 1.3, 35.7, Double(cm) + 0.4, 24.1])
                if source == srid { try Transformer(from: CRS.lonLat, to: srid, askingPROJ: true).transform(&a) }
                var b = a
                try Transformer(from: source, to: target).transform(&a)
                try asked.transform(&b)
                XCTAssertEqual(a.xy, b.xy, "EPSG:\(source) → EPSG:\(target)")
            }
        }
        XCTAssertNil(Transformer.knownPipeline(from: 4490, to: 3857))
        XCTAssertNil(Transformer.knownPipeline(from: 4547, to: 4526))
        XCTAssertNil(CRS.gaussKruger(4555))
        XCTAssertNil(CRS.gaussKruger(4490))
    }

    /// The areas of use landreg knows without PROJ's database are the ones
    /// in it, for CGCS2000 and every Gauss-Kruger zone.
    func testKnownAreasOfUseAreWhatPROJHas() throws {
        for srid in [CRS.lonLat] + Array(4491...4554) {
            let known = try XCTUnwrap(CRS.knownAreaOfUse(srid), "EPSG:\(srid)")
            let asked = try XCTUnwrap(Transformer.areaOfUse(srid, askingPROJ: true), "EPSG:\(srid)")
            XCTAssertEqual([known.west, known.south, known.east, known.north], [asked.west, asked.south, asked.east, asked.north],
                           "EPSG:\(srid)")
        }
        XCTAssertNil(CRS.knownAreaOfUse(3857))
        XCTAssertNotNil(Transformer.areaOfUse(3857))
    }

    /// A pair landreg does not know is asked of PROJ once, then made from
    /// the PROJ string it gave, with the same results.
    func testAnotherPairIsAskedOnceAndGivesTheSameResults() throws {
        let first = try Transformer(from: 4547, to: 4526)
        let second = try Transformer(from: 4547, to: 4526)
        XCTAssertEqual(first.pipeline, second.pipeline)
        var a = Shape(type: .multiPoint, xy: [412_345.6, 3_951_234.5]), b = a
        try first.transform(&a)
        try second.transform(&b)
        XCTAssertEqual(a.xy, b.xy)
        XCTAssertEqual(a.xy[0], 38_412_345.6, accuracy: 1e-3)
    }

    /// A closed ring's last position is copied from its first rather than
    /// transformed again: every position comes out as when transformed on
    /// its own, closed rings stay closed, an open line's ends both move.
    func testClosedRingsTransformAsEveryPositionAlone() throws {
        let transformer = try Transformer(from: 4547, to: CRS.lonLat)
        let outline: [Double] = [412_000, 3_951_000, 413_000, 3_951_000, 413_000, 3_952_000, 412_000, 3_951_000]
        let hole: [Double] = [412_600, 3_951_200, 412_800, 3_951_200, 412_800, 3_951_400, 412_600, 3_951_200]
        let open: [Double] = [412_000, 3_951_000, 412_500, 3_951_500, 412_000, 3_951_001]
        let cases = [Shape(type: .polygon, xy: outline + hole, ringEnds: [4, 8]),
                     Shape(type: .multiPolygon, xy: outline + hole + outline, ringEnds: [4, 8, 12], polygonEnds: [2, 3]),
                     Shape(type: .multiLineString, xy: open + outline + [412_000, 3_951_000], ringEnds: [3, 7, 8]),
                     Shape(type: .lineString, xy: open)]
        for original in cases {
            var shape = original
            try transformer.transform(&shape)
            for i in 0..<original.positionCount {
                var alone = Shape.point(original.xy[2 * i], original.xy[2 * i + 1])
                try transformer.transform(&alone)
                XCTAssertEqual([shape.xy[2 * i], shape.xy[2 * i + 1]], alone.xy, "\(original.type) position \(i)")
            }
            try transformer.inverse(&shape)
            for (back, before) in zip(shape.xy, original.xy) { XCTAssertEqual(back, before, accuracy: 1e-6) }
        }
    }
}
