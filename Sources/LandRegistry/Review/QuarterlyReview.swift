import Foundation
import GRDB

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
    public let titleZH: String
    public let titleEN: String
    public let header: [String]
    public var rows: [[String]] = []
    /// The town of each row ("" when none).
    public var towns: [String] = []
}

/// A feature flagged by the review, for the map and flagged.geojson.
public struct FlaggedFeature: Sendable {
    public let table: String
    public let layer: String
    public let code: String
    public let shape: Shape
}

/// The quarterly land-safety review (soil plan tasks 9 and 13).
public struct QuarterlyReview: Sendable {
    public let quarter: Quarter
    public var tables: [ReviewTable]
    public var flagged: [FlaggedFeature]
    /// Per town, the row count of each table in this quarter and the previous one.
    public var towns: ReviewTable
}

/// A feature's state at a date, from the history.
struct FeatureState {
    let code: String
    let properties: [(String, JSONValue)]
    let wkb: [UInt8]

    subscript(_ name: String) -> String? {
        switch properties.first(where: { $0.0 == name })?.1 {
        case .string(let s)?: return s
        case .bool(let b)?: return b ? "true" : "false"
        case .number(_, let t)?: return t
        default: return nil
        }
    }
}

extension Registry {
    /// Every feature of a layer as it stood in the world on `date`.
    func states(_ db: Database, _ layer: Layer, asOf date: String) throws -> [FeatureState] {
        let rows = try Row.fetchAll(db, sql: Registry.stateAsOfSQL(columns: "code, after_properties, after_geom"),
                                    arguments: [layer.rawValue, date])
        return try rows.map { row in
            var properties: [(String, JSONValue)] = []
            if let text = row[1] as String?, case .object(let members) = try JSONValue.parse(text) { properties = members }
            return FeatureState(code: row[0], properties: properties, wkb: [UInt8]((row[2] as Data?) ?? Data()))
        }
    }

    /// Builds the review of `quarter` from the history, the check records
    /// and the permits: every table as of the dates that matter (a permit is
    /// judged by the registry as it stood on the permit's date).
    public func review(_ quarter: Quarter) throws -> QuarterlyReview {
        let current = try reviewTables(quarter, withFlags: true)
        let previous = try reviewTables(quarter.previous, withFlags: false)
        var towns = ReviewTable(file: "towns.csv", titleZH: "各乡镇汇总（本季度 / 上季度）", titleEN: "Per town (this quarter / previous quarter)",
                                header: ["town"] + current.tables.map { $0.file.replacingOccurrences(of: ".csv", with: "") })
        var names = Set<String>()
        for table in current.tables + previous.tables { names.formUnion(table.towns) }
        for town in names.sorted() {
            var row = [town.isEmpty ? "(outside any town)" : town]
            for (now, before) in zip(current.tables, previous.tables) {
                let a = now.towns.filter { $0 == town }.count, b = before.towns.filter { $0 == town }.count
                row.append("\(a) / \(b)")
            }
            towns.rows.append(row)
            towns.towns.append(town)
        }
        return QuarterlyReview(quarter: quarter, tables: current.tables, flagged: current.flagged, towns: towns)
    }

