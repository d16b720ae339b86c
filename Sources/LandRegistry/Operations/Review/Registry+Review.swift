extension Registry {
    /// Builds the review of `quarter` from the history, the check records
    /// and the permits: every table as of the dates that matter (a permit is
    /// judged by the registry as it stood on the permit's date).
    public func review(_ quarter: Quarter) throws -> QuarterlyReview {
        let current = try snapshot { try ReviewBuilder($0, quarter: quarter, withFlags: true).tables() }
        let previous = try snapshot { try ReviewBuilder($0, quarter: quarter.previous, withFlags: false).tables() }
        var towns = ReviewTable(file: "towns.csv", title: "Per town (this quarter / previous quarter)",
                                header: ["town"] + current.tables.map { $0.file.replacingOccurrences(of: ".csv", with: "") })
        var names = Set<String>()
        for table in current.tables + previous.tables { names.formUnion(table.towns) }
        for town in names.sorted() {
            var row: [Cell] = [town.isEmpty ? .phrase("(outside any town)") : .text(town)]
            for (now, before) in zip(current.tables, previous.tables) {
                let a = now.towns.filter { $0 == town }.count, b = before.towns.filter { $0 == town }.count
                row.append(.text("\(a) / \(b)"))
            }
            towns.rows.append(row)
            towns.towns.append(town)
        }
        var review = QuarterlyReview(quarter: quarter, tables: current.tables, flagged: current.flagged, towns: towns)
        review.areas = try snapshot { try $0.states(.admin, asOf: quarter.end) }.compactMap { area in
            (try? Shape(wkb: area.wkb)).map {
                MapFeature(layer: Layer.admin.rawValue, code: area.code, name: Phrase(verbatim: area["name"] ?? area.code), shape: $0,
                           kind: area["kind"] ?? "")
            }
        }
        if let warning = try asOfWarning(quarter.end) { review.warnings.append(warning) }
        return review
    }

    /// Enterprises whose discharge permit is cancelled or revoked, today,
    /// with the risk-plots covering their site (soil plan task 6).
    public func vacatedSites() throws -> ReviewTable {
        try snapshot { snapshot in
            let today = todayUTC()
            let builder = try ReviewBuilder(snapshot, asOf: today, withFlags: false)
            return try builder.vacated(plots: try snapshot.states(.riskPlots, asOf: today))
        }
    }
}

/// Builds the tables of one quarter's review from one snapshot; each table
/// is one method (in ReviewTables.swift).
final class ReviewBuilder {
    let snapshot: Snapshot
    let geos = GEOSContext()
    let start: String
    let end: String
    let withFlags: Bool
    private(set) var flagged: [MapFeature] = []
    private var towns: Towns!

    init(_ snapshot: Snapshot, quarter: Quarter, withFlags: Bool) throws {
        self.snapshot = snapshot
        start = quarter.start
        end = quarter.end
        self.withFlags = withFlags
        try loadTowns()
    }

    init(_ snapshot: Snapshot, asOf date: String, withFlags: Bool) throws {
        self.snapshot = snapshot
        start = date
        end = date
        self.withFlags = withFlags
        try loadTowns()
    }

    private func loadTowns() throws {
        towns = try Towns(try snapshot.states(.admin, asOf: end), geos: geos)
    }

    /// Every table of the quarter, in the review's order.
    func tables() throws -> (tables: [ReviewTable], flagged: [MapFeature]) {
        let plotsNow = try snapshot.states(.riskPlots, asOf: end)
        let permits = try snapshot.sensitivePermits(from: start, to: end)
        let tables = [try sensitive(permits), try clearToZero(permits), try riskListChanges(), unresolved(plotsNow),
                      try vacated(plots: plotsNow), try outfalls(), try farmland()] + (try waterTables())
        return (tables, flagged)
    }

    /// The name of the town (admin `town`) a geometry lies in ("" outside every town).
    func town(of wkb: [UInt8]) -> String { towns.holdingMostOf(wkb: wkb) }

    /// Puts a feature on the review's map.
    func flag(_ table: String, _ layer: String, _ code: String, _ wkb: [UInt8]) {
        guard let shape = try? Shape(wkb: wkb) else { return }
        flag(table, layer, code, shape: shape)
    }

    func flag(_ table: String, _ layer: String, _ code: String, shape: Shape) {
        guard withFlags else { return }
        flagged.append(MapFeature(layer: layer, code: code, name: nil, shape: shape, table: table))
    }

    /// Adds a row to a table with the town its feature lies in.
    func add(_ cells: [Cell], to table: inout ReviewTable, at wkb: [UInt8]) {
        let place = town(of: wkb)
        table.rows.append(cells + [.text(place)])
        table.towns.append(place)
    }
}
