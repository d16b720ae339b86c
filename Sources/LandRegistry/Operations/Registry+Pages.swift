import Foundation

/// Pages of a layer's features for a feature service (OGC API – Features
/// `items`): keyset paging in code order with an exact count, a box decided
/// in the CRS it was given in, the registry now or as of a date.
extension Registry {
    /// One page of features (see `FeaturePageRequest`), read on one snapshot.
    public func featurePage(_ request: FeaturePageRequest) throws -> FeaturePage {
        var request = request
        guard (1...FeaturePageRequest.maximumLimit).contains(request.limit) else {
            throw InvalidArgument(.pageSize, "\(request.limit) is not between 1 and \(FeaturePageRequest.maximumLimit)")
        }
        if let asOf = request.asOf {
            guard let day = normalizedDate(asOf) else { throw InvalidArgument(.asOf, "'\(asOf)' is not a date YYYY-MM-DD") }
            request.asOf = day
        }
        let pool = TransformerPool.shared
        return try pool.with(from: srid, to: request.srid) { output in
            try pool.with(from: srid, to: request.bboxSRID) { toBox in
                try page(request, output: output, area: try request.bbox.map { try PageArea($0, srid: request.bboxSRID, toBox: toBox) })
            }
        }
    }

    /// The page, read on one snapshot.
    private func page(_ request: FeaturePageRequest, output: Transformer, area: PageArea?) throws -> FeaturePage {
        var encoder = PageEncoder(request)
        return try snapshot { snapshot in
            try snapshot.check(request.filters, on: request.layer)
            if let asOf = request.asOf {
                return try pageAsOf(request, asOf: asOf, area: area, output: output, encoder: &encoder, on: snapshot)
            }
            let reader = try ExportReader(snapshot, layer: request.layer, filters: request.filters, withArea: false, namesLayer: false)
            guard let area else {
                // The whole layer: counted (once for each version of the registry), then read
                // from the code index after the last code served.
                let matched = try pageCounts.count(countKey(request), version: try snapshot.historyVersion()) {
                    try snapshot.count(request.layer, filters: request.filters)
                }
                try reader.forEach(after: request.after, limit: request.limit + 1) { properties, shape, code in
                    if encoder.wants(code) { try encoder.add(code: code, properties: properties, shape: shape, output: output) }
                }
                return encoder.page(matched: matched)
            }
            // A box: the candidates of the R*Tree, decided in the box's CRS (by their box
            // alone where it can), in code order; then the page's rows, in one statement.
            let candidates = try snapshot.boxes(request.layer, crossing: area.window, core: area.core, filters: request.filters)
                .sorted { codeOrder($0.code, $1.code) }
            var matched = 0
            var page: [String] = []
            for candidate in candidates {
                // The storage reads the geometry of only the candidates whose R*Tree box
                // (rounded outward) is not inside the core: those without one are inside.
                if let shape = candidate.shape, try !area.crosses(shape) { continue }
                matched += 1
                if encoder.wants(candidate.code) { page.append(candidate.code) }
            }
            try reader.forEach(codes: page) { try encoder.add(code: $2, properties: $0, shape: $1, output: output) }
            return encoder.page(matched: matched)
        }
    }

    /// What a count of whole-layer pages is kept under: the layer, the filters, the date.
    private func countKey(_ request: FeaturePageRequest) -> String {
        ([request.layer.rawValue, request.asOf ?? ""] + request.filters.map { $0.property + "=" + $0.storedValues(in: request.layer).joined(separator: ",") })
            .joined(separator: "\u{1}")
    }

