import Foundation

/// The exports: RFC 7946 GeoJSON (now, or as of a date) and Shapefiles.
extension Registry {
    /// Writes the layers as one RFC 7946 FeatureCollection, streaming rows
    /// ordered by code. Returns the number of features written.
    @discardableResult
    public func exportGeoJSON(_ options: ExportOptions, to sink: OutputSink, progress: ((Int) -> Void)? = nil) throws -> Int {
        if let asOf = options.asOf, !isValidDate(asOf) {
            throw InvalidArgument(.asOf, "'\(asOf)' is not a date YYYY-MM-DD")
        }
        let writer = GeoJSONWriter(sink: sink, precision: options.precision)
        var count = 0
        let target = options.projected ? srid : CRS.lonLat
        let encode = try featureEncoder(target: target, precision: options.precision)
        defer { encode.close() }
        var firstChunk = true
        func put(_ bytes: [UInt8]) {
            guard !bytes.isEmpty else { return }
            if !firstChunk { sink.write(",\n") }
            firstChunk = false
            bytes.withUnsafeBufferPointer { sink.write(bytes: $0) }
        }
        try snapshot { snapshot in
            // A filter must make sense for one of the layers at least.
            var refusals: [Error] = []
            for layer in options.layers {
                do { try snapshot.check(options.filters, on: layer) } catch { refusals.append(error) }
            }
            if refusals.count == options.layers.count, let first = refusals.first { throw first }
            writer.begin(crs: options.projected ? srid : nil)
            var rows: [PendingFeature] = []
            rows.reserveCapacity(Registry.exportChunk)
            for layer in options.layers {
                var leading = ""
                if options.layers.count > 1 {
                    JSONValue.writeString("layer", to: &leading)
                    leading += ":"
                    JSONValue.writeString(layer.rawValue, to: &leading)
                }
                func add(_ feature: PendingFeature) throws {
                    rows.append(feature)
                    count += 1
                    if count % 10_000 == 0 { progress?(count) }
                    if rows.count == Registry.exportChunk {
                        try encode.submit(rows, put)
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                if let asOf = options.asOf {
                    try snapshot.forEachStateJSON(layer, asOf: asOf, filters: options.filters, withArea: options.withArea,
                                                  leading: leading) { try add(.ready($0, $1)) }
                } else {
                    try snapshot.forEachExportRow(layer, filters: options.filters, withArea: options.withArea,
                                                  namesLayer: options.layers.count > 1) { try add(.row($0)) }
                }
            }
            if !rows.isEmpty { try encode.submit(rows, put) }
            while let bytes = try encode.next() { put(bytes) }
            writer.end()
        }
        try sink.finish()
        return count
    }

    /// Features per chunk of an export's workers.
    static let exportChunk = 512

    /// Workers that transform chunks of rows (properties, WKB in the
    /// registry's CRS) to `target` and write them as GeoJSON features, each
    /// with its own PROJ context; the texts come back in order.
    private func featureEncoder(target: Int, precision: Int) throws -> OrderedParallelMap<[PendingFeature], [UInt8]> {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        let transformers = UncheckedBox(try (0..<workers).map { _ in try Transformer(from: srid, to: target) })
        // Each worker its own layouts: threads counting references to the same arrays slow each other down.
        let layouts = UncheckedBox((0..<workers).map { _ in ExportRow.makeLayouts() })
        return OrderedParallelMap(workers: workers, capacity: 4 * workers) { worker, rows in
            let chunk = OutputSink.memory()
            var text = GeoJSONWriter(sink: chunk, precision: precision)
            var properties: [UInt8] = []
            let transformer = transformers.value[worker]
            var layout: (Layer, ExportRow.Layout)?
            for row in rows {
                var shape: Shape
                properties.removeAll(keepingCapacity: true)
                switch row {
                case .ready(let json, let wkb): (properties, shape) = (Array(json.utf8), try Shape(wkb: wkb))
                case .row(let row):
                    if layout?.0 != row.layer { layout = (row.layer, layouts.value[worker][row.layer]!) }
                    row.appendProperties(to: &properties, layout: layout!.1)
                    shape = try row.shape()
                }
                try transformer.transform(&shape)
                properties.withUnsafeBufferPointer { text.feature(properties: $0, shape: shape) }
            }
            try chunk.finish()
            return chunk.bytes
        }
    }

    /// Writes layers as ESRI Shapefiles into `directory` (see
    /// `ShapefileWriter`), completely or not at all, in the registry's CRS,
    /// or CGCS2000 lon/lat with `lonLat`; only the features that pass
    /// `filters`, as the registry stood on `asOf` when given. Returns the
    /// files written.
    @discardableResult
    public func exportShapefiles(_ layers: [Layer], to directory: String, lonLat: Bool = false,
                                 filters: [PropertyFilter] = [], asOf: String? = nil) throws -> [String] {
        let target = lonLat ? CRS.lonLat : srid
        let transformer = try Transformer(from: srid, to: target)
        var sets: [(Layer, [(StoredFeature, Shape)])] = []
        var refusals: [Error] = []
        for layer in layers {
            // A filter must make sense for one of the layers at least.
            let result: QueryResult
            do { result = try query(Query(layer: layer, filters: filters, asOf: asOf)) } catch let error as InvalidArgument {
                refusals.append(error)
                continue
            }
            sets.append((layer, try result.matches.map { match in
                var shape = match.shape
                try transformer.transform(&shape)
                return (StoredFeature(layer: layer, code: match.code, properties: match.properties, shape: shape, area: match.areaM2), shape)
            }))
        }
        if sets.isEmpty, let first = refusals.first { throw first }
        return try ShapefileWriter.write(sets, prj: try crsWKT(target), to: directory)
    }

    /// One GeoJSON file per layer (`<layer>.geojson`) into `directory`,
    /// completely or not at all. Returns the files written.
    @discardableResult
    public func exportGeoJSONFiles(_ options: ExportOptions, to directory: String) throws -> [String] {
        try AtomicFolder.write(directory) { folder in
            try options.layers.map { layer in
                var one = options
                one.layers = [layer]
                try exportGeoJSON(one, to: try OutputSink(path: "\(folder)/\(layer.rawValue).geojson"))
                return "\(layer.rawValue).geojson"
            }
        }
    }

    /// One layer as Shapefiles (see `exportShapefiles`).
    @discardableResult
    public func exportShapefile(_ layer: Layer, to directory: String, lonLat: Bool = false) throws -> [String] {
        try exportShapefiles([layer], to: directory, lonLat: lonLat)
    }
}

extension Registry {
    /// Why a view of the registry as of `date` shows less than the user may
    /// think: nothing was known yet, or nothing at all is recorded (nil: no
    /// such warning).
    public func asOfWarning(_ date: String) throws -> Phrase? {
        guard let earliest = try earliestKnownDate() else { return "the registry holds no feature yet" }
        guard date < earliest else { return nil }
        return "the registry knows nothing before \(earliest) (the earliest effective date in its history): as of \(date) it is empty"
    }
}

extension Registry {
    /// Writes layers into a GeoPackage (one table per layer, in the
    /// registry's CRS, recorded in the file; see `GeoPackageWriter`), only
    /// the features that pass `filters`, as the registry stood on `asOf`
    /// when given. Returns the number of features written.
    @discardableResult
    public func exportGeoPackage(_ layers: [Layer], to path: String, filters: [PropertyFilter] = [], asOf: String? = nil) throws -> Int {
        var sets: [(Layer, [(code: String, properties: [(String, JSONValue)], wkb: [UInt8])])] = []
        var refusals: [Error] = []
        for layer in layers {
            do {
                let result = try query(Query(layer: layer, filters: filters, asOf: asOf))
                sets.append((layer, result.matches.map { (code: $0.code, properties: $0.properties, wkb: $0.shape.wkb()) }))
            } catch let error as InvalidArgument {
                refusals.append(error)
            }
        }
        if sets.isEmpty, let first = refusals.first { throw first }
        try GeoPackageWriter.write(sets, srid: srid, to: path)
        return sets.reduce(0) { $0 + $1.1.count }
    }
}

/// A feature read for an export: a row whose JSON the worker makes, or a
/// past state whose JSON is already made.
enum PendingFeature: @unchecked Sendable {
    case row(ExportRow)
    case ready(String, [UInt8])
}
