import Foundation
import GRDB
import XCTest
@testable import LandRegistry

/// Model-based testing of the history's one invariant (README, "One history
/// whatever the order"): after any sequence of imports (insert, upsert,
/// replace), stage changes, reclassifications, deletions, re-insertions,
/// outside edits, checks and permits, with any dates,
/// - the registry is its history replayed as of today (`export` is
///   `export --as-of today`, byte for byte);
/// - every change was accepted or refused exactly as a small model of the
///   rules says, and a refused one changed nothing;
/// - the registry holds what the model holds (stages, stage dates, classes,
///   which codes exist), `export --as-of` any date is the history read
///   directly, and the review's unresolved plots at a quarter's end are the
///   history's.
///
/// Random sequences from a seeded generator: LANDREG_MODEL_SEQUENCES of them
/// (default 2000), LANDREG_MODEL_SEED to replay one run; a failure names the
/// seed, the sequence and every step up to it.
final class HistoryModelTests: RegistryTestCase {
    // MARK: the model

    struct Plot {
        var exists = false
        var stage = Stage.suspected
        var stageDate: String?
        var name = "甲"
        /// The effective date of the latest recorded change (nil: none yet).
        var latest: String?
    }

    struct Parcel {
        var exists = false
        var farmlandClass = FarmlandClass.priority
        var latest: String?
        var reclassified = false
    }

    struct Model {
        var plots: [String: Plot] = [:]
        var parcels: [String: Parcel] = [:]
        /// Check dates per proposal, permits per (proposal, kind).
        var checks: [String: [String]] = [:]
        var permits: Set<String> = []
        /// Every state the model passed through, by effective date, for `--as-of`.
        var timeline: [(date: String, plots: [String: Plot], parcels: [String: Parcel])] = []
    }

    static let plotCodes = ["P1", "P2", "P3"]
    static let parcelCodes = ["F1", "F2"]
    static let today = todayUTC()
    static let dates = ["2022-06-01", "2023-01-01", "2023-03-15", "2023-06-30", "2023-09-01", "2024-01-01", today]

    /// A deterministic generator (SplitMix64), so a seed replays a run.
    typealias Generator = SeededGenerator

    enum Step: CustomStringConvertible {
        case importPlots(mode: ImportMode, [(code: String, stage: Stage, stageDate: String?, name: String)], date: String?, note: String?)
        case importParcels(mode: ImportMode, [(code: String, farmlandClass: FarmlandClass)], date: String?)
        case stage(String, Stage, date: String, note: String?)
        case reclass(String, FarmlandClass, date: String)
        case delete(Layer, String, date: String, note: String?)
        case outsideEdit(String, name: String)
        case check(String, date: String)
        case permit(String, date: String)

        var description: String {
            switch self {
            case .importPlots(let mode, let rows, let date, let note):
                return "import risk-plots --mode \(mode) --date \(date ?? "-") --note \(note ?? "-") " + rows.map { "\($0.code)=\($0.stage)@\($0.stageDate ?? "-"):\($0.name)" }.joined(separator: " ")
            case .importParcels(let mode, let rows, let date):
                return "import farmland --mode \(mode) --date \(date ?? "-") " + rows.map { "\($0.code)=\($0.farmlandClass)" }.joined(separator: " ")
            case .stage(let code, let stage, let date, let note): return "stage \(code) \(stage) --date \(date) --note \(note ?? "-")"
            case .reclass(let code, let c, let date): return "reclass \(code) \(c) --date \(date)"
            case .delete(let layer, let code, let date, let note): return "delete \(layer.rawValue) \(code) --date \(date) --note \(note ?? "-")"
            case .outsideEdit(let code, let name): return "sqlite3: UPDATE risk_plots SET name='\(name)' WHERE code='\(code)'"
            case .check(let id, let date): return "check \(id) --date \(date)"
            case .permit(let id, let date): return "permit \(id) --date \(date)"
            }
        }
    }

