import Foundation
import GRDB
import XCTest
@testable import LandRegistry

/// The audit, check by check: a county the audit finds clean, then for each
/// of its checks (the switch is exhaustive: a new check does not compile
/// without its case here) one breach, which the audit finds exactly —
/// that check, that feature, nothing else — and reports in both languages.
final class AuditTests: RegistryTestCase {
    func square(_ code: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ properties: String) -> String {
        Projected.polygon(Projected.rect(x0, y0, x1, y1)).withProperties("\"code\":\"\(code)\"\(properties)")
    }

    func line(_ code: String, _ points: [(Double, Double)], _ properties: String) -> String {
        ("{\"type\":\"LineString\",\"coordinates\":[" + points.map { Projected.xy($0.0, $0.1) }.joined(separator: ",") + "]}")
            .withProperties("\"code\":\"\(code)\"\(properties)")
    }

    /// Adds a suspected plot R2 of 100 m × 100 m at (x, y), said to lie in `town`, with or without its stage date.
    func plotR2(_ registry: Registry, _ x: Double, _ y: Double, town: String = "甲镇", dated: Bool = true) throws {
        try load(registry, .riskPlots, Projected.collection([
            square("R2", x, y, x + 100, y + 100, ",\"stage\":\"suspected\",\"town\":\"\(town)\"" + (dated ? ",\"stage_date\":\"2023-01-01\"" : "")),
        ]))
    }

