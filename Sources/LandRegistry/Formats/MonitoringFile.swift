import Foundation

/// Reads a monitoring CSV as the station sends it (contract §10): UTF-8 (with
/// or without BOM) or GBK; columns `site`, `date`, `parameter`, `value` and
/// optional `unit`, `note`, `kind` — or their Chinese names (点位/断面/排口,
/// 日期, 指标, 浓度/监测值, 单位, 备注, 类型) — or a wide table with one column
/// per parameter (`氨氮(mg/L)`, `COD` …). Checks what the file alone can
/// tell: known parameters, numbers, no negative value, pH in 0–14, real
/// dates, units. Which sites exist, and whether a row comes twice, is the
/// registry's question (it is told while storing).
public enum MonitoringFile {
    /// The column names each field is known by (lower case).
    static let columnNames: [String: [String]] = [
        "site": ["site", "code", "站点", "点位", "点位编码", "点位名称", "断面", "断面编码", "排口", "排污口", "排口编码",
                 "排污口编码", "监测点", "监测点位", "编码"],
        "date": ["date", "month", "日期", "监测日期", "采样日期", "月份", "时间", "监测时间"],
        "parameter": ["parameter", "指标", "监测指标", "项目", "监测项目", "因子", "污染物", "监测因子"],
        "value": ["value", "浓度", "监测值", "数值", "值", "结果", "监测结果", "浓度值"],
        "unit": ["unit", "单位"],
        "note": ["note", "备注"],
        "kind": ["kind", "类型", "类别", "数据类型"],
    ]

