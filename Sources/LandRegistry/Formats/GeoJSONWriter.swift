#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes RFC 7946 GeoJSON to a sink: lon/lat, exterior rings
/// counter-clockwise and holes clockwise, coordinates rounded to
/// `precision` decimals (see `GeoJSONFeatures`, which makes the bytes).
struct GeoJSONWriter {
    let sink: OutputSink
    let precision: Int
    private var first = true

    init(sink: OutputSink, precision: Int) {
        self.sink = sink
        self.precision = precision
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
        if !first { sink.write(",\n") }
        first = false
        var features = GeoJSONFeatures(precision: precision, capacity: 256 + 48 * shape.positionCount)
        var properties = properties
        properties.withUTF8 { features.feature(properties: $0, shape: shape) }
        features.withBytes { sink.write(bytes: $0) }
    }
}

/// GeoJSON features, comma-separated, as bytes: the export's workers make
/// their chunks with one of these. Numbers and punctuation are written
/// through a pointer into a buffer of its own (no Array or sink checks at
/// every byte: the export's hottest loop).
struct GeoJSONFeatures: ~Copyable {
    let precision: Int
    /// 10 to the `precision`.
    private let scale: Double
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private(set) var features = 0

    /// Positions written northing (latitude) first: the axis order EPSG
    /// gives EPSG:4326, 4490 and the Gauss-Kruger CRSs, which an OGC API
    /// answer in those CRSs keeps (RFC 7946 and CRS84 are east first).
    let northFirst: Bool

    init(precision: Int, capacity: Int = 1 << 16, northFirst: Bool = false) {
        self.precision = precision
        self.northFirst = northFirst
        scale = GeoJSONFeatures.powersOfTen[precision]
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    var bytes: [UInt8] { withBytes { Array($0) } }

    /// Appends a feature (after a comma and a newline but for the first);
    /// `properties` is a JSON object's bytes.
    mutating func feature(properties: UnsafeBufferPointer<UInt8>, shape: Shape, id: String? = nil) {
        if features > 0 { append(",\n") }
        features += 1
        append("{\"type\":\"Feature\",")
        if let id {
            var member: [UInt8] = Array("\"id\":".utf8)
            JSONValue.appendString(id, to: &member)
            member.append(0x2C)
            member.withUnsafeBufferPointer { append($0) }
        }
        append("\"properties\":")
        append(properties)
        append(",\"geometry\":")
        geometry(shape.rightHandRule())
        byte(0x7D)
    }

    /// Appends a geometry object (the shape as given).
    mutating func geometry(_ shape: Shape) {
        append("{\"type\":\"")
        append(shape.type.rawValue)
        append("\",\"coordinates\":")
        switch shape.type {
        case .point:
            position(shape.xy, 0)
        case .lineString:
            positions(shape.xy, 0..<shape.positionCount)
        case .multiPoint:
            byte(0x5B)
            for i in 0..<shape.positionCount {
                if i > 0 { byte(0x2C) }
                position(shape.xy, i)
            }
            byte(0x5D)
        case .polygon, .multiLineString:
            rings(shape, 0..<shape.ringEnds.count)
        case .multiPolygon:
            byte(0x5B)
            var start = 0
            for (k, end) in shape.polygonEnds.enumerated() {
                if k > 0 { byte(0x2C) }
                rings(shape, start..<end)
                start = end
            }
            byte(0x5D)
        }
        byte(0x7D)
    }

    /// The rings (or lines) numbered `which`, as an array of position arrays.
    private mutating func rings(_ shape: Shape, _ which: Range<Int>) {
        byte(0x5B)
        for r in which {
            if r > which.lowerBound { byte(0x2C) }
            positions(shape.xy, (r == 0 ? 0 : shape.ringEnds[r - 1])..<shape.ringEnds[r])
        }
        byte(0x5D)
    }

    private mutating func positions(_ xy: [Double], _ range: Range<Int>) {
        byte(0x5B)  // [
        for i in range {
            if i > range.lowerBound { byte(0x2C) }
            position(xy, i)
        }
        byte(0x5D)  // ]
    }

    private mutating func position(_ xy: [Double], _ i: Int) {
        byte(0x5B)  // [
        coordinate(xy[northFirst ? 2 * i + 1 : 2 * i])
        byte(0x2C)  // ,
        coordinate(xy[northFirst ? 2 * i : 2 * i + 1])
        byte(0x5D)  // ]
    }

    /// A coordinate correctly rounded to `precision` decimals, trailing
    /// zeros dropped. The scaled value
    /// is rounded in binary; when it lies too near a half for that to be
    /// certain, printf's exact decimal conversion decides.
    private mutating func coordinate(_ value: Double) {
        let scaled = value * scale
        let rounded = scaled.rounded()
        reserve(72)
        if abs(scaled) < 9e15, abs(abs(scaled - rounded) - 0.5) > 1e-6 {
            count += GeoJSONFeatures.writeFixed(Int64(rounded), decimals: precision, to: base + count)
            return
        }
        let out = base + count
        var n = out.withMemoryRebound(to: CChar.self, capacity: 64) { text in
            Int(withVaList([Int32(precision), value]) { vsnprintf(text, 64, "%.*f", $0) })
        }
        if n <= 0 || n >= 64 { n = 0 }
        if precision > 0 {
            while n > 0 && out[n - 1] == 0x30 { n -= 1 }
            if n > 0 && out[n - 1] == 0x2E { n -= 1 }
        }
        // "-0" is written as "0".
        if n == 2 && out[0] == 0x2D && out[1] == 0x30 { out[0] = 0x30; n = 1 }
        count += n
    }

    static let powersOfTen: [Double] = (0...15).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// Writes `units / 10^decimals` in decimal, without trailing zeros, at
    /// `out` (room for 40 bytes); returns the bytes written.
    private static func writeFixed(_ units: Int64, decimals: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        // Digits backwards into a scratch on the stack, then copied.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { scratch in
            let digits = scratch.baseAddress!
            var end = 39
            var position = end
            var magnitude = units.magnitude
            var written = 0
            var significant = false
            repeat {
                let digit = UInt8(magnitude % 10)
                magnitude /= 10
                if written < decimals {
                    if digit != 0 || significant {
                        digits[position] = digit + 0x30
                        position -= 1
                        significant = true
                    } else {
                        end -= 1
                        position = end
                    }
                } else {
                    if written == decimals && significant {
                        digits[position] = 0x2E
                        position -= 1
                    }
                    digits[position] = digit + 0x30
                    position -= 1
                }
                written += 1
            } while magnitude > 0 || written <= decimals
            if units < 0 {
                digits[position] = 0x2D
                position -= 1
            }
            let length = end - position
            out.update(from: digits + position + 1, count: length)
            return length
        }
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while count + extra > grown { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    @inline(__always)
    private mutating func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}
