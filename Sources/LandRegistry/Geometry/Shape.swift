/// The six simple-feature geometry types the layers use.
public enum GeometryType: String, Sendable, CaseIterable {
    case point = "Point"
    case lineString = "LineString"
    case polygon = "Polygon"
    case multiPoint = "MultiPoint"
    case multiLineString = "MultiLineString"
    case multiPolygon = "MultiPolygon"

    /// The WKB type code.
    var wkbCode: UInt32 {
        switch self {
        case .point: return 1
        case .lineString: return 2
        case .polygon: return 3
        case .multiPoint: return 4
        case .multiLineString: return 5
        case .multiPolygon: return 6
        }
    }

    init?(wkbCode: UInt32) {
        guard let type = GeometryType.allCases.first(where: { $0.wkbCode == wkbCode }) else { return nil }
        self = type
    }

    /// How deeply GeoJSON nests this type's `coordinates` (a position is 1).
    var coordinateDepth: Int {
        switch self {
        case .point: return 1
        case .lineString, .multiPoint: return 2
        case .polygon, .multiLineString: return 3
        case .multiPolygon: return 4
        }
    }

    public var isAreal: Bool { self == .polygon || self == .multiPolygon }
}

/// A 2D geometry as plain Swift values: positions in one flat array, and
/// where each ring (or line) and each polygon ends.
///
/// - `xy`: x0, y0, x1, y1, … (lon/lat or projected metres).
/// - `ringEnds`: for Polygon, MultiPolygon, LineString, MultiLineString: the
///   cumulative position count at the end of each ring or line.
/// - `polygonEnds`: for MultiPolygon: the cumulative ring count at the end of
///   each polygon.
public struct Shape: Sendable, Equatable {
    public var type: GeometryType
    public var xy: [Double]
    public var ringEnds: [Int]
    public var polygonEnds: [Int]

    public init(type: GeometryType, xy: [Double], ringEnds: [Int] = [], polygonEnds: [Int] = []) {
        self.type = type
        self.xy = xy
        self.ringEnds = ringEnds
        self.polygonEnds = polygonEnds
    }

    /// A point.
    public static func point(_ x: Double, _ y: Double) -> Shape { Shape(type: .point, xy: [x, y]) }

    /// A polygon from its outline and holes, each a list of (x, y); a ring
    /// that does not repeat its first position is closed.
    public static func polygon(_ outline: [(Double, Double)], holes: [[(Double, Double)]] = []) -> Shape {
        var shape = Shape(type: .polygon, xy: [])
        for ring in [outline] + holes {
            for (x, y) in ring { shape.xy += [x, y] }
            if let first = ring.first, let last = ring.last, first != last { shape.xy += [first.0, first.1] }
            shape.ringEnds.append(shape.positionCount)
        }
        return shape
    }

    public var positionCount: Int { xy.count / 2 }

    /// The ranges of positions of each ring or line.
    var ringRanges: [Range<Int>] {
        var start = 0
        return ringEnds.map { end in defer { start = end }; return start..<end }
    }

    /// The ranges of rings of each polygon (one for a Polygon).
    var polygonRanges: [Range<Int>] {
        switch type {
        case .polygon: return [0..<ringEnds.count]
        case .multiPolygon:
            var start = 0
            return polygonEnds.map { end in defer { start = end }; return start..<end }
        default: return []
        }
    }

    /// Bounding box (infinite for an empty shape).
    public var bounds: Envelope {
        var minX = Double.infinity, minY = Double.infinity
        var maxX = -Double.infinity, maxY = -Double.infinity
        var i = 0
        while i < xy.count {
            minX = min(minX, xy[i]); maxX = max(maxX, xy[i])
            minY = min(minY, xy[i + 1]); maxY = max(maxY, xy[i + 1])
            i += 2
        }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// Twice the signed area of ring `r` (positive when counter-clockwise).
    func signedArea2(ring range: Range<Int>) -> Double {
        var sum = 0.0
        guard range.count >= 3 else { return 0 }
        for i in range.lowerBound..<(range.upperBound - 1) {
            sum += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1]
        }
        return sum
    }

    /// The same geometry with exterior rings counter-clockwise and holes
    /// clockwise, as RFC 7946 asks.
    public func rightHandRule() -> Shape {
        guard type.isAreal else { return self }
        var copy = self
        for polygon in polygonRanges {
            for (k, r) in polygon.enumerated() {
                let range = ringRanges[r]
                let area = signedArea2(ring: range)
                let wantCounterClockwise = k == 0
                if (area < 0 && wantCounterClockwise) || (area > 0 && !wantCounterClockwise) {
                    var lo = range.lowerBound, hi = range.upperBound - 1
                    while lo < hi {
                        copy.xy.swapAt(2 * lo, 2 * hi)
                        copy.xy.swapAt(2 * lo + 1, 2 * hi + 1)
                        lo += 1; hi -= 1
                    }
                }
            }
        }
        return copy
    }