    func randomStep(_ g: inout Generator, _ model: Model) -> Step {
        // Mostly dates on or after everything the model knows, sometimes any date.
        let known = (model.plots.values.compactMap(\.latest) + model.parcels.values.compactMap(\.latest)).max() ?? ""
        let later = Self.dates.filter { $0 >= known }
        func date() -> String {
            Int.random(in: 0..<3, using: &g) == 0 || later.isEmpty ? Self.dates.randomElement(using: &g)! : later.randomElement(using: &g)!
        }
        // Mostly a stage the lifecycle allows next.
        func stage(after code: String) -> Stage {
            let next = model.plots[code].map { $0.stage.next } ?? []
            return Int.random(in: 0..<4, using: &g) == 0 || next.isEmpty ? Stage.allCases.randomElement(using: &g)! : next.randomElement(using: &g)!
        }
        func maybeDate() -> String? { Bool.random(using: &g) ? nil : date() }
        func note() -> String? { Int.random(in: 0..<3, using: &g) == 0 ? nil : "理由" }
        switch Int.random(in: 0..<20, using: &g) {
        case 0..<4:
            let mode: ImportMode = [.insert, .upsert, .upsert, .replace].randomElement(using: &g)!
            let codes = Self.plotCodes.filter { _ in Bool.random(using: &g) }
            let rows = (codes.isEmpty ? [Self.plotCodes[0]] : codes).map { code in
                (code: code, stage: stage(after: code), stageDate: maybeDate(), name: ["甲", "乙"].randomElement(using: &g)!)
            }
            return .importPlots(mode: mode, rows, date: maybeDate(), note: note())
        case 4..<6:
            let mode: ImportMode = [.insert, .upsert, .replace].randomElement(using: &g)!
            let rows = Self.parcelCodes.filter { _ in Bool.random(using: &g) }.map {
                (code: $0, farmlandClass: FarmlandClass.allCases.randomElement(using: &g)!)
            }
            return .importParcels(mode: mode, rows.isEmpty ? [(Self.parcelCodes[0], .priority)] : rows, date: maybeDate())
        case 6..<10:
            let code = Self.plotCodes.randomElement(using: &g)!
            return .stage(code, stage(after: code), date: date(), note: note())
        case 10..<13:
            return .reclass(Self.parcelCodes.randomElement(using: &g)!, FarmlandClass.allCases.randomElement(using: &g)!, date: date())
        case 13..<15:
            let plot = Bool.random(using: &g)
            return .delete(plot ? .riskPlots : .farmland,
                           (plot ? Self.plotCodes : Self.parcelCodes).randomElement(using: &g)!, date: date(), note: note())
        case 15:
            return .outsideEdit(Self.plotCodes.randomElement(using: &g)!, name: ["丙", "丁"].randomElement(using: &g)!)
        case 16..<18:
            return .check(["Q1", "Q2"].randomElement(using: &g)!, date: date())
        default:
            return .permit(["Q1", "Q2"].randomElement(using: &g)!, date: date())
        }
    }

