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

/// `ConvexClip` measures what GEOS's overlay measures, on random convex
/// clippers (either orientation, collinear and repeated positions) against
/// random star-shaped polygons with and without holes, multipolygons, and
/// grid rectangles sharing edges and corners with a rectangle clipper — at
/// the coordinates of a county in EPSG:4547.
final class ConvexClipTests: XCTestCase {
    private var g = SystemRandomNumberGenerator()

    private func ring(_ points: [(Double, Double)]) -> [Double] { (points + [points[0]]).flatMap { [$0.0, $0.1] } }

    /// A star-shaped ring about (cx, cy): sorted angles, random radii (convex when the radii are equal).
    private func star(_ cx: Double, _ cy: Double, _ r: Double, _ n: Int, convex: Bool) -> [(Double, Double)] {
        let angles = (0..<n).map { _ in Double.random(in: 0..<(2 * .pi), using: &g) }.sorted()
        return angles.map { a in
            let radius = convex ? r : r * Double.random(in: 0.3...1, using: &g)
            return (cx + radius * cos(a), cy + radius * sin(a))
        }
    }

    private func convexClipper() -> Shape {
        if Bool.random(using: &g) {
            // A grid rectangle, maybe with a collinear position on an edge and a repeated corner.
            let (x, y) = (500_000 + 10 * Double(Int.random(in: 0...4, using: &g)), 3_800_000 + 10 * Double(Int.random(in: 0...4, using: &g)))
            let (w, h) = (10 * Double(Int.random(in: 1...3, using: &g)), 10 * Double(Int.random(in: 1...3, using: &g)))
            var points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            if Bool.random(using: &g) { points.insert((x + w / 2, y), at: 1) }
            if Bool.random(using: &g) { points.insert(points[2], at: 2) }
            if Bool.random(using: &g) { points.reverse() }
            return Shape(type: .polygon, xy: ring(points), ringEnds: [points.count + 1])
        }
        var points = star(500_020, 3_800_020, Double.random(in: 5...40, using: &g), Int.random(in: 3...40, using: &g), convex: true)
        if Bool.random(using: &g) { points.reverse() }
        return Shape(type: .polygon, xy: ring(points), ringEnds: [points.count + 1])
    }

    private func subject() -> Shape {
        switch Int.random(in: 0..<4, using: &g) {
        case 0:
            // Grid rectangles: shared edges and corners with a grid clipper.
            let (x, y) = (500_000 + 10 * Double(Int.random(in: 0...5, using: &g)), 3_800_000 + 10 * Double(Int.random(in: 0...5, using: &g)))
            let (w, h) = (10 * Double(Int.random(in: 1...3, using: &g)), 10 * Double(Int.random(in: 1...3, using: &g)))
            let points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            return Shape(type: .polygon, xy: ring(points), ringEnds: [5])
        case 1:
            // A star with a hole (clockwise) around its centre.
            let (cx, cy) = (500_000 + Double.random(in: 0...50, using: &g), 3_800_000 + Double.random(in: 0...50, using: &g))
            let outer = star(cx, cy, Double.random(in: 10...40, using: &g), Int.random(in: 5...60, using: &g), convex: false)
            let hole = Array(star(cx, cy, 2.5, Int.random(in: 3...8, using: &g), convex: true).reversed())
            return Shape(type: .polygon, xy: ring(outer) + ring(hole), ringEnds: [outer.count + 1, outer.count + hole.count + 2])
        case 2:
            // Two stars far enough apart to be one valid multipolygon.
            let a = star(500_000, 3_800_020, 15, Int.random(in: 3...30, using: &g), convex: false)
            let b = star(500_040, 3_800_020, 15, Int.random(in: 3...30, using: &g), convex: false)
            return Shape(type: .multiPolygon, xy: ring(a) + ring(b), ringEnds: [a.count + 1, a.count + b.count + 2], polygonEnds: [1, 2])
        default:
            let points = star(500_000 + Double.random(in: 0...50, using: &g), 3_800_000 + Double.random(in: 0...50, using: &g),
                              Double.random(in: 1...60, using: &g), Int.random(in: 3...170, using: &g), convex: false)
            return Shape(type: .polygon, xy: ring(points), ringEnds: [points.count + 1])
        }
    }

    func testTheClippedAreaIsTheOverlaysArea() throws {
        let geos = GEOSContext()
        var measured = 0
        for _ in 0..<3000 {
            let clipper = convexClipper(), other = subject()
            guard let clip = ConvexClip.convexRing(clipper) else { return XCTFail("a convex ring not seen as one: \(clipper.xy)") }
            let a = try Geometry(shape: clipper, in: geos), b = try Geometry(shape: other, in: geos)
            guard try a.invalidity() == nil, try b.invalidity() == nil else { continue }
            let expected = try a.intersection(b).area()
            let got = ConvexClip.area(of: other, inside: clip)
            XCTAssertEqual(got, expected, accuracy: 1e-6 * max(1, expected), "\(other.type) \(other.xy) inside \(clipper.xy)")
            // The relation every rule reads measures the same, whichever comes first.
            let relation = try SpatialRelation(b, areal: true, a, areal: true, overlapMinimum: 1)
            XCTAssertEqual(relation.overlap, expected, accuracy: 1e-6 * max(1, expected))
            measured += expected > 0 ? 1 : 0
        }
        XCTAssertGreaterThan(measured, 1000, "most pairs overlap")
        // Not convex: an L, a polygon with a hole, a multipolygon, a line.
        let l = Shape(type: .polygon, xy: [0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2, 0, 0], ringEnds: [7])
        XCTAssertNil(ConvexClip.convexRing(l))
        XCTAssertNil(ConvexClip.convexRing(Shape(type: .polygon, xy: ring([(0, 0), (9, 0), (9, 9)]) + ring([(5, 1), (6, 1), (6, 2)]), ringEnds: [4, 8])))
        XCTAssertNil(ConvexClip.convexRing(Shape(type: .lineString, xy: [0, 0, 1, 1], ringEnds: [2])))
        XCTAssertNil(ConvexClip.convexRing(Shape(type: .polygon, xy: ring([(0, 0), (1, 1), (2, 2)]), ringEnds: [4])), "no area")
    }
}
