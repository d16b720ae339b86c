/// Levenshtein distance between two short strings.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return row[b.count]
}

/// Columns in terminal cells: CJK characters take two.
public func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        return width + (wide ? 2 : 1)
    }
}

/// The word of `candidates` within two edits of `word` (the nearest), for a
/// "did you mean"; nil when none is that close.
func closest(_ word: String, in candidates: [String]) -> String? {
    // Ties go to the first in order, whatever order the candidates come in (a dictionary's keys change from run to run).
    candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
}

/// `text` without leading and trailing spaces and tabs (ASCII and the
/// ideographic space), without Foundation's string machinery: the per-cell
/// path of large tables.
func trimmedSpaces(_ text: String) -> String {
    func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{3000}" }
    guard let first = text.first, let last = text.last, isSpace(first) || isSpace(last) else { return text }
    let start = text.firstIndex { !isSpace($0) } ?? text.endIndex
    guard start < text.endIndex else { return "" }
    let end = text.lastIndex { !isSpace($0) }!
    return String(text[start...end])
}

/// A plain-text table with aligned columns — the one renderer of `list`,
/// `query`, `audit`, `history` and every other table a terminal shows: the
/// header, a line of dashes, the rows; columns two spaces apart, padded by
/// display width (a Chinese character is two), the columns in
/// `rightAligned` aligned right; no space at a line's end, no newline after
/// the last line.
public func textTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(displayWidth)
    for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], displayWidth(cell)) } }
    func render(_ cells: [String]) -> String {
        var line = cells.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: max(0, widths[i] - displayWidth(cell)))
            return rightAligned.contains(i) ? pad + cell : cell + pad
        }.joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
    return ([render(header), render(widths.map { String(repeating: "-", count: $0) })] + rows.map(render)).joined(separator: "\n")
}
