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
    /// 10 to the `precision`.
    private let scale: Double
    private var first = true
    private var number = [CChar](repeating: 0, count: 64)

    init(sink: OutputSink, precision: Int) {
        self.sink = sink
        self.precision = precision
        scale = GeoJSONWriter.powersOfTen[precision]
    }

    /// Starts the collection; `crs` (an EPSG code) writes the legacy `crs`
    /// member as ogr2ogr does, for projected coordinates (not RFC 7946).
    func begin(crs: Int? = nil) {
        if let crs {
            sink.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::\(crs)\"}},\"features\":[\n")
        } else {
            sink.write("{\"type\":\"FeatureCollection\",\"features\":[\n")
        }
    }

    func end() {
        sink.write("\n]}\n")
    }

    /// Writes one feature; `properties` is a JSON object text.
    mutating func feature(properties: String, shape: Shape) {
        var properties = properties
        properties.withUTF8 { feature(properties: $0, shape: shape) }
    }

    /// A feature whose properties object is already JSON bytes.
    mutating func feature(properties: UnsafeBufferPointer<UInt8>, shape: Shape) {
        if !first { sink.write(",\n") }
        first = false
        sink.write("{\"type\":\"Feature\",\"properties\":")
        sink.write(bytes: properties)
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

    /// A coordinate correctly rounded to `precision` decimals, trailing
    /// zeros dropped. The scaled value is rounded in binary; when it lies
    /// too near a half for that to be certain, printf's exact decimal
    /// conversion decides.
    private mutating func coordinate(_ value: Double) {
        let precision = self.precision
        let scaled = value * scale
        let rounded = scaled.rounded()
        if abs(scaled) < 9e15, abs(abs(scaled - rounded) - 0.5) > 1e-6 {
            writeFixed(Int64(rounded), decimals: precision)
            return
        }
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

    static let powersOfTen: [Double] = (0...15).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// Writes `units / 10^decimals` in decimal, without trailing zeros.
    private func writeFixed(_ units: Int64, decimals: Int) {
        // On the stack: no array to check for uniqueness at every coordinate.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: 64) { out in
                // Digits from the end of the buffer backwards.
                var end = 63
                var position = end
                var magnitude = units.magnitude
                var written = 0
                var significant = false
                repeat {
                    let digit = UInt8(magnitude % 10)
                    magnitude /= 10
                    if written < decimals {
                        if digit != 0 || significant {
                            out[position] = digit + 0x30
                            position -= 1
                            significant = true
                        } else {
                            end -= 1
                            position = end
                        }
                    } else {
                        if written == decimals && significant {
                            out[position] = 0x2E
                            position -= 1
                        }
                        out[position] = digit + 0x30
                        position -= 1
                    }
                    written += 1
                } while magnitude > 0 || written <= decimals
                if units < 0 {
                    out[position] = 0x2D
                    position -= 1
                }
                sink.write(bytes: UnsafeBufferPointer(start: out + position + 1, count: end - position))
            }
        }
    }
}
