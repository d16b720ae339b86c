import Foundation
import XCTest
@testable import LandRegistry

/// The quarterly review, table by table, on a county scripted through the
/// library (imports dated 2023-01-01, checks, permits, a stage change, a
/// reclassification, monitoring and a remedy in 2023Q3): each table's rows
/// as the CSV writes them in English, and the cells that are contract words
/// in Chinese.
final class ReviewTablesTests: RegistryTestCase {
    func square(_ code: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ properties: String) -> String {
        Projected.polygon(Projected.rect(x0, y0, x1, y1)).withProperties("\"code\":\"\(code)\"\(properties)")
    }

    func importDated(_ registry: Registry, _ layer: Layer, _ features: [String]) throws {
        try registry.importFeatures(into: layer, from: GeoJSONReader(text: Projected.collection(features), name: "\(layer).geojson"),
                                    options: ImportOptions(effectiveDate: "2023-01-01"))
    }

    func proposal(_ id: String, _ use: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ more: String = "") -> String {
        Projected.polygon(Projected.rect(x0, y0, x1, y1)).withProperties("\"id\":\"\(id)\",\"use\":\"\(use)\",\"action\":\"supply\"\(more)")
    }

    /// The county: 甲镇 west of x = 0, 乙镇 east; a river 丹河 from west to east along y = 0.
    var review: QuarterlyReview!

