import XCTest
@testable import LandRegistry

/// `SimpleRing` calls a polygon valid without GEOS only when GEOS finds it
/// valid too: random rings at EPSG:4547 coordinates — simple stars, random
/// scribbles (mostly crossing), rings on a coarse grid (touches, collinear
/// and repeated positions, spikes), a position moved onto another edge or a
/// hair's breadth from it — each asked of both.
final class SimpleRingTests: XCTestCase {
    private var g = SystemRandomNumberGenerator()

    private func ring(_ points: [(Double, Double)]) -> Shape {
        let closed = points + [points[0]]
        return Shape(type: .polygon, xy: closed.flatMap { [$0.0, $0.1] }, ringEnds: [closed.count])
    }

    private func star(_ n: Int) -> [(Double, Double)] {
        let (cx, cy) = (500_000 + Double.random(in: 0...1000, using: &g), 3_900_000 + Double.random(in: 0...1000, using: &g))
        let r = Double.random(in: 0.5...300, using: &g)
        let angles = (0..<n).map { _ in Double.random(in: 0..<(2 * .pi), using: &g) }.sorted()
        return angles.map { a in
            let radius = r * Double.random(in: 0.2...1, using: &g)
            return (cx + radius * cos(a), cy + radius * sin(a))
        }
    }

    private func randomRing() -> (kind: String, points: [(Double, Double)]) {
        let n = Int.random(in: 3...70, using: &g)
        switch Int.random(in: 0..<5, using: &g) {
        case 0:
            return ("star", star(n))
        case 1:
            let (x, y) = (500_000.0, 3_900_000.0)
            return ("scribble", (0..<n).map { _ in (x + Double.random(in: 0...100, using: &g), y + Double.random(in: 0...100, using: &g)) })
        case 2:
            // A coarse grid: positions repeat, lie on each other's edges, double back.
            let m = Int.random(in: 3...8, using: &g)
            return ("grid", (0..<m).map { _ in (500_000 + Double(Int.random(in: 0...3, using: &g)), 3_900_000 + Double(Int.random(in: 0...3, using: &g))) })
        case 3:
            // A star with one position moved onto another edge's midpoint, or a hair from it.
            var points = star(max(n, 6))
            let k = points.count
            let e = Int.random(in: 0..<k, using: &g), v = (e + Int.random(in: 2..<(k - 1), using: &g)) % k
            let (a, b) = (points[e], points[(e + 1) % k])
            let hair = [0, 1e-9, -1e-9, 1e-6, 1e-3].randomElement(using: &g)!
            points[v] = ((a.0 + b.0) / 2 + hair, (a.1 + b.1) / 2 - hair)
            return ("touch", points)
        default:
            // A star with a spike (out and straight back) or a repeated position.
            var points = star(max(n, 4))
            let i = Int.random(in: 0..<points.count, using: &g)
            if Bool.random(using: &g) {
                points.insert(points[i], at: i)
            } else {
                let p = points[i]
                points.insert(contentsOf: [(p.0 + 50, p.1 + 50), p], at: i + 1)
            }
            return ("spike", points)
        }
    }

    func testCertainlyValidOnlyWhenGEOSFindsItValid() throws {
        let geos = GEOSContext()
        var accepted: [String: Int] = [:], invalid = 0, starsSmall = 0
        for _ in 0..<20_000 {
            let (kind, points) = randomRing()
            let shape = ring(points)
            guard shape.structuralProblem() == nil else { continue }
            let certain = SimpleRing.isCertainlyValid(shape)
            let problem = try Geometry(shape: shape, in: geos).invalidity()
            if problem != nil { invalid += 1 }
            if certain {
                accepted[kind, default: 0] += 1
                XCTAssertNil(problem, "\(kind) called valid, GEOS: \(problem?.reason ?? "") — \(shape.xy)")
            }
            if kind == "star", shape.positionCount <= SimpleRing.maxPositions { starsSmall += 1 }
        }
        // Not vacuous: most simple stars are decided here, many rings are invalid.
        XCTAssertGreaterThan(accepted["star", default: 0], starsSmall * 9 / 10, "\(accepted)")
        XCTAssertGreaterThan(invalid, 5_000)
    }

    func testOnlyASmallPolygonOfOneRingIsDecided() {
        let square = [(500_000.0, 3_900_000.0), (500_010, 3_900_000), (500_010, 3_900_010), (500_000, 3_900_010)]
        XCTAssertTrue(SimpleRing.isCertainlyValid(ring(square)))
        XCTAssertTrue(SimpleRing.isCertainlyValid(ring(square.reversed())))
        XCTAssertFalse(SimpleRing.isCertainlyValid(ring([square[0], square[2], square[1], square[3]])), "a bow tie")
        XCTAssertFalse(SimpleRing.isCertainlyValid(ring([square[0], (500_005, 3_900_000)] + square.dropFirst())), "a straight turn: GEOS decides")
        var holed = ring(square)
        holed.xy += ring([(500_002.0, 3_900_002.0), (500_002, 3_900_004), (500_004, 3_900_004)]).xy
        holed.ringEnds = [5, 9]
        XCTAssertFalse(SimpleRing.isCertainlyValid(holed))
        var multi = ring(square)
        multi.type = .multiPolygon
        multi.polygonEnds = [1]
        XCTAssertFalse(SimpleRing.isCertainlyValid(multi))
        let big = (0..<SimpleRing.maxPositions).map { a in
            (500_000 + 100 * cos(Double(a) / Double(SimpleRing.maxPositions) * 2 * .pi), 3_900_000 + 100 * sin(Double(a) / Double(SimpleRing.maxPositions) * 2 * .pi))
        }
        XCTAssertFalse(SimpleRing.isCertainlyValid(ring(big)), "more positions than it decides")
        XCTAssertTrue(SimpleRing.isCertainlyValid(ring(Array(big.dropLast()))))
    }
}
