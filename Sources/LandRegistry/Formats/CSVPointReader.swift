import Foundation

/// Reads point tables of outfalls, monitoring sections or enterprises as
/// they arrive from spreadsheets: a header row, then one point per row with
/// longitude/latitude columns (`lon`/`lng`/`longitude`/`经度` and
/// `lat`/`latitude`/`纬度`), or projected `x`/`y` (east, north) with
/// `--srid`. Every other column becomes a property: text, except the
/// columns named in `booleans` (true/false, 1/0, 是/否, yes/no). UTF-8 with
/// or without BOM, or GBK.
public final class CSVPointReader: FeatureReader {
    /// The columns, as the properties they give.
    public var fieldNames: Set<String>? { Set(properties.joined()) }
    public let fileName: String
    public let declaredSRID: Int? = nil
    @exclusivity(unchecked) private var rows: [(line: Int, cells: [String])] = []
    @exclusivity(unchecked) private var header: [String] = []
    /// The properties each column gives.
    @exclusivity(unchecked) private var properties: [[String]] = []
    @exclusivity(unchecked) private var xColumn = 0, yColumn = 0
    private let booleans: Set<String>
    @exclusivity(unchecked) private var position = 0

    public convenience init(path: String, booleans: Set<String> = [], encoding: String? = nil,
                            mapping: FieldMapping = FieldMapping()) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot open the file for reading")
        }
        try self.init(bytes: [UInt8](data), name: path, booleans: booleans, encoding: encoding, mapping: mapping)
    }

    /// `mapping` names which column gives which property; other columns with
    /// a common Chinese name (编码, 名称, 类型 …) give their property, as in
    /// Shapefiles.
    public init(bytes: [UInt8], name: String, booleans: Set<String> = [], encoding: String? = nil,
                mapping: FieldMapping = FieldMapping()) throws {
        fileName = name
        self.booleans = booleans
        guard let text = decodeChineseText(bytes, encoding: encoding) else {
            throw InputError(file: name, message: "the file is neither UTF-8 nor GBK text", remedy: .giveEncoding)
        }
        let records = try CSVPointReader.records(text, file: name)
        guard let first = records.first else { throw InputError(file: name, message: "the file is empty") }
        header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        let lowered = header.map { $0.lowercased() }
        func column(_ names: [String]) -> Int? { lowered.firstIndex { names.contains($0) } }
        if let x = column(["lon", "lng", "long", "longitude", "经度"]), let y = column(["lat", "latitude", "纬度"]) {
            xColumn = x; yColumn = y
        } else if let x = column(["x", "easting", "东坐标"]), let y = column(["y", "northing", "北坐标"]) {
            xColumn = x; yColumn = y
        } else {
            throw InputError(file: name, line: 1, message: "no coordinate columns: name them lon and lat (or 经度, 纬度), or x and y with their CRS", remedy: .giveInputCRS)
        }
        properties = header.map { column in
            let mapped = mapping.properties(forField: column)
            return mapped.isEmpty ? [ShapefileFields.property(for: column)] : mapped
        }
        rows = records.dropFirst().filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    public func next() throws -> InputFeature? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        let (line, cells) = rows[position]
        func fail(_ property: String?, _ message: Phrase) -> InputError {
            InputError(file: fileName, feature: position + 1, property: property, line: line, message: message)
        }
        guard cells.count == header.count else {
            throw fail(nil, "\(cells.count) cells where the header has \(header.count)")
        }
        guard let x = Double(decimal: cells[xColumn].trimmingCharacters(in: .whitespaces)),
              let y = Double(decimal: cells[yColumn].trimmingCharacters(in: .whitespaces)) else {
            throw fail(header[xColumn], "coordinates '\(cells[xColumn])', '\(cells[yColumn])' are not numbers")
        }
        var properties: [(String, JSONValue)] = []
        for (i, names) in self.properties.enumerated() where i != xColumn && i != yColumn {
            let cell = cells[i].trimmingCharacters(in: .whitespaces)
            if cell.isEmpty { continue }
            for name in names {
                if booleans.contains(name) {
                    switch cell.lowercased() {
                    case "true", "1", "yes", "y", "是": properties.append((name, .bool(true)))
                    case "false", "0", "no", "n", "否": properties.append((name, .bool(false)))
                    default: throw fail(name, "'\(cell)' is not true or false (or 是/否)")
                    }
                } else {
                    properties.append((name, .string(cell)))
                }
            }
        }
        return InputFeature(number: position + 1, properties: properties, shape: Shape(type: .point, xy: [x, y]))
    }

    /// RFC 4180 records with their first line numbers; commas or tabs.
    static func records(_ text: String, file: String) throws -> [(line: Int, cells: [String])] {
        let separator: Character = (text.prefix { $0 != "\n" }.contains("\t") && !text.prefix { $0 != "\n" }.contains(",")) ? "\t" : ","
        var records: [(Int, [String])] = []
        var cells: [String] = [], cell = "", quoted = false, line = 1, start = 1
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.isEmpty: quoted = true
            case separator: cells.append(cell); cell = ""
            case "\n", "\r\n", "\r":
                cells.append(cell); cell = ""
                records.append((start, cells)); cells = []
                line += 1; start = line
            default: cell.append(c)
            }
        }
        if quoted { throw InputError(file: file, line: start, message: "a quoted cell is not closed") }
        if !cell.isEmpty || !cells.isEmpty { cells.append(cell); records.append((start, cells)) }
        return records
    }
}
