import Foundation
import LandRegistry

/// The service's JSON documents (OGC API – Features Part 1 and 2): the
/// landing page, the conformance classes, the collections (one per layer
/// of contract §3) and their queryables.
struct Documents {
    let base: String
    let registrySRID: Int
    let language: ReportLanguage

    static let conformance = [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
    ]

    func link(_ path: String, _ rel: String, _ type: String, _ title: Phrase? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("href", .string(base + path)), ("rel", .string(rel)), ("type", .string(type))]
        if let title { members.append(("title", .string(title.said(language)))) }
        return .object(members)
    }

    /// A resource's `self` and `alternate` links, this one in JSON of `type`.
    func selfLinks(_ path: String, _ type: String = "application/json") -> [JSONValue] {
        [link(path + "?f=json", "self", type, .thisDocument), link(path + "?f=html", "alternate", "text/html", .thisDocumentAsHTML)]
    }

    func landing(title: String) -> JSONValue {
        let description = Phrase.serviceDescription.said(language)
        return .object([
            ("title", .string(title)),
            ("description", .string(description)),
            ("links", .array(selfLinks("/") + [
                link("/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", .apiDefinition),
                link("/conformance", "conformance", "application/json", .conformanceClasses),
                link("/collections", "data", "application/json", .theLayers),
                link("/app", "related", "text/html", .theClerksPage),
            ])),
        ])
    }

    func conformanceDocument() -> JSONValue {
        .object([("conformsTo", .array(Documents.conformance.map { .string($0) }))])
    }

    func collection(_ layer: Layer, extent: Envelope?) -> JSONValue {
        let path = "/collections/\(layer.rawValue)"
        var members: [(String, JSONValue)] = [
            ("id", .string(layer.rawValue)),
            ("title", .string(layer.text(language))),
            ("description", .string(layer.label(language))),
            ("itemType", .string("feature")),
            ("links", .array(selfLinks(path) + [
                link(path + "/items?f=json", "items", "application/geo+json", .theFeatures),
                link(path + "/items?f=html", "items", "text/html", .theFeaturesAsHTML),
                link(path + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", .theQueryables),
            ])),
            ("crs", .array(ServiceCRS.offered(registrySRID: registrySRID).map { .string($0.uri) })),
            ("storageCrs", .string(ServiceCRS.epsg(registrySRID).uri)),
        ]
        if let extent {
            let box: JSONValue = .array([extent.minX, extent.minY, extent.maxX, extent.maxY].map { Documents.number($0) })
            members.insert(("extent", .object([("spatial", .object([("bbox", .array([box])), ("crs", .string(ServiceCRS.crs84.uri))]))])), at: 3)
        }
        return .object(members)
    }

    func collections(_ layers: [(Layer, Envelope?)]) -> JSONValue {
        .object([
            ("links", .array(selfLinks("/collections"))),
            ("collections", .array(layers.map { collection($0.0, extent: $0.1) })),
        ])
    }

    /// The layer's properties as a JSON Schema (what `items` filters by).
    func queryables(_ layer: Layer) -> JSONValue {
        var properties: [(String, JSONValue)] = layer.properties.map { spec in
            var schema: [(String, JSONValue)] = [("title", .string(Terms.column(spec.name, language, table: layer.rawValue)))]
            switch spec.kind {
            case .text: schema.append(("type", .string("string")))
            case .bool: schema.append(("type", .string("boolean")))
            case .date: schema += [("type", .string("string")), ("format", .string("date"))]
            case .enumeration(let values, _): schema += [("type", .string("string")), ("enum", .array(values.map { .string($0) }))]
            }
            return (spec.name, .object(schema))
        }
        properties.append(("geometry", .object([("format", .string("geometry-any"))])))
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(base + "/collections/\(layer.rawValue)/queryables")),
            ("type", .string("object")),
            ("title", .string(layer.text(language))),
            ("properties", .object(properties)),
        ])
    }

    static func number(_ value: Double) -> JSONValue { .number(value, "\(value)") }
    static func number(_ value: Int) -> JSONValue { .number(Double(value), String(value)) }
}

/// The titles of the links the documents carry.
extension Phrase {
    static let serviceDescription: Phrase = "The county's registry of land and water-pollution risks, as OGC API – Features"
    static let thisDocumentAsHTML: Phrase = "this document as HTML"
    static let thisDocument: Phrase = "this document"
    static let apiDefinition: Phrase = "the API definition"
    static let conformanceClasses: Phrase = "the conformance classes"
    static let theLayers: Phrase = "the layers"
    static let theClerksPage: Phrase = "the pre-approval check page (the clerk's map)"
    static let theFeaturesAsHTML: Phrase = "the features as HTML"
    static let theFeatures: Phrase = "the features"
    static let theQueryables: Phrase = "the queryables"
    static let thisPageAsHTML: Phrase = "this page as HTML"
    static let thisPage: Phrase = "this page"
    static let theLayer: Phrase = "the layer"
    static let nextPage: Phrase = "the next page"
    static let thisFeatureAsHTML: Phrase = "this feature as HTML"
    static let thisFeature: Phrase = "this feature"
}
