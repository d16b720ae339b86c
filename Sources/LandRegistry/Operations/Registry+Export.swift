import Foundation

/// The exports: RFC 7946 GeoJSON (now, or as of a date) and Shapefiles.
extension Registry {
    /// Writes the layers as one RFC 7946 FeatureCollection, streaming rows
    /// ordered by code. Returns the number of features written.
    @discardableResult
    public func exportGeoJSON(_ options: ExportOptions, to sink: OutputSink, progress: ((Int) -> Void)? = nil) throws -> Int {
        var options = options
        if let asOf = options.asOf {
            // Written as people write dates (2023/8/1), as every date option reads them.
            guard let day = normalizedDate(asOf) else { throw InvalidArgument(.asOf, "'\(asOf)' is not a date YYYY-MM-DD") }
            options.asOf = day
        }
        let writer = GeoJSONWriter(sink: sink, precision: options.precision)
        let target = options.projected ? srid : CRS.lonLat
        var count = 0
        var firstChunk = true
        // A chunk of features (JSON text), however many it holds.
        func put(_ chunk: ([UInt8], Int)) {
            guard !chunk.0.isEmpty else { return }
            if !firstChunk { sink.write(",\n") }
            firstChunk = false
            chunk.0.withUnsafeBufferPointer { sink.write(bytes: $0) }
            if let progress, (count + chunk.1) / 10_000 > count / 10_000 { progress((count + chunk.1) / 10_000 * 10_000) }
            count += chunk.1
        }
        let rows = try snapshot { snapshot in
            // A filter must make sense for one of the layers at least.
            var refusals: [Error] = []
            for layer in options.layers {
                do { try snapshot.check(options.filters, on: layer) } catch { refusals.append(error) }
            }
            if refusals.count == options.layers.count, let first = refusals.first { throw first }
            return try options.layers.reduce(0) { $0 + (try snapshot.estimatedRows($1)) }
        }
        writer.begin(crs: options.projected ? srid : nil)
        let workers = Registry.exportWorkers
        if let asOf = options.asOf {
            try exportStates(options, asOf: asOf, target: target, put: put)
        } else if workers > 1 && rows >= options.sharedFrom, try exportInParallel(options, workers: workers, target: target, put: put) {
            // Written by the workers.
        } else {
            // A small export, or one that cannot share a snapshot without
            // waiting: read and written here, range by range (memory stays
            // flat), no more connections or threads.
            let transformer = try Transformer(from: srid, to: target)
            try snapshot { snapshot in
                var readers: [Layer: ExportReader] = [:]
                try Registry.forEachRange(options, in: snapshot) { range in
                    put(try Registry.encode(range, options, readers: &readers, on: snapshot, transformer: transformer))
                }
            }
        }
        writer.end()
        try sink.finish()
        return count
    }

