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
        let transformer = try Transformer(from: srid, to: CRS.lonLat)
        try snapshot { snapshot in
            // A filter must make sense for one of the layers at least.
            var refusals: [Error] = []
            for layer in options.layers {
                do { try snapshot.check(options.filters, on: layer) } catch { refusals.append(error) }
            }
            if refusals.count == options.layers.count, let first = refusals.first { throw first }
            writer.begin()
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
    /// or CGCS2000 lon/lat with `lonLat`. Returns the files written.
    @discardableResult
    public func exportShapefiles(_ layers: [Layer], to directory: String, lonLat: Bool = false) throws -> [String] {
        let target = lonLat ? CRS.lonLat : srid
        let back = try Transformer(from: CRS.lonLat, to: target)
        let features = try layers.map { layer in
            (layer, try self.features(layer).map { feature -> (StoredFeature, Shape) in
                var shape = feature.shape
                try back.transform(&shape)
                return (feature, shape)
            })
        }
        return try ShapefileWriter.write(features, prj: try crsWKT(target), to: directory)
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