    /// What the rules say of `step` on `model`: the model after it, or nil
    /// when it must be refused.
    func expected(_ step: Step, _ model: Model) -> Model? {
        var m = model
        switch step {
        case .importPlots(let mode, let rows, let date, let note):
            let stamp = date ?? Self.today
            for row in rows {
                var plot = m.plots[row.code] ?? Plot()
                if plot.exists {
                    if mode == .insert { return nil }
                    let newDate = row.stageDate ?? plot.stageDate
                    if plot.stage != row.stage {
                        guard plot.stage.next.contains(row.stage), row.stage != .suspected else { return nil }
                        if let old = plot.stageDate, (row.stageDate ?? stamp) < old { return nil }
                    }
                    let changed = plot.stage != row.stage || plot.stageDate != newDate || plot.name != row.name
                    guard changed else { continue }
                    // Effective on a stage_date the file moves on (no earlier than the past), else on the import's date.
                    let past = plot.latest ?? ChangeStamp.beginning
                    var effective = stamp
                    if newDate != plot.stageDate, let d = newDate, d >= past { effective = d } else if stamp < past { return nil }
                    plot.stage = row.stage
                    plot.stageDate = newDate
                    plot.name = row.name
                    plot.latest = effective
                } else {
                    let own = row.stageDate ?? date ?? ChangeStamp.beginning
                    var effective = own
                    if let past = plot.latest {
                        if own == ChangeStamp.beginning || own < past {
                            if stamp < past { return nil }
                            effective = stamp
                        }
                    }
                    plot = Plot(exists: true, stage: row.stage, stageDate: row.stageDate, name: row.name, latest: effective)
                }
                m.plots[row.code] = plot
            }
            if mode == .replace {
                let kept = Set(rows.map(\.code))
                for code in Self.plotCodes where !kept.contains(code) {
                    guard var plot = m.plots[code], plot.exists else { continue }
                    if plot.stage.needsReasonToRemove && note == nil { return nil }
                    if let past = plot.latest, stamp < past { return nil }
                    plot.exists = false
                    plot.latest = stamp
                    m.plots[code] = plot
                }
            }
        case .importParcels(let mode, let rows, let date):
            let stamp = date ?? Self.today
            for row in rows {
                var parcel = m.parcels[row.code] ?? Parcel()
                if parcel.exists {
                    if mode == .insert { return nil }
                    guard parcel.farmlandClass != row.farmlandClass else { continue }
                    if parcel.reclassified { return nil }
                    if let past = parcel.latest, stamp < past { return nil }
                    parcel.farmlandClass = row.farmlandClass
                    parcel.latest = stamp
                } else {
                    var effective = date ?? ChangeStamp.beginning
                    if let past = parcel.latest, effective == ChangeStamp.beginning || effective < past {
                        if stamp < past { return nil }
                        effective = stamp
                    }
                    parcel = Parcel(exists: true, farmlandClass: row.farmlandClass, latest: effective,
                                    reclassified: parcel.reclassified)
                }
                m.parcels[row.code] = parcel
            }
            if mode == .replace {
                let kept = Set(rows.map(\.code))
                for code in Self.parcelCodes where !kept.contains(code) {
                    guard var parcel = m.parcels[code], parcel.exists else { continue }
                    if let past = parcel.latest, stamp < past { return nil }
                    parcel.exists = false
                    parcel.latest = stamp
                    m.parcels[code] = parcel
                }
            }
        case .stage(let code, let stage, let date, let note):
            guard var plot = m.plots[code], plot.exists, plot.stage.next.contains(stage) else { return nil }
            if stage == .suspected && note == nil { return nil }
            if let old = plot.stageDate, date < old { return nil }
            if let past = plot.latest, date < past { return nil }
            plot.stage = stage
            plot.stageDate = date
            plot.latest = date
            m.plots[code] = plot
        case .reclass(let code, let farmlandClass, let date):
            guard var parcel = m.parcels[code], parcel.exists, parcel.farmlandClass != farmlandClass else { return nil }
            if let past = parcel.latest, date < past { return nil }
            parcel.farmlandClass = farmlandClass
            parcel.latest = date
            parcel.reclassified = true
            m.parcels[code] = parcel
        case .delete(let layer, let code, let date, let note):
            if layer == .riskPlots {
                guard var plot = m.plots[code], plot.exists else { return nil }
                if plot.stage.needsReasonToRemove && note == nil { return nil }
                if let past = plot.latest, date < past { return nil }
                plot.exists = false
                plot.latest = date
                m.plots[code] = plot
            } else {
                guard var parcel = m.parcels[code], parcel.exists else { return nil }
                if let past = parcel.latest, date < past { return nil }
                parcel.exists = false
                parcel.latest = date
                m.parcels[code] = parcel
            }
        case .outsideEdit(let code, let name):
            // Recorded whether or not it changed anything (the trigger sees an UPDATE).
            guard var plot = m.plots[code], plot.exists else { return m }
            plot.name = name
            plot.latest = Self.today
            m.plots[code] = plot
        case .check(let id, let date):
            m.checks[id, default: []].append(date)
        case .permit(let id, let date):
            guard let checks = m.checks[id], checks.contains(where: { $0 <= date }), !m.permits.contains(id) else { return nil }
            m.permits.insert(id)
        }
        return m
    }

    // MARK: the registry

    func geojson(_ features: [String]) -> String {
        Projected.collection(features)
    }

    func plotFeature(_ i: Int, _ code: String, _ stage: Stage, _ stageDate: String?, _ name: String) -> String {
        var properties = "\"code\":\"\(code)\",\"stage\":\"\(stage.rawValue)\",\"name\":\"\(name)\""
        if let stageDate { properties += ",\"stage_date\":\"\(stageDate)\"" }
        return Projected.polygon(Projected.rect(Double(i) * 300, 0, Double(i) * 300 + 100, 100)).asFeature(properties)
    }

