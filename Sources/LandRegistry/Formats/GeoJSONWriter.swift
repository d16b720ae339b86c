#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes RFC 7946 GeoJSON: lon/lat, exterior rings counter-clockwise and
/// holes clockwise, coordinates rounded to `precision` decimals.
struct GeoJSONWriter {
    let sink: OutputSink
    let precision: Int
    private var first = true
    private var number = [CChar](repeating: 0, count: 64)

    init(sink: OutputSink, precision: Int) {
        self.sink = sink
        self.precision = precision
    }

    func begin() {
        sink.write("{\"type\":\"FeatureCollection\",\"features\":[\n")
    }

    func end() {
        sink.write("\n]}\n")
    }

    /// Writes one feature; `properties` is a JSON object text.
    mutating func feature(properties: String, shape: Shape) {
        if !first { sink.write(",\n") }
        first = false
        sink.write("{\"type\":\"Feature\",\"properties\":")
        sink.write(properties)
        sink.write(",\"geometry\":")
        geometry(shape.rightHandRule())
        sink.write("}")
    }

    /// Writes a geometry object (the shape as given).
    mutating func geometry(_ shape: Shape) {
        sink.write("{\"type\":\"\(shape.type.rawValue)\",\"coordinates\":")
        let rings = shape.ringRanges
        switch shape.type {
        case .point:
            position(shape, 0)
        case .lineString:
            positions(shape, 0..<shape.positionCount)
        case .multiPoint:
            sink.write("[")
            for i in 0..<shape.positionCount {
                if i > 0 { sink.write(",") }
                position(shape, i)
            }
            sink.write("]")
        case .polygon, .multiLineString:
            ringList(shape, rings, 0..<rings.count)
        case .multiPolygon:
            sink.write("[")
            for (k, polygon) in shape.polygonRanges.enumerated() {
                if k > 0 { sink.write(",") }
                ringList(shape, rings, polygon)
            }
            sink.write("]")
        }
        sink.write("}")
    }

    private mutating func ringList(_ shape: Shape, _ rings: [Range<Int>], _ which: Range<Int>) {
        sink.write("[")
        for r in which {
            if r > which.lowerBound { sink.write(",") }
            positions(shape, rings[r])
        }
        sink.write("]")
    }

    private mutating func positions(_ shape: Shape, _ range: Range<Int>) {
        sink.write("[")
        for i in range {
            if i > range.lowerBound { sink.write(",") }
            position(shape, i)
        }
        sink.write("]")
    }

    private mutating func position(_ shape: Shape, _ i: Int) {
        sink.write("[")
        coordinate(shape.xy[2 * i])
        sink.write(",")
        coordinate(shape.xy[2 * i + 1])
        sink.write("]")
    }

    /// A coordinate correctly rounded to `precision` decimals (printf's
    /// exact decimal conversion), trailing zeros dropped.
    private mutating func coordinate(_ value: Double) {
        let precision = self.precision
        number.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var n = Int(withVaList([Int32(precision), value]) { vsnprintf(base, 64, "%.*f", $0) })
            if n <= 0 || n >= 64 { n = 0 }
            if precision > 0 {
                while n > 0 && base[n - 1] == 0x30 { n -= 1 }
                if n > 0 && base[n - 1] == 0x2E { n -= 1 }
            }
            // "-0" is written as "0".
            if n == 2 && base[0] == 0x2D && base[1] == 0x30 { base[0] = 0x30; n = 1 }
            base.withMemoryRebound(to: UInt8.self, capacity: n) { bytes in
                sink.write(bytes: UnsafeBufferPointer(start: bytes, count: n))
            }
        }
    }
}
