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
        func points(_ range: Range<Int>) { i32(Int32(range.count)); appendPositions(range, to: &out) }
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

extension Shape {
    /// Whether bytes begin and end as a SpatiaLite blob does: 0x00, the byte
    /// order, SRID and MBR, 0x7C … 0xFE.
    private static func hasSpatiaLiteHead(_ blob: UnsafeRawBufferPointer) -> Bool {
        blob.count >= 45 && blob[0] == 0x00 && blob[38] == 0x7C && blob[blob.count - 1] == 0xFE
            && (blob[1] == 0x01 || blob[1] == 0x00)
    }

    /// The bounding box at the head of a SpatiaLite blob (min x, min y,
    /// max x, max y after the SRID), compressed or not; nil for bytes that
    /// are no SpatiaLite blob.
    static func spatiaLiteBounds(_ blob: UnsafeRawBufferPointer) -> Envelope? {
        guard hasSpatiaLiteHead(blob) else { return nil }
        let little = blob[1] == 0x01
        func f64(_ offset: Int) -> Double {
            let raw = blob.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            return Double(bitPattern: little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw))
        }
        let box = Envelope(minX: f64(6), minY: f64(14), maxX: f64(22), maxY: f64(30))
        guard box.minX <= box.maxX, box.minY <= box.maxY else { return nil }
        return box
    }

    /// Reads SpatiaLite's internal BLOB (2D, uncompressed; little- or
    /// big-endian), the inverse of `spatiaLiteBlob`; nil for what it does not
    /// read (compressed, Z or M geometries), which SpatiaLite must convert.
    init?(spatiaLiteBlob blob: UnsafeRawBufferPointer) {
        guard Shape.hasSpatiaLiteHead(blob) else { return nil }
        var reader = BlobReader(blob: blob, little: blob[1] == 0x01)
        guard let code = reader.i32(), let type = GeometryType(wkbCode: UInt32(code)) else { return nil }
        var ok = true
        switch type {
        case .point: ok = reader.points(1)
        case .lineString: ok = reader.line()
        case .polygon: ok = reader.polygon()
        case .multiPoint:
            guard let n = reader.i32() else { return nil }
            for _ in 0..<n where ok { ok = reader.element(1) && reader.points(1) }
        case .multiLineString:
            guard let n = reader.i32() else { return nil }
            for _ in 0..<n where ok { ok = reader.element(2) && reader.line() }
        case .multiPolygon:
            guard let n = reader.i32() else { return nil }
            for _ in 0..<n where ok { ok = reader.element(3) && reader.polygon() }
        }
        guard ok, reader.offset == blob.count - 1 else { return nil }
        let rings = type == .multiPolygon || type == .polygon || type == .lineString || type == .multiLineString
        self.init(type: type, xy: reader.xy, ringEnds: rings ? reader.ringEnds : [],
                  polygonEnds: type == .multiPolygon ? reader.polygonEnds : [])
    }
}

/// A cursor over a SpatiaLite blob's body (after the 39-byte head),
/// gathering positions and ring and polygon ends.
private struct BlobReader {
    let blob: UnsafeRawBufferPointer
    let little: Bool
    var offset = 39
    var xy: [Double] = [], ringEnds: [Int] = [], polygonEnds: [Int] = []

    init(blob: UnsafeRawBufferPointer, little: Bool) {
        self.blob = blob
        self.little = little
        xy.reserveCapacity((blob.count - 40) / 8)
    }

    mutating func i32() -> Int? {
        guard offset + 4 <= blob.count else { return nil }
        let raw = blob.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return Int(little ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw))
    }

    mutating func points(_ count: Int) -> Bool {
        guard count >= 0, offset + 16 * count <= blob.count else { return false }
        for _ in 0..<(2 * count) {
            let raw = blob.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            xy.append(Double(bitPattern: little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw)))
            offset += 8
        }
        return true
    }

    mutating func line() -> Bool {
        guard let n = i32(), points(n) else { return false }
        ringEnds.append(xy.count / 2)
        return true
    }

    mutating func polygon() -> Bool {
        guard let rings = i32() else { return false }
        for _ in 0..<rings where !line() { return false }
        polygonEnds.append(ringEnds.count)
        return true
    }

    /// The head of an element of a Multi* geometry: 0x69, then its class.
    mutating func element(_ expected: Int) -> Bool {
        guard offset < blob.count, blob[offset] == 0x69 else { return false }
        offset += 1
        return i32() == expected
    }
}
