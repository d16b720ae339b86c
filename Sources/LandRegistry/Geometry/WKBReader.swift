/// Error for WKB that cannot be read.
public struct WKBError: Error, CustomStringConvertible {
    public let description: String
}

struct WKBReader {
    let bytes: [UInt8]
    var offset = 0
    var littleEndian = true

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func u8() throws -> UInt8 {
        guard offset < bytes.count else { throw WKBError(description: "truncated WKB") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() throws -> UInt32 {
        guard offset + 4 <= bytes.count else { throw WKBError(description: "truncated WKB") }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
        offset += 4
        return littleEndian ? v : v.byteSwapped
    }

    mutating func f64() throws -> Double {
        guard offset + 8 <= bytes.count else { throw WKBError(description: "truncated WKB") }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return Double(bitPattern: littleEndian ? v : v.byteSwapped)
    }

    /// Reads a header: returns the base type and the number of ordinates.
    mutating func header() throws -> (GeometryType, Int) {
        littleEndian = try u8() == 1
        let raw = try u32()
        // ISO codes (1001, 2001, 3001) and EWKB flags for Z/M.
        var code = raw & 0x0FFF_FFFF
        var dims = 2
        if raw & 0x8000_0000 != 0 { dims += 1 }
        if raw & 0x4000_0000 != 0 { dims += 1 }
        if raw & 0x2000_0000 != 0 { offset += 4 }  // EWKB SRID
        if code >= 3000 { dims = 4; code -= 3000 } else if code >= 2000 { dims = 3; code -= 2000 } else if code >= 1000 { dims = 3; code -= 1000 }
        guard let type = GeometryType(wkbCode: code) else {
            throw WKBError(description: "unsupported WKB geometry type \(raw)")
        }
        return (type, dims)
    }

    mutating func positions(_ n: Int, dims: Int, into xy: inout [Double]) throws {
        for _ in 0..<n {
            xy.append(try f64()); xy.append(try f64())
            for _ in 2..<dims { _ = try f64() }
        }
    }

    mutating func read() throws -> Shape {
        let (type, dims) = try header()
        var shape = Shape(type: type, xy: [])
        switch type {
        case .point:
            try positions(1, dims: dims, into: &shape.xy)
        case .lineString:
            try positions(Int(try u32()), dims: dims, into: &shape.xy)
            shape.ringEnds = [shape.positionCount]
        case .polygon:
            for _ in 0..<(try u32()) {
                try positions(Int(try u32()), dims: dims, into: &shape.xy)
                shape.ringEnds.append(shape.positionCount)
            }
        case .multiPoint:
            for _ in 0..<(try u32()) {
                let (_, d) = try header()
                try positions(1, dims: d, into: &shape.xy)
            }
        case .multiLineString:
            for _ in 0..<(try u32()) {
                let (_, d) = try header()
                try positions(Int(try u32()), dims: d, into: &shape.xy)
                shape.ringEnds.append(shape.positionCount)
            }
        case .multiPolygon:
            for _ in 0..<(try u32()) {
                let (_, d) = try header()
                for _ in 0..<(try u32()) {
                    try positions(Int(try u32()), dims: d, into: &shape.xy)
                    shape.ringEnds.append(shape.positionCount)
                }
                shape.polygonEnds.append(shape.ringEnds.count)
            }
        }
        return shape
    }
}
