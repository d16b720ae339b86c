import Foundation

/// A class of GB 3838-2002 (surface water): I to V, or worse than V (劣V).
public enum WaterClass: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case i = 1, ii, iii, iv, v, worseThanV

    /// Parses `I`…`V` (also Roman numerals ⅠⅡⅢⅣⅤ, `3`, `III类`).
    public init?(name: String) {
        var text = name.trimmingCharacters(in: .whitespaces).uppercased()
        if text.hasSuffix("类") { text.removeLast() }
        let names = ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5,
                     "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "劣V": 6, "劣Ⅴ": 6]
        guard let value = names[text] else { return nil }
        self.init(rawValue: value)
    }

    /// `I` … `V`, `worse_than_V`.
    public var description: String {
        ["I", "II", "III", "IV", "V", "worse_than_V"][rawValue - 1]
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The limits of GB 3838-2002 Table 1 for the parameters landreg judges.
public enum GB3838 {
    /// The class limits I…V of a parameter (nil: not judged there). For DO
    /// they are minimums (higher is better), otherwise maximums. TN counts
    /// only in lakes and reservoirs, which also use the lake TP column.
    public static func limits(_ parameter: MonitoringParameter, lake: Bool) -> [Double]? {
        switch parameter {
        case .do: return [7.5, 6, 5, 3, 2]
        case .codmn: return [2, 4, 6, 10, 15]
        case .cod: return [15, 15, 20, 30, 40]
        case .bod5: return [3, 3, 4, 6, 10]
        case .nh3n: return [0.15, 0.5, 1.0, 1.5, 2.0]
        case .tp: return lake ? [0.01, 0.025, 0.05, 0.1, 0.2] : [0.02, 0.1, 0.2, 0.3, 0.4]
        case .tn: return lake ? [0.2, 0.5, 1.0, 1.5, 2.0] : nil
        default: return nil
        }
    }

    /// pH must lie in 6–9 in every class.
    public static let phRange = 6.0...9.0

    /// Relative slack for comparing a mean with a limit (a mean of values
    /// equal to the limit may differ from it in the last bits).
    static let slack = 1e-9

    /// The class a value gives for a parameter (nil: the parameter is not
    /// judged for this water body).
    public static func waterClass(_ parameter: MonitoringParameter, _ value: Double, lake: Bool) -> WaterClass? {
        if parameter == .ph {
            return phRange.contains(value) ? .i : .worseThanV
        }
        guard let limits = limits(parameter, lake: lake) else { return nil }
        for (index, limit) in limits.enumerated() {
            let within = parameter == .do ? value >= limit * (1 - slack) : value <= limit * (1 + slack)
            if within { return WaterClass(rawValue: index + 1) }
        }
        return .worseThanV
    }

    /// The limit of a class for a parameter (nil for pH and parameters not judged).
    public static func limit(_ parameter: MonitoringParameter, for waterClass: WaterClass, lake: Bool) -> Double? {
        guard waterClass != .worseThanV, let limits = limits(parameter, lake: lake) else { return nil }
        return limits[waterClass.rawValue - 1]
    }

    /// The times a value exceeds a limit (超标倍数, value / limit − 1; for
    /// DO limit / value − 1); nil when it does not exceed it.
    public static func timesLimit(_ parameter: MonitoringParameter, _ value: Double, limit: Double) -> Double? {
        if parameter == .do {
            guard value < limit * (1 - slack) else { return nil }
            return value > 0 ? limit / value - 1 : nil
        }
        guard value > limit * (1 + slack), limit > 0 else { return nil }
        return value / limit - 1
    }
}

/// A discharge limit of an outfall for one parameter: a maximum, or a range (pH).
public struct DischargeLimit: Sendable, Equatable, CustomStringConvertible {
    public var minimum: Double?
    public var maximum: Double?
    /// Where it comes from: the outfall's code, its type, or the standard.
    public var source: String

    public init(minimum: Double? = nil, maximum: Double? = nil, source: String) {
        self.minimum = minimum
        self.maximum = maximum
        self.source = source
    }

    /// `50`, `6-9`, `>=5`.
    public var description: String {
        switch (minimum, maximum) {
        case let (low?, high?): return "\(formatNumber(low))-\(formatNumber(high))"
        case let (low?, nil): return ">=\(formatNumber(low))"
        case let (nil, high?): return formatNumber(high)
        default: return ""
        }
    }

    /// Parses `50`, `6-9` (a range) or `>=5` (a minimum); nil when not that.
    public init?(text: String, source: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        self.source = source
        if trimmed.hasPrefix(">=") || trimmed.hasPrefix("≥") {
            guard let low = Double(decimal: trimmed.drop { $0 == ">" || $0 == "=" || $0 == "≥" }.trimmingCharacters(in: .whitespaces)),
                  low >= 0 else { return nil }
            minimum = low
            return
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "～") }.flatMap { $0.split(separator: "~") }
        if parts.count == 2, let low = Double(decimal: parts[0]), let high = Double(decimal: parts[1]), 0 <= low, low <= high {
            minimum = low; maximum = high
            return
        }
        guard parts.count == 1, let high = Double(decimal: trimmed), high >= 0 else { return nil }
        maximum = high
    }

    /// The times a mean exceeds this limit (value / max − 1, or min / value − 1
    /// below a minimum); 0 for a pH outside its range; nil when within.
    public func timesExceeded(_ parameter: MonitoringParameter, _ value: Double) -> Double? {
        if let maximum, value > maximum * (1 + GB3838.slack) {
            return parameter == .ph || maximum == 0 ? 0 : value / maximum - 1
        }
        if let minimum, value < minimum * (1 - GB3838.slack) {
            return parameter == .ph || value <= 0 ? 0 : minimum / value - 1
        }
        return nil
    }
}

/// GB 18918-2002 class 1A, the default limits of an urban sewage plant's
/// outfall (mg/L; pH 6–9).
public enum GB18918 {
    public static let class1A: [MonitoringParameter: DischargeLimit] = [
        .cod: DischargeLimit(maximum: 50, source: "GB 18918-2002 1A"),
        .bod5: DischargeLimit(maximum: 10, source: "GB 18918-2002 1A"),
        .nh3n: DischargeLimit(maximum: 5, source: "GB 18918-2002 1A"),
        .tn: DischargeLimit(maximum: 15, source: "GB 18918-2002 1A"),
        .tp: DischargeLimit(maximum: 0.5, source: "GB 18918-2002 1A"),
        .ph: DischargeLimit(minimum: 6, maximum: 9, source: "GB 18918-2002 1A"),
    ]
}

/// The remedy kinds of the national outfall campaign (一口一策).
public enum RemedyMeasure: String, CaseIterable, Sendable {
    case ban, merge, regularize, other
}
