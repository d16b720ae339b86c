/// SpatiaLite's internal geometry BLOB (2D, uncompressed), written in Swift so
/// the import's writer thread binds it as is instead of running
/// `GeomFromWKB()` for every row. The tests check that it equals, byte for
/// byte, what SpatiaLite writes for every geometry type.
///
/// Layout (little-endian): 0x00, 0x01, SRID (int32), MBR min x, min y, max x,
/// max y (float64), 0x7C, class (int32), the geometry, 0xFE. In Multi*
/// geometries each element starts with 0x69 and its own class.
extension Shape {
    func spatiaLiteBlob(srid: Int32) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(xy.count * 8 + 64)
        func i32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        func point(_ i: Int) { f64(xy[2 * i]); f64(xy[2 * i + 1]) }
        func points(_ range: Range<Int>) { i32(Int32(range.count)); for i in range { point(i) } }
        let b = bounds
        out.append(0x00); out.append(0x01)
        i32(srid)
        f64(b.minX); f64(b.minY); f64(b.maxX); f64(b.maxY)
        out.append(0x7C)
        i32(Int32(type.wkbCode))
        let rings = ringRanges
        switch type {
        case .point: point(0)
        case .lineString: points(0..<positionCount)
        case .polygon:
            i32(Int32(rings.count))
            for r in rings { points(r) }
        case .multiPoint:
            i32(Int32(positionCount))
            for i in 0..<positionCount { out.append(0x69); i32(1); point(i) }
        case .multiLineString:
            i32(Int32(rings.count))
            for r in rings { out.append(0x69); i32(2); points(r) }
        case .multiPolygon:
            let polygons = polygonRanges
            i32(Int32(polygons.count))
            for p in polygons {
                out.append(0x69); i32(3)
                i32(Int32(p.count))
                for r in p { points(rings[r]) }
            }
        }
        out.append(0xFE)
        return out
    }
}