    public static func read(path: String, encoding: String? = nil, mapping: FieldMapping = FieldMapping()) throws -> [MonitoringRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot open the file for reading")
        }
        return try read(bytes: [UInt8](data), name: path, encoding: encoding, mapping: mapping)
    }

    public static func read(bytes: [UInt8], name: String, encoding: String? = nil,
                            mapping: FieldMapping = FieldMapping()) throws -> [MonitoringRecord] {
        var result: [MonitoringRecord] = []
        try forEachRecord(bytes: bytes, name: name, encoding: encoding, mapping: mapping) { result.append($0) }
        return result
    }

    /// Streams the records of a file to `body`, in file order.
    /// `skipped`, when given, is told of each row whose parameter landreg
    /// does not judge (悬浮物, 石油类 …: not a typo of one it does) instead
    /// of refusing the file.
    public static func forEachRecord(path: String, encoding: String? = nil, mapping: FieldMapping = FieldMapping(),
                                     skipped: ((String) -> Void)? = nil,
                                     _ body: (MonitoringRecord) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot open the file for reading")
        }
        try forEachRecord(bytes: [UInt8](data), name: path, encoding: encoding, mapping: mapping, skipped: skipped, body)
    }

    public static func forEachRecord(bytes: [UInt8], name: String, encoding: String? = nil, mapping: FieldMapping = FieldMapping(),
                                     skipped: ((String) -> Void)? = nil,
                                     _ body: (MonitoringRecord) throws -> Void) throws {
        guard let text = decodeChineseText(bytes, encoding: encoding) else {
            throw InputError(file: name, line: badTextLine(bytes),
                             message: "the line is neither UTF-8 nor GBK text (a broken byte)", remedy: .giveEncoding)
        }
        var columns: Columns?
        var header: [String] = []
        try forEachCSVRecord(Array(text.utf8), file: name) { line, cells in
            guard let current = columns else {
                header = cells.map { $0.trimmingCharacters(in: .whitespaces) }
                columns = try Columns(header, mapping: mapping, file: name)
                return
            }
            if cells.allSatisfy({ trimmedSpaces($0).isEmpty }) { return }
            guard cells.count == header.count else {
                throw InputError(file: name, line: line, message: "\(cells.count) cells where the header has \(header.count)")
            }
            for item in try current.records(cells, line: line, file: name, skipped: skipped) { try body(item) }
        }
        if columns == nil { throw InputError(file: name, message: "the file is empty") }
    }

    /// RFC 4180 records of UTF-8 bytes with their first line numbers;
    /// commas, or tabs when the first line has tabs and no comma.
    static func forEachCSVRecord(_ bytes: [UInt8], file: String, _ body: (Int, [String]) throws -> Void) throws {
        let firstLine = bytes.prefix { $0 != 0x0A }
        let separator: UInt8 = firstLine.contains(0x09) && !firstLine.contains(0x2C) ? 0x09 : 0x2C
        var cells: [String] = [], cell: [UInt8] = [], quoted = false, line = 1, start = 1, i = 0
        let count = bytes.count
        func endCell() { cells.append(String(decoding: cell, as: UTF8.self)); cell.removeAll(keepingCapacity: true) }
        while i < count {
            let c = bytes[i]
            i += 1
            if quoted {
                if c == 0x22 {
                    if i < count && bytes[i] == 0x22 { cell.append(0x22); i += 1 } else { quoted = false }
                } else {
                    if c == 0x0A { line += 1 }
                    cell.append(c)
                }
                continue
            }
            switch c {
            case 0x22 where cell.isEmpty: quoted = true
            case separator: endCell()
            case 0x0D, 0x0A:
                if c == 0x0D && i < count && bytes[i] == 0x0A { i += 1 }
                endCell()
                try body(start, cells)
                cells.removeAll(keepingCapacity: true)
                line += 1; start = line
            default: cell.append(c)
            }
        }
        if quoted { throw InputError(file: file, line: start, message: "a quoted cell is not closed") }
        if !cell.isEmpty || !cells.isEmpty { endCell(); try body(start, cells) }
    }

    /// The first line (1-based) that is neither UTF-8 nor GBK.
    static func badTextLine(_ bytes: [UInt8]) -> Int? {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        var utf8Lines = 0, otherLines = 0
        for line in lines where line.contains(where: { $0 >= 0x80 }) {
            if String(validating: line, as: UTF8.self) != nil { utf8Lines += 1 } else { otherLines += 1 }
        }
        let asUTF8 = utf8Lines > otherLines
        for (index, line) in lines.enumerated() {
            let ok = asUTF8 ? String(validating: line, as: UTF8.self) != nil : iconvDecode(Array(line), from: "GB18030") != nil
            if !ok { return index + 1 }
        }
        return nil
    }

    /// Where each field is in a header: long (parameter and value columns)
    /// or wide (a column per parameter).
    final class Columns {
        var site: Int
        var date: Int
        var parameter: Int?
        var value: Int?
        var unit: Int?
        var note: Int?
        var kind: Int?
        /// Wide tables: (column, parameter, unit written in the header).
        var wide: [(Int, MonitoringParameter, String?)] = []
        /// Parameter names and dates as read before (files repeat them).
        private var parameters: [String: MonitoringParameter] = [:]
        private var dates: [String: String] = [:]
        private var units: [String: Bool] = [:]

        func unitMatches(_ text: String, _ parameter: MonitoringParameter) -> Bool {
            let key = text + "\u{1}" + parameter.rawValue
            if let known = units[key] { return known }
            let matches = MonitoringFile.unitMatches(text, parameter)
            units[key] = matches
            return matches
        }

        init(_ header: [String], mapping: FieldMapping, file: String) throws {
            func column(_ field: String) -> Int? {
                if let mapped = header.firstIndex(where: { mapping.properties(forField: $0).contains(field) }) { return mapped }
                let names = MonitoringFile.columnNames[field] ?? []
                return header.firstIndex { names.contains($0.lowercased()) }
            }
            guard let site = column("site") else {
                throw InputError(file: file, line: 1, message: "no site column: name it site (or 点位, 断面, 排口), or map it with site=COLUMN")
            }
            guard let date = column("date") else {
                throw InputError(file: file, line: 1, message: "no date column: name it date (or 日期, 月份), or map it with date=COLUMN")
            }
            self.site = site
            self.date = date
            parameter = column("parameter")
            value = column("value")
            unit = column("unit")
            note = column("note")
            kind = column("kind")
            if parameter == nil || value == nil {
                for (index, name) in header.enumerated() where ![site, date, unit, note, kind].contains(index) {
                    let (bare, unit) = MonitoringFile.splitUnit(name)
                    if let parameter = MonitoringParameter(name: bare) { wide.append((index, parameter, unit)) }
                }
                guard !wide.isEmpty else {
                    throw InputError(file: file, line: 1, message: "no parameter and value columns (指标, 浓度), and no column named after a parameter (氨氮, COD …)")
                }
            }
        }

        func records(_ cells: [String], line: Int, file: String, skipped: ((String) -> Void)? = nil) throws -> [MonitoringRecord] {
            func cell(_ index: Int?) -> String? {
                guard let index else { return nil }
                let text = trimmedSpaces(cells[index])
                return text.isEmpty ? nil : text
            }
            let site = try cell(self.site) ?? { throw InputError(file: file, property: "site", line: line, message: "missing") }()
            func fail(_ property: String, _ message: Phrase) -> InputError {
                InputError(file: file, code: site, property: property, line: line, message: message)
            }
            let kindText = cell(kind) ?? "value"
            guard let kind = MonitoringKind(rawValue: kindText) ?? MonitoringKind(rawValue: kindText.lowercased()) ?? MonitoringFile.kindWords[kindText] else {
                throw fail("kind", "'\(kindText)' is not value or target (监测值, 目标)")
            }
            let dateText = try cell(self.date) ?? { throw fail("date", "missing") }()
            guard let date = dates[dateText] ?? MonitoringFile.date(dateText).map({ dates[dateText] = $0; return $0 }) else {
                throw fail("date", "'\(dateText)' is not a date that exists (YYYY-MM-DD, or YYYY-MM for a month)")
            }
            var pairs: [(MonitoringParameter, String, String?, Int)] = []
            if wide.isEmpty, let parameterColumn = parameter, let valueColumn = value {
                let name = try cell(parameterColumn) ?? { throw fail("parameter", "missing") }()
                guard let parameter = parameters[name] ?? MonitoringParameter(name: name).map({ parameters[name] = $0; return $0 }) else {
                    let known = MonitoringParameter.allCases.map(\.rawValue)
                    let near = closest(name.lowercased(), in: known)
                    // A parameter the standards here do not judge is passed over; a typo of one they do is not.
                    if let skipped, near == nil {
                        skipped(name)
                        return []
                    }
                    let hint: Phrase = near.map { "; did you mean \($0)?" } ?? ""
                    throw fail("parameter", "'\(name)' is not a parameter landreg knows (\(known.joined(separator: ", ")))\(hint)")
                }
                let valueText = try cell(valueColumn) ?? { throw fail("value", "missing") }()
                pairs.append((parameter, valueText, cell(unit), valueColumn))
            } else {
                for (column, parameter, headerUnit) in wide {
                    if let valueText = cell(column) { pairs.append((parameter, valueText, headerUnit ?? cell(unit), column)) }
                }
            }
            return try pairs.map { parameter, valueText, unitText, _ in
                let value = try MonitoringFile.value(valueText, parameter: parameter, fail: fail)
                if let unitText, !unitMatches(unitText, parameter) {
                    throw fail("unit", "'\(unitText)' is not the unit of \(parameter.rawValue) (\(parameter.unit.isEmpty ? Phrase("none") : Phrase(verbatim: parameter.unit)))")
                }
                return MonitoringRecord(line: line, site: site, date: date, parameter: parameter, value: value,
                                        unit: unitText, note: cell(note), kind: kind)
            }
        }
    }

    static let kindWords: [String: MonitoringKind] = ["监测值": .value, "实测": .value, "实测值": .value, "值": .value,
                                                      "目标": .target, "目标值": .target, "预控制目标": .target, "控制目标": .target]

    /// A value below the detection limit as monitoring reports write it —
    /// `0.01L` (HJ 630's way), `<0.01`, `ND(0.01)`, `未检出(0.01)` — gives the
    /// limit; nil for anything else.
    static func detectionLimit(_ text: String) -> Double? {
        var t = text.replacingOccurrences(of: " ", with: "")
        for prefix in ["ND(", "ND（", "未检出(", "未检出（"] where t.hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count))
            guard let close = t.last, close == ")" || close == "）" else { return nil }
            return Double(decimal: t.dropLast()).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
        }
        if t.hasPrefix("<") || t.hasPrefix("＜") { return Double(t.dropFirst()).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } }
        if t.hasSuffix("L") { return Double(decimal: t.dropLast()).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } }
        return nil
    }

    /// A value: a non-negative number (pH 0–14); a value below the
    /// detection limit counts as half the limit (未检出按检出限的一半计).
    static func value(_ text: String, parameter: MonitoringParameter,
                      fail: (String, Phrase) -> InputError) throws -> Double {
        if parameter != .ph, let limit = detectionLimit(text) { return limit / 2 }
        guard let value = Double(decimal: text) else {
            throw fail(parameter.rawValue, "'\(text)' is not a number (a value below the detection limit is written 0.01L or <0.01)")
        }
        guard value >= 0 else { throw fail(parameter.rawValue, "\(text) is negative") }
        if parameter == .ph && value > 14 { throw fail("ph", "a pH of \(text) is outside 0–14") }
        return value
    }

    /// A date as YYYY-MM-DD, or a month as YYYY-MM (also `2023/7`, `2023年7月`).
    static func date(_ text: String) -> String? {
        if let day = normalizedDate(text) { return day }
        let parts = text.split(whereSeparator: { "-/.年月".contains($0) }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count), !text.hasPrefix("-"),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        let result = String(format: "%04d-%02d", year, month)
        return isValidMonth(result) ? result : nil
    }

    /// `氨氮(mg/L)` → (`氨氮`, `mg/L`).
    static func splitUnit(_ header: String) -> (String, String?) {
        guard let open = header.firstIndex(where: { $0 == "(" || $0 == "（" }) else { return (header, nil) }
        let bare = String(header[..<open]).trimmingCharacters(in: .whitespaces)
        let unit = header[header.index(after: open)...].trimmingCharacters(in: CharacterSet(charactersIn: ")） "))
        return (bare, unit.isEmpty ? nil : unit)
    }

    /// Whether a written unit is the parameter's (spellings vary).
    static func unitMatches(_ text: String, _ parameter: MonitoringParameter) -> Bool {
        let folded = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "μ", with: "µ")
            .replacingOccurrences(of: "³", with: "3")
        switch parameter.unit {
        case "": return ["", "无量纲", "无", "-", "ph"].contains(folded)
        case "mg/L": return ["mg/l", "毫克/升"].contains(folded)
        case "m³/d": return ["m3/d", "立方米/日", "吨/日", "t/d", "m3/天"].contains(folded)
        case "mg/m³": return ["mg/m3", "毫克/立方米"].contains(folded)
        default: return ["µg/m3", "ug/m3", "微克/立方米"].contains(folded)
        }
    }
}