    /// A page of the layer as it stood on `asOf`. Without a box: counted
    /// (once for each version of the registry; at once for given codes),
    /// then read from the history's code index after the last code served.
    /// With a box: every state of that day that passes the filters and
    /// crosses it, counted; the page's run of them encoded.
    private func pageAsOf(_ request: FeaturePageRequest, asOf: String, area: PageArea?, output: Transformer,
                          encoder: inout PageEncoder, on snapshot: Snapshot) throws -> FeaturePage {
        if area == nil {
            let codes = request.filters.first { $0.property == "code" }?.values
            let others = request.filters.filter { $0.property != "code" }
            let matched = try codes != nil
                ? snapshot.countStates(request.layer, asOf: asOf, codes: codes, filters: others)
                : pageCounts.count(countKey(request), version: try snapshot.historyVersion()) {
                    try snapshot.countStates(request.layer, asOf: asOf, codes: nil, filters: others)
                }
            try snapshot.forEachState(request.layer, asOf: asOf, after: request.after, codes: codes, filters: others,
                                      limit: request.limit + 1) { code, properties, wkb in
                guard encoder.wants(code) else { return }
                try encoder.add(code: code, properties: properties, shape: try Shape(wkb: wkb), output: output)
            }
            return encoder.page(matched: matched)
        }
        var matched = 0
        try snapshot.forEachState(request.layer, asOf: asOf, filters: request.filters) { code, properties, wkb in
            let shape = try Shape(wkb: wkb)
            if let area, try !area.crosses(shape) { return }
            matched += 1
            guard encoder.wants(code) else { return }
            var properties = properties
            try properties.withUTF8 { try encoder.add(code: code, properties: $0, shape: shape, output: output) }
        }
        return encoder.page(matched: matched)
    }
}

extension Registry {
    /// The box, in CGCS2000 lon/lat, that holds every feature of a layer
    /// (its edges densified, so that it holds the curved outline of the
    /// registry's box), nil when the layer is empty.
    public func extent(of layer: Layer) throws -> Envelope? {
        guard let box = try snapshot({ try $0.extent(layer) }) else { return nil }
        let steps = 16
        var outline: [(Double, Double)] = []
        for k in 0...steps {
            let t = Double(k) / Double(steps)
            outline += [(box.minX + (box.maxX - box.minX) * t, box.minY), (box.minX + (box.maxX - box.minX) * t, box.maxY),
                        (box.minX, box.minY + (box.maxY - box.minY) * t), (box.maxX, box.minY + (box.maxY - box.minY) * t)]
        }
        var points = Shape.polygon(outline)
        try Transformer(from: srid, to: CRS.lonLat).transform(&points)
        return points.bounds
    }
}

/// The counts of whole-layer pages, each kept for the version of the
/// registry it was counted on: a page deep in a layer is read from the code
/// index in a few rows, but counting the layer reads all of its index; a
/// client paging through 100,000 features asks the same count 10,000 times.
final class PageCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: (version: Int64, count: Int)] = [:]

    func count(_ key: String, version: Int64, _ compute: () throws -> Int) rethrows -> Int {
        lock.lock()
        let known = counts[key]
        lock.unlock()
        if let known, known.version == version { return known.count }
        let count = try compute()
        lock.lock()
        if counts.count >= 1024 { counts.removeAll() }
        counts[key] = (version, count)
        lock.unlock()
        return count
    }
}

/// Codes in the order SQLite sorts them (byte order of their UTF-8), which
/// keyset paging must follow.
func codeOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// A page being made: the features after the request's `after`, up to its
/// limit, encoded as they come; one more found means a next page.
struct PageEncoder: ~Copyable {
    private let request: FeaturePageRequest
    private var features: GeoJSONFeatures
    private var last: String?
    private var taken = 0
    private var more = false

    init(_ request: FeaturePageRequest) {
        self.request = request
        features = GeoJSONFeatures(precision: request.precision, capacity: 1 << 14, northFirst: request.northFirst)
    }

    /// Whether a feature with this code (met in code order) belongs on the
    /// page, taking it if it does; one more than a page notes a next page.
    mutating func wants(_ code: String) -> Bool {
        if let after = request.after, !codeOrder(after, code) { return false }
        if taken == request.limit {
            more = true
            return false
        }
        taken += 1
        last = code
        return true
    }

    /// Encodes a feature `wants` took.
    mutating func add(code: String, properties: UnsafeBufferPointer<UInt8>, shape: Shape, output: Transformer) throws {
        var shape = shape
        try output.transform(&shape)
        if let names = request.properties {
            let selected = Registry.selected(names, from: properties)
            selected.withUnsafeBufferPointer { features.feature(properties: $0, shape: shape, id: code) }
        } else {
            features.feature(properties: properties, shape: shape, id: code)
        }
    }

    func page(matched: Int) -> FeaturePage {
        FeaturePage(features: features.bytes, numberReturned: features.features, numberMatched: matched, next: more ? last : nil)
    }
}

extension Registry {
    /// A properties object with only the named members, in its own order.
    static func selected(_ names: [String], from properties: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard case .object(let members)? = try? JSONValue.parse(String(decoding: properties, as: UTF8.self)) else { return Array("{}".utf8) }
        return Array(JSONValue.object(members.filter { names.contains($0.0) }).jsonText.utf8)
    }
}

