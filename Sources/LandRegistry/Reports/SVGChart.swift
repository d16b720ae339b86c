import Foundation

/// A small line chart drawn as inline SVG: one series of monthly values
/// against reference lines (a class limit, a range, or monthly targets),
/// points over the reference in red. Black, grey and red only, so that it
/// reads when printed in grey; no fonts or scripts.
struct SVGChart {
    var title: String
    var unit: String
    /// Axis labels of the points (months).
    var labels: [String]
    var values: [Double?]
    /// Reference lines, each a value per point (nil: none there), with a legend label.
    var references: [(label: String, values: [Double?])] = []
    /// Whether each point breaks its reference (drawn red).
    var over: [Bool] = []
    var width = 330.0
    var height = 190.0

    func render() -> String {
        let left = 44.0, right = 10.0, top = 26.0, bottom = 34.0
        let plotW = width - left - right, plotH = height - top - bottom
        let all = values.compactMap { $0 } + references.flatMap { $0.values.compactMap { $0 } }
        let high = 4 * niceStep((all.max() ?? 1) * 1.1 / 4)
        let n = max(labels.count, 1)
        func px(_ i: Int) -> Double { left + (Double(i) + 0.5) * plotW / Double(n) }
        func py(_ v: Double) -> Double { top + plotH - (high > 0 ? v / high : 0) * plotH }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        svg += "<text x=\"\(fixed(left, 0))\" y=\"15\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">\(escapeHTML(title))</text>"
        svg += "<text x=\"\(fixed(width - right, 0))\" y=\"15\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">\(escapeHTML(unit))</text>"
        for k in 0...4 {
            let v = high * Double(k) / 4, y = fixed(py(v), 1)
            svg += "<line x1=\"\(fixed(left, 1))\" y1=\"\(y)\" x2=\"\(fixed(width - right, 1))\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(fixed(left - 4, 1))\" y=\"\(fixed(py(v) + 3, 1))\" font-size=\"9\" text-anchor=\"end\" fill=\"#444\">\(axisLabel(v))</text>"
        }
        for (i, label) in labels.enumerated() {
            svg += "<text x=\"\(fixed(px(i), 1))\" y=\"\(fixed(height - bottom + 12, 1))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#444\">\(escapeHTML(label))</text>"
        }
        for (k, reference) in references.enumerated() {
            svg += polylines(reference.values, px: px, py: py, attributes: "stroke=\"#c62828\" stroke-width=\"1.3\" stroke-dasharray=\"5 3\" fill=\"none\"")
            guard !reference.label.isEmpty else { continue }
            let legendY = fixed(height - 6, 1), legendX = left + Double(k) * 150
            svg += "<line x1=\"\(fixed(legendX, 1))\" y1=\"\(fixed(height - 9, 1))\" x2=\"\(fixed(legendX + 18, 1))\" y2=\"\(fixed(height - 9, 1))\" stroke=\"#c62828\" stroke-dasharray=\"5 3\"/>"
            svg += "<text x=\"\(fixed(legendX + 22, 1))\" y=\"\(legendY)\" font-size=\"9\" fill=\"#444\">\(escapeHTML(reference.label))</text>"
        }
        svg += polylines(values, px: px, py: py, attributes: "stroke=\"#222\" stroke-width=\"1.8\" fill=\"none\"")
        for (i, value) in values.enumerated() {
            guard let value else { continue }
            let red = i < over.count && over[i]
            svg += "<circle cx=\"\(fixed(px(i), 1))\" cy=\"\(fixed(py(value), 1))\" r=\"\(red ? 4 : 2.8)\" fill=\"\(red ? "#c62828" : "#222")\"><title>\(escapeHTML(labels[i])): \(formatValue(value))</title></circle>"
        }
        return svg + "</svg>"
    }

    /// Lines through consecutive known values (a gap breaks the line).
    private func polylines(_ values: [Double?], px: (Int) -> Double, py: (Double) -> Double, attributes: String) -> String {
        var svg = "", run: [String] = []
        func flush() {
            if run.count == 1 { run.append(run[0]) }
            if !run.isEmpty { svg += "<polyline points=\"\(run.joined(separator: " "))\" \(attributes)/>" }
            run = []
        }
        for (i, value) in values.enumerated() {
            if let value { run.append("\(fixed(px(i), 1)),\(fixed(py(value), 1))") } else { flush() }
        }
        flush()
        return svg
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at least `value` (a grid step).
    private func niceStep(_ value: Double) -> Double {
        guard value > 0 else { return 0.25 }
        let magnitude = pow(10, floor(log10(value)))
        return ([1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= value * (1 - 1e-12) }) ?? 10 * magnitude
    }

    private func axisLabel(_ v: Double) -> String { formatValue(v) }
}