    /// A structural problem GEOS would report less clearly (too few points,
    /// unclosed rings); nil when the shape is well-formed.
    /// Whether a ring's positions all lie on one line (up to rounding, next
    /// to the ring's extent): it encloses nothing.
    func isDegenerate(_ range: Range<Int>) -> Bool {
        let x0 = xy[2 * range.lowerBound], y0 = xy[2 * range.lowerBound + 1]
        var far = range.lowerBound, farthest = 0.0
        for i in range {
            let d = (xy[2 * i] - x0) * (xy[2 * i] - x0) + (xy[2 * i + 1] - y0) * (xy[2 * i + 1] - y0)
            if d > farthest { (far, farthest) = (i, d) }
        }
        guard farthest > 0 else { return true }
        let dx = xy[2 * far] - x0, dy = xy[2 * far + 1] - y0, length = farthest.squareRoot()
        for i in range where abs(dx * (xy[2 * i + 1] - y0) - dy * (xy[2 * i] - x0)) / length > 1e-9 * length {
            return false
        }
        return true
    }

    public func structuralProblem() -> String? {
        if xy.isEmpty { return "empty geometry" }
        switch type {
        case .lineString, .multiLineString:
            for (i, range) in ringRanges.enumerated() where range.count < 2 {
                return "line \(i) has \(range.count) position(s), at least 2 are needed"
            }
        case .polygon, .multiPolygon:
            for polygon in polygonRanges where polygon.isEmpty { return "polygon with no rings" }
            for (i, range) in ringRanges.enumerated() {
                if range.count < 4 {
                    return "ring \(i) has \(range.count) position(s), at least 4 are needed"
                }
                let first = range.lowerBound, last = range.upperBound - 1
                if xy[2 * first] != xy[2 * last] || xy[2 * first + 1] != xy[2 * last + 1] {
                    return "ring \(i) is not closed (its first and last positions differ)"
                }
                // As received, in its own CRS: a ring of collinear positions
                // encloses nothing, whatever projecting it makes of it.
                if isDegenerate(range) { return "ring \(i) encloses no area (its positions are collinear)" }
            }
        default: break
        }
        return nil
    }

    // MARK: WKB

    /// Little-endian 2D WKB.
    public func wkb() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(xy.count * 8 + 64)
        func byteOrderAndType(_ t: GeometryType) {
            out.append(1)
            withUnsafeBytes(of: t.wkbCode.littleEndian) { out.append(contentsOf: $0) }
        }
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
        func points(_ range: Range<Int>) {
            u32(range.count)
            appendPositions(range, to: &out)
        }
        func point(_ i: Int) {
            withUnsafeBytes(of: xy[2 * i].bitPattern.littleEndian) { out.append(contentsOf: $0) }
            withUnsafeBytes(of: xy[2 * i + 1].bitPattern.littleEndian) { out.append(contentsOf: $0) }
        }
        let rings = ringRanges
        byteOrderAndType(type)
        switch type {
        case .point: point(0)
        case .lineString: points(0..<positionCount)
        case .multiPoint:
            u32(positionCount)
            for i in 0..<positionCount { byteOrderAndType(.point); point(i) }
        case .polygon:
            u32(rings.count)
            for r in rings { points(r) }
        case .multiLineString:
            u32(rings.count)
            for r in rings { byteOrderAndType(.lineString); points(r) }
        case .multiPolygon:
            let polygons = polygonRanges
            u32(polygons.count)
            for p in polygons {
                byteOrderAndType(.polygon)
                u32(p.count)
                for r in p { points(rings[r]) }
            }
        }
        return out
    }

    /// Appends the positions in `range` as little-endian doubles, x then y:
    /// on a little-endian machine, `xy`'s own bytes in one copy.
    func appendPositions(_ range: Range<Int>, to out: inout [UInt8]) {
        #if _endian(little)
        xy.withUnsafeBytes { out.append(contentsOf: $0[(16 * range.lowerBound)..<(16 * range.upperBound)]) }
        #else
        for i in range {
            withUnsafeBytes(of: xy[2 * i].bitPattern.littleEndian) { out.append(contentsOf: $0) }
            withUnsafeBytes(of: xy[2 * i + 1].bitPattern.littleEndian) { out.append(contentsOf: $0) }
        }
        #endif
    }

    /// Reads 2D WKB (either byte order); Z and M values are dropped.
    public init(wkb bytes: [UInt8]) throws {
        var reader = WKBReader(bytes: bytes)
        self = try reader.read()
    }
}
