import Foundation

/// What monitoring measures (contract §10): water parameters in mg/L (pH
/// without unit, flow in m³/d) and air parameters in µg/m³ (CO in mg/m³).
public enum MonitoringParameter: String, CaseIterable, Sendable, Comparable {
    case cod, codmn, bod5, nh3n, tp, tn, `do`, ph, flow
    case so2, no2, pm10, pm25, co, o3

    public var isWater: Bool { !isAir }
    public var isAir: Bool { [.so2, .no2, .pm10, .pm25, .co, .o3].contains(self) }

    /// The unit a value is in.
    public var unit: String {
        switch self {
        case .ph: return ""
        case .flow: return "m³/d"
        case .co: return "mg/m³"
        case .so2, .no2, .pm10, .pm25, .o3: return "µg/m³"
        default: return "mg/L"
        }
    }

    /// A parameter as a file names it: the contract's name, the usual
    /// abbreviations (`NH3-N`, `COD_Cr`, `PM2.5`, `BOD₅`) or the Chinese name
    /// (氨氮, 化学需氧量 …).
    public init?(name: String) {
        let folded = String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
            .map { scalar -> Character in
                // Subscript digits (BOD₅, PM₂.₅, SO₂) read as digits.
                if (0x2080...0x2089).contains(scalar.value) { return Character(String(scalar.value - 0x2080)) }
                return Character(scalar)
            })
        if let parameter = MonitoringParameter(rawValue: folded) { self = parameter; return }
        let aliases: [String: MonitoringParameter] = [
            "codcr": .cod, "化学需氧量": .cod, "高锰酸盐指数": .codmn, "codmn指数": .codmn, "bod": .bod5,
            "五日生化需氧量": .bod5, "生化需氧量": .bod5, "nh3": .nh3n, "nh4n": .nh3n, "氨氮": .nh3n, "总磷": .tp,
            "总氮": .tn, "dissolvedoxygen": .do, "溶解氧": .do, "ph值": .ph, "流量": .flow, "水量": .flow,
            "二氧化硫": .so2, "二氧化氮": .no2, "可吸入颗粒物": .pm10, "细颗粒物": .pm25, "pm2": .pm25,
            "一氧化碳": .co, "臭氧": .o3,
        ]
        guard let parameter = aliases[folded] else { return nil }
        self = parameter
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A monitored value or a target (contract §10 `kind`).
public enum MonitoringKind: String, Sendable, CaseIterable {
    case value, target
}

/// One row of a monitoring file.
public struct MonitoringRecord: Sendable, Equatable {
    public var line: Int
    public var site: String
    /// YYYY-MM-DD, or YYYY-MM for a monthly figure or target.
    public var date: String
    public var parameter: MonitoringParameter
    public var value: Double
    public var unit: String?
    public var note: String?
    public var kind: MonitoringKind

    public init(line: Int, site: String, date: String, parameter: MonitoringParameter, value: Double,
                unit: String? = nil, note: String? = nil, kind: MonitoringKind = .value) {
        self.line = line
        self.site = site
        self.date = date
        self.parameter = parameter
        self.value = value
        self.unit = unit
        self.note = note
        self.kind = kind
    }

    /// The month the record belongs to, YYYY-MM.
    public var month: String { String(date.prefix(7)) }
}

/// A month (`2023-07`) or a quarter (`2023Q3`) that monitoring is judged over.
public struct MonitoringPeriod: Sendable, Equatable, CustomStringConvertible {
    public let label: String
    /// Its months, YYYY-MM, in order.
    public let months: [String]

    public init?(month text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
              let month = Int(parts[1]), (1...12).contains(month), year > 1900 else { return nil }
        label = text
        months = [text]
    }

    public init?(quarter text: String) {
        guard let quarter = Quarter(text) else { return nil }
        label = quarter.description
        months = (0..<3).map { String(format: "%04d-%02d", quarter.year, 3 * quarter.number - 2 + $0) }
    }

    init(label: String, months: [String]) {
        self.label = label
        self.months = months
    }

    public var description: String { label }
    /// Its first day.
    public var start: String { months[0] + "-01" }
    /// Its last day.
    public var end: String { MonitoringPeriod.lastDay(of: months[months.count - 1]) }

    /// The twelve months ending with this period's last month (for charts).
    public var trailingYear: [String] {
        let last = months[months.count - 1]
        var year = Int(last.prefix(4))!, month = Int(last.suffix(2))!
        var result: [String] = []
        for _ in 0..<12 {
            result.append(String(format: "%04d-%02d", year, month))
            month -= 1
            if month == 0 { month = 12; year -= 1 }
        }
        return result.reversed()
    }

    static func lastDay(of month: String) -> String {
        let year = Int(month.prefix(4)) ?? 2000, number = Int(month.suffix(2)) ?? 1
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let day = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][number - 1]
        return String(format: "%@-%02d", month, day)
    }
}

/// Whether `text` is a month written YYYY-MM.
func isValidMonth(_ text: String) -> Bool { MonitoringPeriod(month: text) != nil }

/// The mean of one site's values of one parameter in one month.
/// One measured value of a site: a sample's date, or a month for a monthly figure.
public struct Sample: Sendable, Equatable {
    public let site: String
    public let date: String
    public let parameter: MonitoringParameter
    public let value: Double
}

public struct MonthlyMean: Sendable, Equatable {
    public let site: String
    public let month: String
    public let parameter: MonitoringParameter
    public let mean: Double
    public let count: Int
}

/// One recorded event of an outfall's remedy (治, 一口一策): set (measure,
/// responsible party, deadline) or done.
public struct RemedyEvent: Sendable, Equatable {
    public enum Event: String, CaseIterable, Sendable { case set, done }
    public let outfall: String
    public let event: Event
    public let measure: RemedyMeasure?
    public let responsible: String?
    public let deadline: String?
    /// The date it was decided or done.
    public let date: String
    public let note: String?
    public let recordedAt: String
    public let recordedBy: String
}

/// A recorded discharge limit (the latest for its subject and parameter wins).
public struct RecordedLimit: Sendable, Equatable {
    /// An outfall's code or an outfall type.
    public let subject: String
    public let parameter: MonitoringParameter
    /// Nil when the row removed the limit.
    public let limit: DischargeLimit?
    public let recordedAt: String
    public let recordedBy: String
}

/// What a monitoring import did.
public struct MonitorImportSummary: Sendable, Equatable {
    public var read = 0
    public var inserted = 0
    public var replaced = 0
    public var unchanged = 0
    /// Rows passed over because landreg does not judge their parameter: (parameter as written, rows).
    public var skipped: [(parameter: String, rows: Int)] = []

    public static func == (a: MonitorImportSummary, b: MonitorImportSummary) -> Bool {
        a.read == b.read && a.inserted == b.inserted && a.replaced == b.replaced && a.unchanged == b.unchanged
            && a.skipped.map(\.parameter) == b.skipped.map(\.parameter) && a.skipped.map(\.rows) == b.skipped.map(\.rows)
    }
}