    /// Writes as another program would: plain SQL outside landreg's writes.
    func edit(_ registry: Registry, _ sql: String, _ arguments: StatementArguments = []) throws {
        try registry.store.database.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// A county of two towns (甲镇 west, 乙镇 east), a river along y = 0 with an
    /// outfall and a section on it, a plot and a parcel in 甲镇: nothing wrong.
    func cleanCounty() throws -> Registry {
        let registry = try makeRegistry()
        try load(registry, .admin, Projected.collection([
            square("C", -5000, -5000, 5000, 5000, #","kind":"county","name":"县""#),
            square("T1", -5000, -5000, 0, 5000, #","kind":"town","name":"甲镇""#),
            square("T2", 0, -5000, 5000, 5000, #","kind":"town","name":"乙镇""#),
        ]))
        try load(registry, .rivers, Projected.collection([line("RV", [(-4000, 0), (4000, 0)], #","name":"丹河""#)]))
        try load(registry, .outfalls, Projected.collection([Projected.point(-1000, 20).withProperties(#""code":"O1","type":"other","river":"丹河""#)]))
        try load(registry, .sections, Projected.collection([
            Projected.point(1000, -20).withProperties(#""code":"S1","name":"断面","target_class":"III","river":"丹河""#),
        ]))
        try load(registry, .riskPlots, Projected.collection([
            square("R1", -2000, 1000, -1900, 1100, #","stage":"suspected","town":"甲镇","stage_date":"2023-01-01""#),
        ]))
        try load(registry, .farmland, Projected.collection([square("F1", -3000, 1000, -2900, 1100, #","class":"priority","town":"甲镇""#)]))
        return registry
    }

    /// Introduces one breach of `check`; returns the feature the audit must name ("code" or "code/other").
    func breach(_ check: AuditCheck, in registry: Registry) throws -> String {
        switch check {
        case .invalidGeometry:
            let bowtie = Shape(type: .polygon, xy: [434_500, 3_961_000, 434_600, 3_961_100, 434_600, 3_961_000, 434_500, 3_961_100, 434_500, 3_961_000],
                               ringEnds: [5], polygonEnds: [1])
            try edit(registry, "UPDATE risk_plots SET geom = ? WHERE code = 'R1'", [Data(bowtie.spatiaLiteBlob(srid: 4547))])
            return "R1"
        case .wrongGeometryType:
            let point = Shape(type: .point, xy: [432_000, 3_961_000])
            try edit(registry, "UPDATE farmland SET geom = ? WHERE code = 'F1'", [Data(point.spatiaLiteBlob(srid: 4547))])
            return "F1"
        case .unknownValue:
            try edit(registry, "UPDATE farmland SET class = 'bad' WHERE code = 'F1'")
            return "F1"
        case .illegalStageChange:
            try edit(registry, "UPDATE risk_plots SET stage = 'delisted' WHERE code = 'R1'")
            return "R1"
        case .townMismatch:
            try plotR2(registry, -2000, 2000, town: "乙镇")
            return "R2"
        case .outsideCounty:
            try load(registry, .farmland, Projected.collection([square("F2", 9000, 0, 9100, 100, #","class":"priority""#)]))
            return "F2"
        case .farmlandOverlap:
            try load(registry, .farmland, Projected.collection([square("F2", -2950, 1000, -2850, 1100, #","class":"priority","town":"甲镇""#)]))
            return "F1/F2"
        case .riskPlotOverlap:
            try plotR2(registry, -1950, 1000)
            return "R1/R2"
        case .riskPlotDuplicate:
            try plotR2(registry, -2000, 1000)
            return "R1/R2"
        case .noStageDate:
            try plotR2(registry, -2000, 3000, dated: false)
            return "R2"
        case .outfallOffRiver:
            try load(registry, .outfalls, Projected.collection([Projected.point(-1000, 2000).withProperties(#""code":"O2","type":"other","river":"丹河""#)]))
            return "O2/RV"
        case .sectionOffRiver:
            try load(registry, .sections, Projected.collection([
                Projected.point(1500, 3000).withProperties(#""code":"S2","name":"远断面","target_class":"III","river":"丹河""#),
            ]))
            return "S2/RV"
        }
    }

    func testTheCleanCountyIsClean() throws {
        XCTAssertEqual(try cleanCounty().audit().map(\.check), [])
    }

    func testEveryCheckFindsItsBreachAndNothingElse() throws {
        for check in AuditCheck.allCases {
            let registry = try cleanCounty()
            let named = try breach(check, in: registry)
            let findings = try registry.audit()
            XCTAssertEqual(findings.map { "\($0.check.name) \($0.code)\($0.otherCode.map { "/" + $0 } ?? "")" }, ["\(check.name) \(named)"],
                           "\(check)")
            for language in ReportLanguage.allCases {
                let sink = try OutputSink(path: path("audit-\(check.name)-\(language).txt"))
                try AuditReport.write(findings, format: .table, language: language, to: sink)
                let text = try String(contentsOfFile: path("audit-\(check.name)-\(language).txt"), encoding: .utf8)
                XCTAssertTrue(text.contains(check.text(language)), "\(check) in \(language): \(text)")
            }
            try registry.close()
        }
    }

    /// Several problems at once, as a county has them.
    func testSeveralProblemsAtOnce() throws {
        let registry = try makeRegistry()
        try load(registry, .admin, Projected.collection([
            square("C", -5000, -5000, 5000, 5000, #","kind":"county","name":"县""#),
            square("T1", -5000, -5000, 0, 5000, #","kind":"town","name":"甲镇""#),
            square("T2", 0, -5000, 5000, 5000, #","kind":"town","name":"乙镇""#),
        ]))
        try load(registry, .riskPlots, Projected.collection([
            square("R1", 100, 100, 200, 200, #","stage":"suspected","town":"甲镇","stage_date":"2023-01-01""#),
            square("R2", 100, 100, 200, 200, #","stage":"suspected","town":"乙镇","stage_date":"2023-01-01""#),
            square("R3", 9000, 0, 9100, 100, #","stage":"listed""#),
        ]))
        try load(registry, .farmland, Projected.collection([
            square("F1", -300, 0, -100, 100, #","class":"priority","town":"甲镇""#),
            square("F2", -150, 0, -50, 100, #","class":"priority","town":"甲镇""#),
        ]))
        try load(registry, .rivers, Projected.collection([
            Projected.polygon(Projected.rect(0, 0, 1, 1)).replacingOccurrences(of: "Polygon", with: "LineString")
                .replacingOccurrences(of: "[[[", with: "[[").replacingOccurrences(of: "]]]", with: "]]")
                .withProperties(#""code":"RV","name":"丹河""#),
        ]))
        try load(registry, .outfalls, Projected.collection([
            Projected.point(0, 50).withProperties(#""code":"O-near","type":"other","river":"丹河""#),
            Projected.point(0, 2000).withProperties(#""code":"O-far","type":"other","river":"丹河""#),
            Projected.point(0, 10).withProperties(#""code":"O-nowhere","type":"other","river":"无名河""#),
        ]))
        let found = try registry.audit().map { "\($0.check.name) \($0.code)\($0.otherCode.map { "/" + $0 } ?? "")" }
        XCTAssertEqual(Set(found), ["town-mismatch R1", "outside-county R3", "no-stage-date R3", "risk-plot-duplicate R1/R2",
                                    "farmland-overlap F1/F2", "outfall-off-river O-far/RV", "outfall-off-river O-nowhere"])
    }
}
