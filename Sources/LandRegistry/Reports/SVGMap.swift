import Foundation

/// A small map drawn as inline SVG, in a projected CRS in metres: shapes
/// with styles, a scale bar and a north arrow. Self-contained: no fonts, no
/// tiles, no network (county intranets are offline).
public struct SVGMap {
    public struct Style: Sendable {
        public var stroke: String
        public var fill: String
        public var fillOpacity: Double
        public var strokeWidth: Double
        public var dash: String?

        public init(stroke: String, fill: String = "none", fillOpacity: Double = 0.25, strokeWidth: Double = 1.5, dash: String? = nil) {
            self.stroke = stroke
            self.fill = fill
            self.fillOpacity = fillOpacity
            self.strokeWidth = strokeWidth
            self.dash = dash
        }
    }

    public var width = 520.0
    public var height = 380.0
    /// Where a label goes relative to its shape's bounding box.
    public enum LabelPlacement: Sendable { case center, above, below }

    private var items: [(shape: Shape, style: Style, label: String?, placement: LabelPlacement)] = []

    public init(width: Double = 520, height: Double = 380) {
        self.width = width
        self.height = height
    }

    /// Adds a shape (drawn in the order added: add context first).
    public mutating func add(_ shape: Shape, style: Style, label: String? = nil, placement: LabelPlacement = .center) {
        items.append((shape, style, label, placement))
    }

    /// The SVG element, framing `focus` (or everything) with a margin.
    public func render(focus: Envelope? = nil, margin: Double = 0.12,
                       title: String = "", northLabel: String = "N") -> String {
        var box = focus ?? items.reduce(Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)) {
            $0.union($1.shape.bounds)
        }
        if !box.minX.isFinite { box = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1) }
        // Pad to the frame's aspect ratio, with a margin and a 50 m minimum.
        var w = max(box.maxX - box.minX, 50), h = max(box.maxY - box.minY, 50)
        let cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2
        w *= 1 + 2 * margin; h *= 1 + 2 * margin
        if w / h < width / height { w = h * width / height } else { h = w * height / width }
        let minX = cx - w / 2, maxY = cy + h / 2
        let scale = width / w  // pixels per metre
        func px(_ x: Double) -> String { fixed((x - minX) * scale, 1) }
        func py(_ y: Double) -> String { fixed((maxY - y) * scale, 1) }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf8\" stroke=\"#999\"/>"
        for item in items {
            let s = item.style
            var attributes = "stroke=\"\(s.stroke)\" stroke-width=\"\(s.strokeWidth)\" fill=\"\(s.fill)\""
            if s.fill != "none" { attributes += " fill-opacity=\"\(s.fillOpacity)\"" }
            if let dash = s.dash { attributes += " stroke-dasharray=\"\(dash)\"" }
            let shape = item.shape
            switch shape.type {
            case .point, .multiPoint:
                for i in 0..<shape.positionCount {
                    svg += "<circle cx=\"\(px(shape.xy[2 * i]))\" cy=\"\(py(shape.xy[2 * i + 1]))\" r=\"5\" \(attributes)/>"
                }
            case .lineString, .multiLineString:
                for range in shape.ringRanges {
                    let points = range.map { "\(px(shape.xy[2 * $0])),\(py(shape.xy[2 * $0 + 1]))" }.joined(separator: " ")
                    svg += "<polyline points=\"\(points)\" \(attributes.replacingOccurrences(of: "fill=\"\(s.fill)\"", with: "fill=\"none\""))/>"
                }
            case .polygon, .multiPolygon:
                var d = ""
                for range in shape.ringRanges {
                    for (k, i) in range.enumerated() {
                        d += (k == 0 ? "M" : "L") + px(shape.xy[2 * i]) + " " + py(shape.xy[2 * i + 1])
                    }
                    d += "Z"
                }
                svg += "<path d=\"\(d)\" fill-rule=\"evenodd\" \(attributes)/>"
            }
            if let label = item.label {
                let b = shape.bounds
                let x = px((b.minX + b.maxX) / 2)
                let y: String
                switch item.placement {
                case .center: y = py((b.minY + b.maxY) / 2)
                case .above: y = fixed((maxY - b.maxY) * scale - 5, 1)
                case .below: y = fixed((maxY - b.minY) * scale + 14, 1)
                }
                svg += "<text x=\"\(x)\" y=\"\(y)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222\" stroke=\"#fbfbf8\" stroke-width=\"3\" paint-order=\"stroke\">\(escapeHTML(label))</text>"
            }
        }
        svg += scaleBarAndNorthArrow(width: w, scale: scale, northLabel: northLabel)
        svg += "</svg>"
        return svg
    }

    /// A scale bar of a round length near a quarter of the map's width (in
    /// metres), and a north arrow (grid north of the projected CRS).
    private func scaleBarAndNorthArrow(width w: Double, scale: Double, northLabel: String) -> String {
        var svg = ""
        let target = w / 4
        let magnitude = pow(10, floor(log10(target)))
        let length = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let barPixels = length * scale
        let label = length >= 1000 ? "\(formatNumber(length / 1000)) km" : "\(formatNumber(length)) m"
        svg += "<g transform=\"translate(14,\(Int(height) - 18))\"><rect x=\"0\" y=\"0\" width=\"\(fixed(barPixels, 1))\" height=\"5\" fill=\"#222\"/>"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(fixed(barPixels / 2, 1))\" height=\"5\" fill=\"#fff\" stroke=\"#222\"/>"
        svg += "<text x=\"0\" y=\"-4\" font-size=\"11\" fill=\"#222\">\(label)</text></g>"
        // North arrow (grid north of the projected CRS).
        svg += "<g transform=\"translate(\(Int(width) - 26),16)\"><path d=\"M0 0 L8 24 L0 18 L-8 24 Z\" fill=\"#222\"/>"
        svg += "<text x=\"0\" y=\"38\" font-size=\"11\" text-anchor=\"middle\" fill=\"#222\">\(escapeHTML(northLabel))</text></g>"
        return svg
    }
}

/// Escapes text for HTML and XML.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}