    /// Features per chunk of an export of past states.
    static let exportChunk = 1024
    /// Threads an export shares its work among: the cores, at most four.
    static var exportWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) }

    /// The layers shared out in ranges of codes among `workers` threads,
    /// each with its own read connection (all on one snapshot) and PROJ
    /// context, which read, transform and write their ranges; the chunks
    /// reach `put` in order. Ranges begin at codes this connection reads,
    /// and together cover every code, so they need not come from the
    /// workers' snapshot. False, having written nothing, when the snapshots
    /// cannot be had without waiting (see `concurrentSnapshots`).
    private func exportInParallel(_ options: ExportOptions, workers: Int, target: Int,
                                  put: (([UInt8], Int)) -> Void) throws -> Bool {
        let transformers = UncheckedBox(try (0..<workers).map { _ in try Transformer(from: srid, to: target) })
        let pipeline = OrderedParallelMap<ExportRange, ([UInt8], Int)>(capacity: 4 * workers)
        return try store.concurrentSnapshots(workers, work: { worker, snapshot in
            var readers: [Layer: ExportReader] = [:]
            pipeline.serve(worker) { _, range in
                try Registry.encode(range, options, readers: &readers, on: snapshot, transformer: transformers.value[worker])
            }
        }, failed: { pipeline.fail($0) }, meanwhile: {
            defer { pipeline.close() }
            do {
                try snapshot { snapshot in
                    try Registry.forEachRange(options, in: snapshot) { try pipeline.submit($0, put) }
                }
                pipeline.close()
                while let chunk = try pipeline.next() { put(chunk) }
            } catch {
                pipeline.fail(error)
                throw error
            }
        })
    }

    /// The export's layers in ranges of `rangeRows` codes, in order; the
    /// first and last ranges of a layer are open-ended, so that together
    /// they hold every code whatever state `snapshot` sees.
    private static func forEachRange(_ options: ExportOptions, in snapshot: Snapshot, _ body: (ExportRange) throws -> Void) throws {
        for layer in options.layers {
            var lower: String?
            try snapshot.rangeStarts(layer, every: max(1, options.rangeRows)) { code in
                try body(ExportRange(layer: layer, lower: lower, upper: code))
                lower = code
            }
            try body(ExportRange(layer: layer, lower: lower, upper: nil))
        }
    }

    /// A range's rows, transformed to the export's CRS, as GeoJSON features
    /// (comma-separated), and how many; read by the snapshot's reader of
    /// the layer, made when first needed.
    private static func encode(_ range: ExportRange, _ options: ExportOptions, readers: inout [Layer: ExportReader],
                               on snapshot: Snapshot, transformer: Transformer) throws -> ([UInt8], Int) {
        let reader = try readers[range.layer] ?? ExportReader(snapshot, layer: range.layer, filters: options.filters,
                                                             withArea: options.withArea, namesLayer: options.layers.count > 1)
        readers[range.layer] = reader
        var features = GeoJSONFeatures(precision: options.precision, capacity: 1 << 18)
        try reader.forEach(from: range.lower, below: range.upper) { properties, shape in
            var shape = shape
            try transformer.transform(&shape)
            features.feature(properties: properties, shape: shape)
        }
        return (features.bytes, features.features)
    }

    /// The layers as they stood on `asOf`: states read here, transformed
    /// and written by workers with a PROJ context each, in chunks.
    private func exportStates(_ options: ExportOptions, asOf: String, target: Int, put: (([UInt8], Int)) -> Void) throws {
        let workers = Registry.exportWorkers
        let transformers = UncheckedBox(try (0..<workers).map { _ in try Transformer(from: srid, to: target) })
        let encode = OrderedParallelMap<[(String, [UInt8])], ([UInt8], Int)>(workers: workers, capacity: 4 * workers) { worker, states in
            var features = GeoJSONFeatures(precision: options.precision, capacity: 1 << 18)
            for (properties, wkb) in states {
                var shape = try Shape(wkb: wkb)
                try transformers.value[worker].transform(&shape)
                var properties = properties
                properties.withUTF8 { features.feature(properties: $0, shape: shape) }
            }
            return (features.bytes, features.features)
        }
        defer { encode.close() }
        try snapshot { snapshot in
            var states: [(String, [UInt8])] = []
            for layer in options.layers {
                var leading = ""
                if options.layers.count > 1 {
                    JSONValue.writeString("layer", to: &leading)
                    leading += ":"
                    JSONValue.writeString(layer.rawValue, to: &leading)
                }
                try snapshot.forEachStateJSON(layer, asOf: asOf, filters: options.filters, withArea: options.withArea,
                                              leading: leading) { properties, wkb in
                    states.append((properties, wkb))
                    if states.count == Registry.exportChunk {
                        try encode.submit(states, put)
                        states.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !states.isEmpty { try encode.submit(states, put) }
            while let chunk = try encode.next() { put(chunk) }
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
        return try ShapefileWriter.write(sets, prj: try store.crsWKT(target), to: directory)
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
        let date = normalizedDate(date) ?? date
        if try store.knowsAnything(onOrBefore: date) { return nil }
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

/// A range of one layer's codes, `lower <= code < upper` (nil: no bound),
/// that an export's worker reads and writes.
private struct ExportRange: Sendable {
    let layer: Layer
    let lower: String?
    let upper: String?
}
