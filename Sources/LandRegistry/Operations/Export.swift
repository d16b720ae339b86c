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

    /// Writes a layer as ESRI Shapefiles into `directory` (see
    /// `ShapefileWriter`), in the registry's CRS, or CGCS2000 lon/lat with
    /// `lonLat`. Returns the files written.
    @discardableResult
    public func exportShapefile(_ layer: Layer, to directory: String, lonLat: Bool = false) throws -> [String] {
        let target = lonLat ? CRS.lonLat : srid
        let back = try Transformer(from: CRS.lonLat, to: target)
        let features = try self.features(layer).map { feature -> (StoredFeature, Shape) in
            var shape = feature.shape
            try back.transform(&shape)
            return (feature, shape)
        }
        return try ShapefileWriter.write(features, layer: layer, prj: try crsWKT(target), to: directory)
    }
}