/// A box a page is asked for, in the CRS it was given in, and where it lies
/// in the registry's CRS: the window of the R*Tree lookup (the box's edges
/// densified and projected, grown by a margin), and the parts of it every
/// box inside of which is surely in.
struct PageArea {
    let box: Envelope
    /// The R*Tree window in the registry's CRS: holds the whole area.
    let window: Envelope
    /// A box in the registry's CRS surely inside the area (nil: none known).
    let core: Envelope?
    private let toBox: Transformer
    private let geos = GEOSContext()
    private let rectangle: Geometry
    /// The decimals coordinates are served with in the box's CRS, and 10 to that power.
    private let decimals: Int32
    private let scale: Double

    /// `toBox` transforms from the registry's CRS to the box's, `srid`.
    init(_ box: Envelope, srid: Int, toBox: Transformer) throws {
        self.box = box
        self.toBox = toBox
        decimals = Int32(FeaturePageRequest(layer: .admin, srid: srid).precision)
        scale = GeoJSONFeatures.powersOfTen[Int(decimals)]
        // The outline, 64 points an edge, in the registry's CRS.
        let steps = 64
        var outline: [(Double, Double)] = []
        for k in 0..<steps { outline.append((box.minX + (box.maxX - box.minX) * Double(k) / Double(steps), box.minY)) }
        for k in 0..<steps { outline.append((box.maxX, box.minY + (box.maxY - box.minY) * Double(k) / Double(steps))) }
        for k in 0..<steps { outline.append((box.maxX - (box.maxX - box.minX) * Double(k) / Double(steps), box.maxY)) }
        for k in 0..<steps { outline.append((box.minX, box.maxY - (box.maxY - box.minY) * Double(k) / Double(steps))) }
        outline.append(outline[0])
        var projected = Shape.polygon(outline)
        try toBox.inverse(&projected)
        let bounds = projected.bounds
        // Between two points of the outline an edge bows by far less than this.
        let margin = max(1.0, 1e-4 * max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY))
        window = bounds.expanded(by: margin)
        let xs = stride(from: 0, to: projected.positionCount, by: 1).map { projected.xy[2 * $0] }
        let ys = stride(from: 0, to: projected.positionCount, by: 1).map { projected.xy[2 * $0 + 1] }
        // Inside the outline's inner extremes on each side, less the margin.
        let west = xs[(3 * steps)...].max()!, east = xs[steps..<(2 * steps + 1)].min()!
        let south = ys[0...steps].max()!, north = ys[(2 * steps)..<(3 * steps + 1)].min()!
        core = west + margin < east - margin && south + margin < north - margin
            ? Envelope(minX: west + margin, minY: south + margin, maxX: east - margin, maxY: north - margin) : nil
        rectangle = try Geometry(shape: .polygon([(box.minX, box.minY), (box.maxX, box.minY), (box.maxX, box.maxY),
                                                  (box.minX, box.maxY), (box.minX, box.minY)]), in: geos)
    }

    /// A coordinate as a client reads it back from the page: rounded to the
    /// decimals served, as the GeoJSON writer rounds it. Dividing the rounded
    /// integer by 10^decimals gives the double nearest that decimal, as
    /// parsing its text does (both are correctly rounded); a value too near
    /// a half for binary to be sure is rounded by printf, as the writer does.
    private func asServed(_ value: Double) -> Double {
        let scaled = value * scale
        let rounded = scaled.rounded()
        if abs(scaled) < 9e15, abs(abs(scaled - rounded) - 0.5) > 1e-6 { return rounded / scale }
        return Double(String(format: "%.*f", decimals, value)) ?? value
    }

    /// Whether a geometry in the registry's CRS, served in the box's CRS
    /// (its coordinates rounded to the decimals served there, as a client
    /// reads them), shares a point with the box.
    func crosses(_ shape: Shape) throws -> Bool {
        var shape = shape
        try toBox.transform(&shape)
        shape.xy = shape.xy.map(asServed)
        let bounds = shape.bounds
        guard bounds.intersects(box) else { return false }
        if bounds.minX >= box.minX, bounds.maxX <= box.maxX, bounds.minY >= box.minY, bounds.maxY <= box.maxY { return true }
        return try Geometry(shape: shape, in: geos).intersects(rectangle)
    }
}