    func apply(_ step: Step, to registry: Registry) throws {
        switch step {
        case .importPlots(let mode, let rows, let date, let note):
            let text = geojson(rows.map { row in
                plotFeature(Self.plotCodes.firstIndex(of: row.code)!, row.code, row.stage, row.stageDate, row.name)
            })
            _ = try registry.importFeatures(into: .riskPlots, from: GeoJSONReader(text: text, name: "plots.geojson"),
                                            options: ImportOptions(mode: mode, effectiveDate: date, by: "model", note: note))
        case .importParcels(let mode, let rows, let date):
            let text = geojson(rows.map { row in
                let i = Double(Self.parcelCodes.firstIndex(of: row.code)!)
                return Projected.polygon(Projected.rect(i * 300, 1000, i * 300 + 100, 1100))
                    .asFeature("\"code\":\"\(row.code)\",\"class\":\"\(row.farmlandClass.rawValue)\"")
            })
            _ = try registry.importFeatures(into: .farmland, from: GeoJSONReader(text: text, name: "farmland.geojson"),
                                            options: ImportOptions(mode: mode, effectiveDate: date, by: "model"))
        case .stage(let code, let stage, let date, let note):
            try registry.changeStage(code: code, to: stage, date: date, by: "model", note: note)
        case .reclass(let code, let farmlandClass, let date):
            try registry.reclassify(code: code, to: farmlandClass, date: date, basis: nil, by: "model")
        case .delete(let layer, let code, let date, let note):
            try registry.delete(layer, codes: [code], date: date, by: "model", note: note)
        case .outsideEdit(let code, let name):
            try registry.store.database.write { db in
                try db.execute(sql: "UPDATE risk_plots SET name = ? WHERE code = ?", arguments: [name, code])
            }
        case .check(let id, let date):
            let proposal = try Proposal(id: id, use: "0701")
            let far = Shape.polygon([(113.30, 35.70), (113.301, 35.70), (113.301, 35.701), (113.30, 35.701)])
            _ = try registry.check(proposal, geometry: far, options: CheckOptions(by: "model", date: date))
        case .permit(let id, let date):
            try registry.recordPermit(proposalID: id, kind: .supply, date: date, by: "model")
        }
    }

    func export(_ registry: Registry, asOf: String? = nil) throws -> String {
        let sink = OutputSink.memory()
        try registry.exportGeoJSON(ExportOptions(layers: [.riskPlots, .farmland], asOf: asOf), to: sink)
        return sink.text
    }

    /// (layer code → the properties the model cares about) from an export.
    func state(_ text: String) throws -> [String: [String: String]] {
        guard case .array(let features)? = try JSONValue.parse(text)["features"] else { return [:] }
        var state: [String: [String: String]] = [:]
        for feature in features {
            guard case .object(let members)? = feature["properties"] else { continue }
            var values: [String: String] = [:]
            for (key, value) in members { if let text = value.stringValue { values[key] = text } }
            state[values["code"] ?? "?"] = values
        }
        return state
    }

    func modelState(plots: [String: Plot], parcels: [String: Parcel]) -> [String: [String: String]] {
        var state: [String: [String: String]] = [:]
        for (code, plot) in plots where plot.exists {
            var values = ["layer": "risk-plots", "code": code, "stage": plot.stage.rawValue, "name": plot.name]
            if let d = plot.stageDate { values["stage_date"] = d }
            state[code] = values
        }
        for (code, parcel) in parcels where parcel.exists {
            state[code] = ["layer": "farmland", "code": code, "class": parcel.farmlandClass.rawValue]
        }
        return state
    }

    // MARK: the test

