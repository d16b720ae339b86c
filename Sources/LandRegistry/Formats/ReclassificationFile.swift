import Foundation

/// A file of farmland class adjustments: a CSV with a code column and a
/// class column (English or Chinese headers), or GeoJSON features with
/// `code` and `class` properties.
public enum ReclassificationFile {
    /// Reads (code, class) pairs from a CSV (`code,class` columns) or a
    /// GeoJSON file (the features' `code` and `class` properties).
    public static func read(_ path: String) throws -> [(code: String, farmlandClass: FarmlandClass)] {
        var pairs: [(String, String, Int)] = []
        if path.lowercased().hasSuffix(".csv") {
            guard let data = FileManager.default.contents(atPath: path), let text = decodeChineseText([UInt8](data)) else {
                throw InputError(file: path, message: "cannot read the file as UTF-8 or GBK text")
            }
            let records = try CSVPointReader.records(text, file: path)
            guard let header = records.first?.cells.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
                  let codeColumn = header.firstIndex(where: { ["code", "dkbm", "编码", "地块编号"].contains($0) }),
                  let classColumn = header.firstIndex(where: { ["class", "类别", "lb"].contains($0) }) else {
                throw InputError(file: path, line: 1, message: "the header needs a code column and a class column")
            }
            for record in records.dropFirst() where record.cells.count > max(codeColumn, classColumn) {
                pairs.append((record.cells[codeColumn].trimmingCharacters(in: .whitespaces),
                              record.cells[classColumn].trimmingCharacters(in: .whitespaces), record.line))
            }
        } else {
            let reader = try GeoJSONReader(path: path)
            while let feature = try reader.next() {
                pairs.append((feature.code ?? "", feature.property("class")?.stringValue ?? "", feature.number))
            }
        }
        return try pairs.map { code, value, at in
            guard !code.isEmpty else { throw InputError(file: path, property: "code", line: at, message: "missing") }
            guard let parsed = FarmlandClass(word: value) else {
                throw InputError(file: path, code: code, property: "class", line: at,
                                 message: "'\(value)' is not one of \(terms: FarmlandClass.allCases)")
            }
            return (code, parsed)
        }
    }
}
