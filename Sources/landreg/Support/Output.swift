import Foundation
import LandRegistry

/// Writes to standard error.
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Whether standard error is a terminal (for progress lines).
var stderrIsTerminal: Bool { isatty(2) == 1 }

/// The login name, for records.
var loginName: String { ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

/// A property value as a person reads it.
func display(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): return s
    default: return value.jsonText
    }
}

/// Columns in terminal cells: CJK characters take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        return width + (wide ? 2 : 1)
    }
}

/// A plain-text table with aligned columns.
func formatTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(displayWidth)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
    func render(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
            return rightAligned.contains(i) ? pad + cell : (i == cells.count - 1 ? cell : cell + pad)
        }.joined(separator: "  ")
    }
    var lines = [render(header), render(widths.map { String(repeating: "-", count: $0) })]
    lines += rows.map(render)
    return lines.joined(separator: "\n")
}
