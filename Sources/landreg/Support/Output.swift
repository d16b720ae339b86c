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
