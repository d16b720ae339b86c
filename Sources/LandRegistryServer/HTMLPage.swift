import Foundation
import LandRegistry

/// A resource as a page a person can read, in the request's language: its
/// title, its links, its collections or features as tables (property
/// names as the registry's columns are called, values as its terms).
enum HTMLPage {
    static func render(_ document: JSONValue, path: String, documents: Documents) -> String {
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
        return """
            <!DOCTYPE html>
            <html lang="\(language.htmlTag)"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left}</style>
            </head><body>
            \(body)</body></html>
            """
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
