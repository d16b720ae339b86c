import Foundation
import LandRegistry

/// A resource as a page a person can read, in the request's language: its
/// title, its links, its collections or features as tables (property
/// names as the registry's columns are called, values as its terms).
enum HTMLPage {
    /// `mapped`: the document's coordinates are CRS84, so its features can be drawn on a map.
    static func render(_ document: JSONValue, path: String, documents: Documents, mapped: Bool = false) -> String {
        let language = documents.language
        let title = document["title"]?.stringValue ?? document["id"]?.stringValue ?? path
        var body = "<h1>\(escape(title))</h1>\n"
        if let description = document["description"]?.stringValue { body += "<p>\(escape(description))</p>\n" }
        if case .array(let collections)? = document["collections"] {
            let columns: [Phrase] = ["layer", "title"]
            body += table(header: columns.map { $0.said(language) }, rows: collections.map { collection in
                let id = collection["id"]?.stringValue ?? ""
                return [link(documents.base + "/collections/\(id)", id), escape(collection["title"]?.stringValue ?? "")]
            })
        }
        if mapped, let features = mappedFeatures(document) { body += map(features) }
        if case .array(let features)? = document["features"] {
            let layer = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
            let count: Phrase = "\(document["numberReturned"]?.jsonText ?? "0") of \(document["numberMatched"]?.jsonText ?? "0") features"
            body += "<p>\(escape(count.said(language)))</p>\n"
            body += featureTable(features, layer: layer, documents: documents)
        } else if document["type"]?.stringValue == "Feature", case .object(let properties)? = document["properties"] {
            let layer = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
            let columns: [Phrase] = ["property", "value"]
            body += table(header: columns.map { $0.said(language) }, rows: properties.map { name, value in
                [escape(Terms.column(name, language, table: layer)), escape(display(value, property: name, language))]
            })
        } else if case .array(let classes)? = document["conformsTo"] {
            body += "<ul>" + classes.map { "<li>\(escape($0.stringValue ?? ""))</li>" }.joined() + "</ul>\n"
        }
        if case .array(let links)? = document["links"] {
            let heading: Phrase = "Links"
            body += "<h2>\(escape(heading.said(language)))</h2><ul>"
            for link in links {
                let href = link["href"]?.stringValue ?? ""
                body += "<li>\(self.link(href, link["title"]?.stringValue ?? href)) <small>(\(escape(link["rel"]?.stringValue ?? "")), \(escape(link["type"]?.stringValue ?? "")))</small></li>"
            }
            body += "</ul>\n"
        }
        return page(title: title, body: body, language: language)
    }

    /// The features a page draws: a page's, or the one feature's.
    private static func mappedFeatures(_ document: JSONValue) -> JSONValue? {
        if case .array(let features)? = document["features"] { return features.isEmpty ? nil : .array(features) }
        if document["type"]?.stringValue == "Feature" { return .array([document]) }
        return nil
    }

    /// A map of the features (Leaflet, from Debian's libjs-leaflet, served by
    /// the server itself: no Internet needed), each outlined, its code on hover.
    private static func map(_ features: JSONValue) -> String {
        let data = features.jsonText.replacingOccurrences(of: "</", with: "<\\/")
        return """
            <link rel="stylesheet" href="/static/leaflet/leaflet.css">
            <div id="map" style="height:420px;max-width:960px;border:1px solid #bbb;background:#f4f4f0"></div>
            <script src="/static/leaflet/leaflet.js"></script>
            <script>
            if (window.L) {
              var map = L.map('map', {attributionControl: false});
              var shown = L.geoJSON({type: 'FeatureCollection', features: \(data)}, {
                style: {color: '#b03020', weight: 2, fillOpacity: 0.15},
                pointToLayer: function (f, at) { return L.circleMarker(at, {radius: 5}); },
                onEachFeature: function (f, layer) { layer.bindTooltip(String(f.id)); }
              }).addTo(map);
              map.fitBounds(shown.getBounds(), {maxZoom: 17, padding: [12, 12]});
            }
            </script>

            """
    }

    private static func page(title: String, body: String, language: ReportLanguage) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.htmlTag)"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left}</style>
        </head><body>
        \(body)</body></html>
        """
    }

    /// A feature's history as the CLI's `history` prints it, as a page.
    static func history(_ entries: [HistoryEntry], code: String, layer: Layer, path: String, documents: Documents) -> String {
        let language = documents.language
        let title: Phrase = "\(term: layer) \(code): history"
        let rows = HistoryReport.rows(entries, layer: layer, language).map { $0.map(escape) }
        let body = "<h1>\(escape(title.said(language)))</h1>\n"
            + table(header: HistoryReport.columns.map { $0.text(language) }, rows: rows)
            + "<p>\(link(documents.base + path + "?f=html", code))</p>\n"
        return page(title: title.said(language), body: body, language: language)
    }

    private static func featureTable(_ features: [JSONValue], layer: String, documents: Documents) -> String {
        guard let first = features.first, case .object(let properties)? = first["properties"] else { return "" }
        let names = properties.map(\.0)
        let header = names.map { Terms.column($0, documents.language, table: layer) }
        let rows = features.map { feature -> [String] in
            let code = feature["id"]?.stringValue ?? ""
            return names.enumerated().map { index, name in
                let text = escape(display(feature["properties"]?[name] ?? .null, property: name, documents.language))
                return index == 0 ? link(documents.base + "/collections/\(layer)/items/\(Service.escaped(code))?f=html", text, escaped: true) : text
            }
        }
        return table(header: header, rows: rows)
    }

    private static func display(_ value: JSONValue, property: String, _ language: ReportLanguage) -> String {
        switch value {
        case .null: return ""
        case .string(let text): return Layer.valueText(text, property: property, language)
        case .bool(let flag): return Layer.valueText(flag ? "true" : "false", property: property, language)
        default: return value.jsonText
        }
    }

    private static func table(header: [String], rows: [[String]]) -> String {
        "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "</table>\n"
    }

    private static func link(_ href: String, _ text: String, escaped: Bool = false) -> String {
        "<a href=\"\(escape(href))\">\(escaped ? text : escape(text))</a>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
