import Foundation
import LandRegistry

/// The parameters of `items` (contract §11) read into the library's own
/// request, each refused with its name when it cannot mean anything.
extension FeaturePageRequest {
    static let itemsParameters: Set<String> = ["f", "limit", "bbox", "bbox-crs", "crs", "datetime", "properties", "after"]

    init(layer: Layer, query: QueryString, registrySRID: Int) throws {
        try query.refuseUnknown(FeaturePageRequest.itemsParameters) { name in layer.properties.contains { $0.name == name } }
        let crs = try query["crs"].map { try ServiceCRS.parameter("crs", $0, registrySRID: registrySRID) } ?? .crs84
        self.init(layer: layer, srid: crs.srid, northFirst: crs.northFirst)
        if let text = query["limit"] {
            guard let limit = Int(text), (1...FeaturePageRequest.maximumLimit).contains(limit) else {
                throw ServiceError.parameter("limit", "'\(text)' is not a whole number from 1 to \(FeaturePageRequest.maximumLimit)")
            }
            self.limit = limit
        }
        if let text = query["bbox"] {
            let bboxCRS = try query["bbox-crs"].map { try ServiceCRS.parameter("bbox-crs", $0, registrySRID: registrySRID) } ?? .crs84
            bbox = try FeaturePageRequest.box(text, in: bboxCRS)
            bboxSRID = bboxCRS.srid
        } else if let text = query["bbox-crs"] {
            // Without a bbox it asks for nothing, but it must still name an offered CRS.
            _ = try ServiceCRS.parameter("bbox-crs", text, registrySRID: registrySRID)
        }
        if let text = query["datetime"] { asOf = try FeaturePageRequest.day(text) }
        if let text = query["properties"] {
            let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = names.first(where: { name in !layer.properties.contains { $0.name == name } }) {
                throw ServiceError.parameter("properties", "'\(unknown)' is not a property of \(term: layer)")
            }
            properties = names
        }
        after = query["after"]
        for spec in layer.properties {
            guard let text = query[spec.name] else { continue }
            let values = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { throw ServiceError.parameter(spec.name, "gives no value") }
            filters.append(PropertyFilter(property: spec.name, values: values))
        }
    }

    /// `bbox`: four numbers (or six, with heights) in the axis order of its
    /// CRS (lat, lon for EPSG:4326 and 4490), read east first; latitudes and
    /// longitudes in range.
    static func box(_ text: String, in crs: ServiceCRS) throws -> Envelope {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 4 || parts.count == 6 else {
            throw ServiceError.parameter("bbox", "gives \(parts.count) numbers: give 4 (lower left corner, upper right corner) or 6 (with heights)")
        }
        var numbers: [Double] = []
        for part in parts {
            guard let value = Double(decimal: part) else { throw ServiceError.parameter("bbox", "'\(part)' is not a number") }
            numbers.append(value)
        }
        // A box with heights (lower corner x, y, z, upper corner x, y, z): the registry is flat, the heights say nothing.
        if numbers.count == 6 { numbers = [numbers[0], numbers[1], numbers[3], numbers[4]] }
        if crs.northFirst { numbers = [numbers[1], numbers[0], numbers[3], numbers[2]] }
        let box = Envelope(minX: numbers[0], minY: numbers[1], maxX: numbers[2], maxY: numbers[3])
        if CRS.normalised(crs.srid) == CRS.lonLat {
            guard (-180...180).contains(box.minX), (-180...180).contains(box.maxX) else {
                throw ServiceError.parameter("bbox", "a longitude is outside -180…180")
            }
            guard (-90...90).contains(box.minY), (-90...90).contains(box.maxY) else {
                throw ServiceError.parameter("bbox", "a latitude is outside -90…90")
            }
        }
        guard box.minX <= box.maxX, box.minY <= box.maxY else {
            throw ServiceError.parameter("bbox", "its lower corner is above or right of its upper corner")
        }
        return box
    }

    /// `datetime`: one date or date-time, read as its date (the registry
    /// as it stood in the world then); an interval has no one registry.
    static func day(_ text: String) throws -> String {
        if text.contains("/") {
            throw ServiceError.parameter("datetime", "'\(text)' is an interval: give one date or date-time, the registry as it stood then")
        }
        let date = text.split(separator: "T", maxSplits: 1).first.map(String.init) ?? text
        guard date.count == 10, let day = normalizedDate(date), !(text.contains("T") && !isDateTimeTail(text.dropFirst(11))) else {
            throw ServiceError.parameter("datetime", "'\(text)' is not a date (YYYY-MM-DD) or date-time (RFC 3339)")
        }
        return day
    }

    /// The time part of an RFC 3339 date-time: `12:00:00Z`, `12:00:00.5+08:00`.
    private static func isDateTimeTail(_ text: Substring) -> Bool {
        text.wholeMatch(of: /\d{2}:\d{2}:\d{2}(\.\d+)?(Z|z|[+-]\d{2}:\d{2})/) != nil
    }
}

extension ServiceCRS {
    /// The CRS a parameter names, or a 400 that lists the offered ones.
    static func parameter(_ name: String, _ text: String, registrySRID: Int) throws -> ServiceCRS {
        guard let crs = named(text, registrySRID: registrySRID) else {
            throw ServiceError.parameter(name, "'\(text)' is not one of \(offered(registrySRID: registrySRID).map(\.uri).joined(separator: ", "))")
        }
        return crs
    }
}