    private func reviewTables(_ quarter: Quarter, withFlags: Bool) throws -> (tables: [ReviewTable], flagged: [FlaggedFeature]) {
        try read { db in
            let geos = GEOSContext()
            let end = quarter.end
            var flagged: [FlaggedFeature] = []
            func flag(_ table: String, _ layer: String, _ code: String, _ wkb: [UInt8]) {
                guard withFlags, let shape = try? Shape(wkb: wkb) else { return }
                flagged.append(FlaggedFeature(table: table, layer: layer, code: code, shape: shape))
            }
            let towns = try townFinder(db, geos: geos, asOf: end)
            func town(of wkb: [UInt8]) -> String { towns(wkb) }
            let plotsNow = try states(db, .riskPlots, asOf: end)

            // 1. Proposals checked or permitted in the quarter for 一住两公 use.
            var sensitive = ReviewTable(file: "sensitive-approvals.csv", titleZH: "本季度核查或批准的一住两公用地", titleEN: "Housing and public-use proposals checked or approved",
                                        header: ["event", "date", "proposal_id", "use", "use_name", "action", "verdict", "soil_findings", "town"])
            let checks = try Row.fetchAll(db, sql: """
                SELECT c.id, substr(r.checked_at, 1, 10) AS day, c.proposal_id, c.use, c.action, c.verdict, c.findings, AsBinary(c.geom)
                FROM checks c JOIN check_runs r ON r.id = c.run_id
                WHERE day BETWEEN ? AND ? AND (c.use LIKE '07%' OR c.use LIKE '08%') ORDER BY day, c.id
                """, arguments: [quarter.start, end])
            for row in checks {
                let wkb = [UInt8]((row[7] as Data?) ?? Data())
                let soil = soilFindings(row[6] as String? ?? "[]")
                let use: String = row[3]
                sensitive.rows.append(["checked", row[1], row[2], use, LandUse.name(use) ?? "", row[4], row[5], soil, town(of: wkb)])
                sensitive.towns.append(sensitive.rows.last!.last!)
            }
            let permits = try Row.fetchAll(db, sql: """
                SELECT p.id, p.permit_date, p.proposal_id, c.use, p.kind, c.verdict, c.findings, AsBinary(c.geom)
                FROM permits p JOIN checks c ON c.id = p.check_id
                WHERE p.permit_date BETWEEN ? AND ? AND (c.use LIKE '07%' OR c.use LIKE '08%') ORDER BY p.permit_date, p.id
                """, arguments: [quarter.start, end])
            for row in permits {
                let wkb = [UInt8]((row[7] as Data?) ?? Data())
                let use: String = row[3]
                sensitive.rows.append(["permitted", row[1], row[2], use, LandUse.name(use) ?? "", row[4], row[5],
                                       soilFindings(row[6] as String? ?? "[]"), town(of: wkb)])
                sensitive.towns.append(sensitive.rows.last!.last!)
            }

            // 2. Clear to zero: permits on land that was, on the permit's date,
            // on the risk list or unresolved.
            var clearToZero = ReviewTable(file: "clear-to-zero.csv", titleZH: "违规开发利用清零：在名录或未完成调查地块上批准一住两公",
                                          titleEN: "Clear to zero: housing or public use approved on listed or unresolved land",
                                          header: ["permit_id", "permit_date", "kind", "proposal_id", "use", "plot", "plot_stage_then", "overlap_m2", "town"])
            let minimum = try setting(.overlapMinimum, db)
            var plotsOn: [String: [FeatureState]] = [:]
            for row in permits {
                let date: String = row[1]
                let wkb = [UInt8]((row[7] as Data?) ?? Data())
                guard !wkb.isEmpty else { continue }
                let proposal = try Geometry(wkb: wkb, in: geos)
                let prepared = try proposal.prepared()
                let areal = (try? Shape(wkb: wkb).type.isAreal) ?? false
                if plotsOn[date] == nil { plotsOn[date] = try states(db, .riskPlots, asOf: date) }
                for plot in plotsOn[date]! {
                    guard let stage = Stage(rawValue: plot["stage"] ?? ""), stage.isOnRiskList || stage.isUnresolved else { continue }
                    let geometry = try Geometry(wkb: plot.wkb, in: geos)
                    guard try prepared.intersects(geometry) else { continue }
                    let overlap = areal ? try proposal.overlapArea(with: geometry) : 0
                    guard !areal || overlap > minimum else { continue }
                    let place = town(of: wkb)
                    clearToZero.rows.append(["\(row[0] as Int64)", date, row[4], row[2], row[3], plot.code, stage.rawValue,
                                             formatDecimal(rounded(overlap)), place])
                    clearToZero.towns.append(place)
                    flag(clearToZero.file, "proposals", row[2], wkb)
                    flag(clearToZero.file, Layer.riskPlots.rawValue, plot.code, plot.wkb)
                }
            }

            // 3. Risk-list changes in the quarter; unresolved plots at its end.
            var changes = ReviewTable(file: "risk-list-changes.csv", titleZH: "本季度风险管控和修复名录变化", titleEN: "Risk-list changes",
                                      header: ["code", "name", "date", "from", "to", "doc", "town"])
            let stageRows = try Row.fetchAll(db, sql: """
                SELECT code, effective_date, after_properties, doc, after_geom FROM history
                WHERE layer = 'risk-plots' AND after_properties IS NOT NULL ORDER BY code, effective_date, id
                """)
            var lastStage: [String: String] = [:]
            for row in stageRows {
                let code: String = row[0], date: String = row[1]
                let properties = (try? JSONValue.parse(row[2] as String)) ?? .null
                let stage = properties["stage"]?.stringValue ?? ""
                let before = lastStage[code]
                lastStage[code] = stage
                guard quarter.contains(date), stage != before, ["listed", "remediating", "delisted"].contains(stage) else { continue }
                let wkb = [UInt8]((row[4] as Data?) ?? Data())
                let place = town(of: wkb)
                changes.rows.append([code, properties["name"]?.stringValue ?? "", date, before ?? "", stage, row[3] ?? "", place])
                changes.towns.append(place)
                flag(changes.file, Layer.riskPlots.rawValue, code, wkb)
            }
            var unresolved = ReviewTable(file: "unresolved.csv", titleZH: "季末尚未完成调查评估的地块", titleEN: "Unresolved plots at the quarter's end",
                                         header: ["code", "name", "stage", "since", "days_waiting", "town"])
            for plot in plotsNow {
                guard let stage = Stage(rawValue: plot["stage"] ?? ""), stage.isUnresolved else { continue }
                let since = plot["stage_date"] ?? ""
                let place = town(of: plot.wkb)
                unresolved.rows.append([plot.code, plot["name"] ?? "", stage.rawValue, since, since.isEmpty ? "" : "\(days(from: since, to: end))", place])
                unresolved.towns.append(place)
                flag(unresolved.file, Layer.riskPlots.rawValue, plot.code, plot.wkb)
            }

            // 4. Vacated enterprise sites (cancelled or revoked permits).
            let vacated = try vacatedTable(db, geos: geos, plots: plotsNow, asOf: end, town: town) { code, wkb in
                flag("vacated.csv", Layer.enterprises.rawValue, code, wkb)
            }

            // 5. Outfalls in protection zones; outfalls upstream of a section.
            var outfalls = ReviewTable(file: "outfalls.csv", titleZH: "饮用水水源保护区内及断面上游 5 公里内的入河排污口",
                                       titleEN: "Outfalls in protection zones, and within 5 km upstream of a section",
                                       header: ["code", "name", "type", "finding", "detail", "town"])
            let zones = try states(db, .waterZones, asOf: end)
            let rivers = try states(db, .rivers, asOf: end)
            let sections = try states(db, .sections, asOf: end)
            for outfall in try states(db, .outfalls, asOf: end) {
                let point = try Geometry(wkb: outfall.wkb, in: geos)
                let place = town(of: outfall.wkb)
                for zone in zones where zone["level"] == "first" || zone["level"] == "second" {
                    if try Geometry(wkb: zone.wkb, in: geos).intersects(point) {
                        outfalls.rows.append([outfall.code, outfall["name"] ?? "", outfall["type"] ?? "", "in \(zone["level"]!) zone",
                                              "\(zone.code) \(zone["source"] ?? "")", place])
                        outfalls.towns.append(place)
                        flag(outfalls.file, Layer.outfalls.rawValue, outfall.code, outfall.wkb)
                    }
                }
                // Along the river (drawn from source to mouth): the section lies
                // downstream of the outfall by at most 5 km.
                guard let riverName = outfall["river"], let river = rivers.first(where: { $0["name"] == riverName }) else { continue }
                let line = try Geometry(wkb: river.wkb, in: geos)
                let at = try line.project(point)
                for section in sections where section["river"] == riverName {
                    let downstream = try line.project(Geometry(wkb: section.wkb, in: geos)) - at
                    if downstream > 0 && downstream <= 5000 {
                        outfalls.rows.append([outfall.code, outfall["name"] ?? "", outfall["type"] ?? "", "upstream of section",
                                              "\(section["name"] ?? section.code), \(formatDecimal(rounded(downstream))) m along \(riverName)", place])
                        outfalls.towns.append(place)
                        flag(outfalls.file, Layer.outfalls.rawValue, outfall.code, outfall.wkb)
                    }
                }
            }

            // 6. Farmland class adjustments; strict farmland under food crops.
            var farmland = ReviewTable(file: "farmland-changes.csv", titleZH: "耕地土壤环境质量类别调整及严格管控类耕地种植食用农产品",
                                       titleEN: "Farmland class adjustments, and food crops proposed on strict farmland",
                                       header: ["code", "event", "date", "detail", "town"])
            for row in try Row.fetchAll(db, sql: """
                SELECT code, effective_date, command, doc, after_geom FROM history
                WHERE layer = 'farmland' AND action = 'reclass' AND effective_date BETWEEN ? AND ? ORDER BY effective_date, id
                """, arguments: [quarter.start, end]) {
                let wkb = [UInt8]((row[4] as Data?) ?? Data())
                let place = town(of: wkb)
                farmland.rows.append([row[0], "class adjusted", row[1], [row[2] as String?, row[3] as String?].compactMap { $0 }.joined(separator: "; "), place])
                farmland.towns.append(place)
                flag(farmland.file, Layer.farmland.rawValue, row[0], wkb)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT c.proposal_id, substr(r.checked_at, 1, 10) AS day, c.findings, AsBinary(c.geom)
                FROM checks c JOIN check_runs r ON r.id = c.run_id
                WHERE day BETWEEN ? AND ? AND c.findings LIKE '%farmland.strict-food%' ORDER BY day, c.id
                """, arguments: [quarter.start, end]) {
                guard case .array(let items)? = try? JSONValue.parse(row[2] as String) else { continue }
                for item in items where item["rule"]?.stringValue == "farmland.strict-food" {
                    let wkb = [UInt8]((row[3] as Data?) ?? Data())
                    let place = town(of: wkb)
                    farmland.rows.append([item["code"]?.stringValue ?? "", "food crops proposed", row[1], "proposal \(row[0] as String)", place])
                    farmland.towns.append(place)
                    flag(farmland.file, "proposals", row[0], wkb)
                }
            }
            return ([sensitive, clearToZero, changes, unresolved, vacated, outfalls, farmland], flagged)
        }
    }

    /// Enterprises whose discharge permit is cancelled or revoked, today,
    /// with the risk-plots covering their site (soil plan task 6).
    public func vacatedSites() throws -> ReviewTable {
        try read { db in
            let today = todayUTC()
            let geos = GEOSContext()
            return try vacatedTable(db, geos: geos, plots: try states(db, .riskPlots, asOf: today), asOf: today,
                                    town: try townFinder(db, geos: geos, asOf: today)) { _, _ in }
        }
    }

    /// The name of the town (admin `town`) a geometry lies in, as of `date`
    /// ("" outside every town).
    private func townFinder(_ db: Database, geos: GEOSContext, asOf date: String) throws -> ([UInt8]) -> String {
        let towns = try states(db, .admin, asOf: date).filter { $0["kind"] == "town" }
            .map { (name: $0["name"] ?? $0.code, geometry: try Geometry(wkb: $0.wkb, in: geos).prepared()) }
        return { wkb in
            guard !wkb.isEmpty, let point = try? Geometry(wkb: wkb, in: geos).pointOnSurface() else { return "" }
            return towns.first { (try? $0.geometry.intersects(point)) == true }?.name ?? ""
        }
    }

    /// The sites of enterprises whose permits were cancelled or revoked as
    /// of `date`, the plots covering them, and whether they need supervision.
    private func vacatedTable(_ db: Database, geos: GEOSContext, plots: [FeatureState], asOf date: String,
                              town: ([UInt8]) -> String, flag: (String, [UInt8]) -> Void) throws -> ReviewTable {
        var vacated = ReviewTable(file: "vacated.csv", titleZH: "注销、撤销排污许可证企业腾退地块", titleEN: "Sites of enterprises whose permits were cancelled or revoked",
                                  header: ["code", "name", "permit_status", "permit_date", "covering_plot", "plot_stage", "needs_supervision", "town"])
        for enterprise in try states(db, .enterprises, asOf: date) {
            guard ["cancelled", "revoked"].contains(enterprise["permit_status"] ?? "") else { continue }
            let site = try Geometry(wkb: enterprise.wkb, in: geos).prepared()
            let covering = try plots.filter { try site.intersects(Geometry(wkb: $0.wkb, in: geos)) }
            let place = town(enterprise.wkb)
            vacated.rows.append([enterprise.code, enterprise["name"] ?? "", enterprise["permit_status"] ?? "", enterprise["permit_date"] ?? "",
                                 covering.map(\.code).joined(separator: " "), covering.compactMap { $0["stage"] }.joined(separator: " "),
                                 covering.isEmpty ? "yes: no plot registered" : "follow the plot", place])
            vacated.towns.append(place)
            flag(enterprise.code, enterprise.wkb)
        }
        return vacated
    }

    private func soilFindings(_ json: String) -> String {
        guard case .array(let items)? = try? JSONValue.parse(json) else { return "" }
        return items.compactMap { item -> String? in
            guard let rule = item["rule"]?.stringValue, rule.hasPrefix("soil.") else { return nil }
            return "\(rule) \(item["code"]?.stringValue ?? "")"
        }.joined(separator: "; ")
    }
}

/// Whole days from one YYYY-MM-DD date to another.
func days(from start: String, to end: String) -> Int {
    func julian(_ date: String) -> Int {
        let p = date.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return 0 }
        let a = (14 - p[1]) / 12, y = p[0] + 4800 - a, m = p[1] + 12 * a - 3
        return p[2] + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }
    return julian(end) - julian(start)
}