    override func setUpWithError() throws {
        try super.setUpWithError()
        let registry = try makeRegistry()
        try importDated(registry, .admin, [
            square("C", -5000, -5000, 5000, 5000, #","kind":"county","name":"县""#),
            square("T1", -5000, -5000, 0, 5000, #","kind":"town","name":"甲镇""#),
            square("T2", 0, -5000, 5000, 5000, #","kind":"town","name":"乙镇""#),
        ])
        try importDated(registry, .riskPlots, [
            square("RL", 100, 100, 200, 200, #","stage":"listed","name":"旧厂","town":"乙镇","stage_date":"2023-01-01""#),
            square("RS", 1000, 100, 1100, 200, #","stage":"suspected","name":"疑似地块","town":"乙镇","stage_date":"2023-06-01""#),
        ])
        try importDated(registry, .enterprises, [
            Projected.point(150, 150).withProperties(#""code":"E1","name":"注销厂","permit_status":"cancelled","permit_date":"2023-05-10""#),
            Projected.point(3000, 3000).withProperties(#""code":"E2","name":"撤销厂","permit_status":"revoked","permit_date":"2023-04-01""#),
            Projected.point(3100, 3000).withProperties(#""code":"E3","name":"正常厂","permit_status":"valid""#),
        ])
        try importDated(registry, .farmland, [
            square("FS", -2000, 1000, -1900, 1100, #","class":"strict","town":"甲镇""#),
            square("F2", -3000, 1000, -2900, 1100, #","class":"priority","town":"甲镇""#),
        ])
        try importDated(registry, .waterZones, [square("WZ1", -4200, -200, -3800, 200, #","level":"first","source":"水源地""#)])
        try importDated(registry, .rivers, [
            "{\"type\":\"LineString\",\"coordinates\":[\(Projected.xy(-4500, 0)),\(Projected.xy(4500, 0))]}".withProperties(#""code":"RV","name":"丹河""#),
        ])
        try importDated(registry, .outfalls, [
            Projected.point(-4000, 0).withProperties(#""code":"O1","type":"other","river":"丹河""#),
            Projected.point(-3000, 5).withProperties(#""code":"O2","type":"industrial","name":"工厂排口","river":"丹河""#),
        ])
        try importDated(registry, .sections, [
            Projected.point(0, -5).withProperties(#""code":"S1","name":"桥","target_class":"III","river":"丹河""#),
        ])
        // Checks on 2023-08-01: P1 housing over the listed plot (block), P2 a school away from everything (clear), P3 food crops on strict farmland.
        let proposals = Projected.collection([
            proposal("P1", "070101", 100, 100, 200, 200),
            proposal("P2", "080404", 2000, 2000, 2100, 2100),
            proposal("P3", "0103", -2000, 1000, -1900, 1100, ",\"food_crops\":true"),
        ])
        _ = try registry.check(GeoJSONReader(text: proposals, name: "plan.geojson"), options: CheckOptions(by: "审查员", date: "2023-08-01")) { _ in }
        try registry.changeStage(code: "RL", to: .remediating, date: "2023-08-10", doc: "修复方案", by: "科员")
        _ = try registry.recordPermit(proposalID: "P1", kind: .supply, date: "2023-08-15", by: "科员", note: "会议纪要")
        try registry.reclassify(code: "F2", to: .safeUse, date: "2023-09-01", basis: "监测", by: "科员")
        let samples = ["2023-07-08", "2023-08-08", "2023-09-08"].enumerated().map { k, date in
            MonitoringRecord(line: k + 2, site: "S1", date: date, parameter: .nh3n, value: 1.5)
        } + [MonitoringRecord(line: 5, site: "O2", date: "2023-07-08", parameter: .cod, value: 60)]
        _ = try registry.importMonitoring(samples, file: "monitoring.csv", by: "监测站")
        try registry.setDischargeLimit(subject: "O2", parameter: .cod, limit: "50", by: "科员")
        try registry.setRemedy(outfall: "O2", measure: .regularize, responsible: "工厂", deadline: "2023-08-31", date: "2023-07-20", by: "科员")
        review = try registry.review(Quarter("2023Q3")!)
        try registry.close()
    }

    func rows(_ file: String, _ language: ReportLanguage = .en) throws -> [String] {
        let table = try XCTUnwrap(review.tables.first { $0.file == file } ?? (file == "towns.csv" ? review.towns : nil), file)
        return table.rows.map { $0.map { $0.text(language) }.joined(separator: "|") }
    }

    func testSensitiveApprovals() throws {
        XCTAssertEqual(try rows("sensitive-approvals.csv"), [
            "checked|2023-08-01|P1|070101|一类城镇住宅用地|supply|block|soil.listed RL||乙镇",
            "checked|2023-08-01|P2|080404|幼儿园用地|supply|clear|||乙镇",
            "permitted|2023-08-15|P1|070101|一类城镇住宅用地|supply|block|soil.listed RL|permitted although the check was block: 会议纪要|乙镇",
        ])
        XCTAssertEqual(try rows("sensitive-approvals.csv", .zh)[2],
                       "已批准|2023-08-15|P1|070101|一类城镇住宅用地|土地供应|不予通过|soil.listed RL|审查结论为不予通过仍予批准：会议纪要|乙镇")
        XCTAssertTrue(try rows("sensitive-approvals.csv", .zh)[1].contains("|未发现冲突|"))
    }

    func testClearToZero() throws {
        // The permit's date, 2023-08-15: RL was remediating (since 2023-08-10).
        XCTAssertEqual(try rows("clear-to-zero.csv").map { $0.split(separator: "|").dropFirst().joined(separator: "|") },
                       ["2023-08-15|supply|P1|070101|RL|remediating|10000.0|乙镇"])
    }

    func testRiskListChanges() throws {
        XCTAssertEqual(try rows("risk-list-changes.csv"), ["RL|旧厂|2023-08-10|listed|remediating|修复方案|乙镇"])
        XCTAssertEqual(try rows("risk-list-changes.csv", .zh), ["RL|旧厂|2023-08-10|已列入名录|风险管控或修复中|修复方案|乙镇"])
    }

    func testUnresolved() throws {
        // Suspected since 2023-06-01: 121 days at the quarter's end.
        XCTAssertEqual(try rows("unresolved.csv"), ["RS|疑似地块|suspected|2023-06-01|121|乙镇"])
    }

    func testVacated() throws {
        XCTAssertEqual(try rows("vacated.csv"), [
            "E1|注销厂|cancelled|2023-05-10|RL|remediating|follow the plot|乙镇",
            "E2|撤销厂|revoked|2023-04-01|||yes: no plot registered|乙镇",
        ])
        XCTAssertEqual(try rows("vacated.csv", .zh)[1], "E2|撤销厂|撤销|2023-04-01|||是：未登记地块|乙镇")
    }

    func testOutfalls() throws {
        // O1 in the first-level zone; O1 and O2 upstream of S1 (4000 m and 3000 m along the river, within 10 km).
        XCTAssertEqual(try rows("outfalls.csv"), [
            "O1||other|in first zone|WZ1 水源地|甲镇",
            "O1||other|upstream of section|桥, 4000.0 m along 丹河|甲镇",
            "O2|工厂排口|industrial|upstream of section|桥, 3000.0 m along 丹河|甲镇",
        ])
        XCTAssertEqual(try rows("outfalls.csv", .zh)[2], "O2|工厂排口|工业排污口|断面上游|桥，沿丹河 3000.0 米|甲镇")
    }

    func testFarmlandChanges() throws {
        let rows = try rows("farmland-changes.csv")
        XCTAssertEqual(rows.count, 2, "\(rows)")
        XCTAssertTrue(rows[0].hasPrefix("F2|class adjusted|2023-09-01|"), rows[0])
        XCTAssertTrue(rows[0].contains("监测"), rows[0])
        XCTAssertEqual(rows[1], "FS|food crops proposed|2023-08-01|proposal P3|甲镇")
        XCTAssertEqual(try self.rows("farmland-changes.csv", .zh)[1], "FS|拟种植食用农产品|2023-08-01|项目 P3|甲镇")
    }

    func testWaterSections() throws {
        // NH3-N 1.5 against class III's 1.0: 0.5 times over, every month.
        XCTAssertEqual(try rows("water-sections.csv"),
                       ["S1|桥|III|IV|no|nh3n 1.5 (0.50x)|2023-07 IV ✗; 2023-08 IV ✗; 2023-09 IV ✗|乙镇"])
        XCTAssertEqual(try rows("water-sections.csv", .zh),
                       ["S1|桥|Ⅲ类|Ⅳ类|否|氨氮 1.5 （超标 0.50 倍）|2023-07 Ⅳ类 ✗; 2023-08 Ⅳ类 ✗; 2023-09 Ⅳ类 ✗|乙镇"])
    }

    func testWaterOutfalls() throws {
        let rows = try rows("water-outfalls.csv")
        XCTAssertTrue(rows.contains { $0.hasPrefix("O2|工厂排口|industrial|cod 60 > 50 (0.20x, 2023-07-08)|") }, "\(rows)")
    }

    func testOutfallRemedies() throws {
        // Due 2023-08-31, not done at 2023-09-30: 30 days overdue.
        XCTAssertEqual(try rows("outfall-remedies.csv"), ["O2|工厂排口|regularize|工厂|2023-08-31|30|甲镇"])
        XCTAssertEqual(try rows("outfall-remedies.csv", .zh), ["O2|工厂排口|规范整治|工厂|2023-08-31|30|甲镇"])
    }

    func testTowns() throws {
        // Per town, each table's rows this quarter / the previous one: in Q2 nothing happened but
        // RS waiting, the vacated sites and S1 (every section has its row, with or without data).
        let towns = try rows("towns.csv")
        XCTAssertEqual(towns.count, 2, "\(towns)")
        XCTAssertEqual(towns.first { $0.hasPrefix("乙镇|") }, "乙镇|3 / 0|1 / 0|1 / 0|1 / 1|2 / 2|0 / 0|0 / 0|1 / 1|0 / 0|0 / 0")
    }
}