    func testTheRegistryIsItsHistoryReplayedWhateverTheOrder() throws {
        let environment = ProcessInfo.processInfo.environment
        let sequences = Int(environment["LANDREG_MODEL_SEQUENCES"] ?? "") ?? 2000
        let seed = UInt64(environment["LANDREG_MODEL_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)
        let template = path("template.sqlite")
        try Registry.create(at: template).close()
        var steps = 0, refused = 0
        let started = Date()
        for sequence in 0..<sequences {
            var g = Generator(seed: seed &+ UInt64(sequence) &* 0x1000_0000_01B3)
            let file = path("s.sqlite")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            try FileManager.default.copyItem(atPath: template, toPath: file)
            let registry = try Registry.open(at: file)
            defer { try? registry.close() }
            var model = Model()
            var done: [String] = []
            var before = try export(registry)
            for _ in 0..<Int.random(in: 4...14, using: &g) {
                let step = randomStep(&g, model)
                done.append(step.description)
                let where_ = "seed \(seed), sequence \(sequence):\n  " + done.joined(separator: "\n  ")
                let after = expected(step, model)
                do {
                    try apply(step, to: registry)
                    guard let after else {
                        XCTFail("accepted what the model refuses — \(where_)")
                        return
                    }
                    model = after
                } catch let error as LandRegistryError {
                    guard after == nil else {
                        XCTFail("refused what the model accepts: \(error.description) — \(where_)")
                        return
                    }
                    refused += 1
                    XCTAssertEqual(try export(registry), before, "a refused change wrote something — \(where_)")
                }
                steps += 1
                let now = try export(registry)
                let replayed = try export(registry, asOf: Self.today)
                guard now == replayed else {
                    XCTFail("export and export --as-of today differ — \(where_)\n\(now)\n\(replayed)")
                    return
                }
                before = now
                let expectedState = modelState(plots: model.plots, parcels: model.parcels)
                guard try state(now) == expectedState else {
                    XCTFail("the registry is not the model — \(where_)\nregistry: \(try state(now))\nmodel: \(expectedState)")
                    return
                }
            }
            // The review reads the same past: its unresolved plots at a quarter's end are the
            // risk-plots the history has unresolved on that day.
            let quarter = Quarter(["2023Q1", "2023Q2", "2023Q3", "2023Q4"].randomElement(using: &g)!)!
            let review = try registry.review(quarter)
            let table = review.tables.first { $0.file == "unresolved.csv" }!
            let reviewed = table.rows.map { $0[table.header.firstIndex(of: "code")!].text(.en) }.sorted()
            let then = try historyState(registry, asOf: quarter.end).filter {
                $0.value["layer"] == "risk-plots" && Stage(rawValue: $0.value["stage"] ?? "")?.isUnresolved == true
            }.keys.sorted()
            guard reviewed == then else {
                XCTFail("the review of \(quarter) lists \(reviewed) unresolved, the history \(then) — seed \(seed), sequence \(sequence):\n  "
                        + done.joined(separator: "\n  "))
                return
            }
            // The earliest date the history knows (found by one index seek per layer and kind of change) is its first row's.
            let first = try registry.store.read { try String.fetchOne($0, sql: "SELECT min(effective_date) FROM history WHERE layer != 'settings'") }
            guard try registry.earliestKnownDate() == first else {
                XCTFail("the earliest known date \(try registry.earliestKnownDate() ?? "-") is not the history's \(first ?? "-") — seed \(seed), sequence \(sequence)")
                return
            }
            // Every date the model knows: the registry as of it is what the model says it was.
            for date in Self.dates {
                let asOf = try state(try export(registry, asOf: date))
                let known = try historyState(registry, asOf: date)
                guard asOf == known else {
                    XCTFail("export --as-of \(date) is not the history as of that date — seed \(seed), sequence \(sequence):\n  "
                            + done.joined(separator: "\n  "))
                    return
                }
            }
        }
        print("history model: \(sequences) sequences, \(steps) steps (\(refused) refused) in "
              + String(format: "%.1f", Date().timeIntervalSince(started)) + " s, seed \(seed)")
    }

    /// The history read directly: per code, the latest row effective on or
    /// before `date` (by effective date, then as recorded), unless a deletion.
    func historyState(_ registry: Registry, asOf date: String) throws -> [String: [String: String]] {
        var state: [String: [String: String]] = [:]
        for (layer, codes) in [(Layer.riskPlots, Self.plotCodes), (.farmland, Self.parcelCodes)] {
            for code in codes {
                let rows = try registry.history(layer, code: code).filter { $0.effectiveDate <= date }
                guard let last = rows.last, let after = last.after else { continue }
                var values = ["layer": layer.rawValue]
                for (key, value) in after { if let text = value.stringValue { values[key] = text } }
                state[code] = values
            }
        }
        return state
    }
}

private extension String {
    func asFeature(_ properties: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(self)}"
    }
}
