/// The exports: RFC 7946 GeoJSON (now, or as of a date) and Shapefiles.
extension Registry {
    /// Writes the layers as one RFC 7946 FeatureCollection, streaming rows
    /// ordered by code. Returns the number of features written.
    @discardableResult
    public func exportGeoJSON(_ options: ExportOptions, to sink: OutputSink) throws -> Int {
        if let asOf = options.asOf, !isValidDate(asOf) {
            throw InvalidArgument(.asOf, "'\(asOf)' is not a date YYYY-MM-DD")
        }
        var writer = GeoJSONWriter(sink: sink, precision: options.precision)
        var count = 0
        let transformer = try Transformer(from: srid, to: options.projected ? srid : CRS.lonLat)
        try snapshot { snapshot in
            // A filter must make sense for one of the layers at least.
            var refusals: [Error] = []
            for layer in options.layers {
                do { try snapshot.check(options.filters, on: layer) } catch { refusals.append(error) }
            }
            if refusals.count == options.layers.count, let first = refusals.first { throw first }
            writer.begin(crs: options.projected ? srid : nil)
            for layer in options.layers {
                var leading = ""
                if options.layers.count > 1 {
                    JSONValue.writeString("layer", to: &leading)
                    leading += ":"
                    JSONValue.writeString(layer.rawValue, to: &leading)
                }
                try snapshot.forEachFeatureJSON(layer, asOf: options.asOf, filters: options.filters, withArea: options.withArea,
                                                leading: leading) { properties, wkb in
                    var shape = try Shape(wkb: wkb)
                    try transformer.transform(&shape)
                    writer.feature(properties: properties, shape: shape)
                    count += 1
                }
            }
            writer.end()
        }
        try sink.finish()
        return count
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
    public func asOfWarning(_ date: String) throws -> String? {
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
