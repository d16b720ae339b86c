import Foundation

/// A calendar quarter, e.g. 2023Q3.
public struct Quarter: Sendable, Equatable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    /// Parses `YYYYQn`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
              parts[0].count == 4, (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    init(year: Int, number: Int) { self.year = year; self.number = number }

    public var description: String { "\(year)Q\(number)" }
    public var start: String { String(format: "%04d-%02d-01", year, 3 * number - 2) }
    public var end: String { String(format: "%04d-%02d-%02d", year, 3 * number, [31, 30, 30, 31][number - 1]) }
    public var previous: Quarter { number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1) }
    func contains(_ date: String) -> Bool { date >= start && date <= end }
}

/// One table of the review: a CSV file and a section of the HTML.
public struct ReviewTable: Sendable {
    public let file: String
    public let title: Phrase
    /// The columns' names (the CSV's header in English; `Terms.column` in Chinese).
    public let header: [String]
    public var rows: [[Cell]] = []
    /// The town of each row ("" when none).
    public var towns: [String] = []
}

/// The quarterly land-safety review (soil plan tasks 9 and 13).
public struct QuarterlyReview: Sendable {
    public let quarter: Quarter
    public var tables: [ReviewTable]
    public var flagged: [MapFeature]
    /// Per town, the row count of each table in this quarter and the previous one.
    public var towns: ReviewTable
    /// The county, the county seat and the towns at the quarter's end, for the map.
    public var areas: [MapFeature] = []
    /// What the reader must know before trusting the tables (a quarter
    /// before anything was known).
    public var warnings: [Phrase] = []
}

/// What happened to a proposal in the review's first table, and to a parcel in the farmland table.
public enum ReviewEvent: String, Term {
    case checked, permitted
    case classAdjusted = "class adjusted"
    case foodCropsProposed = "food crops proposed"
    public static let context = "event"
}

/// Why an outfall is in the review's outfall table.
public enum OutfallConcern: String, Term {
    case inFirstZone = "in first zone"
    case inSecondZone = "in second zone"
    case upstreamOfSection = "upstream of section"
    public static let context = "concern"
}

/// Whether a vacated site needs supervision of its own.
public enum Supervision: String, Term {
    case noPlotRegistered = "yes: no plot registered"
    case followThePlot = "follow the plot"
    public static let context = "supervision"
}

/// Whether a section met its target.
public enum Meets: String, Term {
    case yes, no
    public static let context = "meets"
    public init(_ meets: Bool) { self = meets ? .yes : .no }
}

extension Cell {
    /// A place downstream along a river: "NAME, 1980.84 m along RIVER".
    static func along(_ name: String, metres: Double, river: String) -> Cell {
        .phrase("\(name), \(formatDecimal(rounded(metres))) m along \(river)")
    }
}
