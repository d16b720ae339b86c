import Foundation
import XCTest
@testable import LandRegistry

/// Chinese wherever people type it or files carry it: enumeration values,
/// dates as they are written, local times.
final class ChineseInputTests: RegistryTestCase {
    func testChineseEnumerationValuesAndDatesAreRead() throws {
        let registry = try makeRegistry()
        let plot = Projected.polygon(Projected.rect(0, 0, 100, 100))
        try load(registry, .riskPlots, Projected.collection([
            plot.withProperties(#""code":"A","stage":"已列入名录","stage_date":"2023年7月10日""#),
        ]))
        try load(registry, .farmland, Projected.collection([plot.withProperties(#""code":"F","class":"严格管控类""#)]))
        try load(registry, .waterZones, Projected.collection([plot.withProperties(#""code":"Z","level":"一级","source":"磨河泉""#)]))
        let a = try XCTUnwrap(registry.feature(.riskPlots, code: "A"))
        XCTAssertEqual(a.properties.first { $0.0 == "stage" }?.1, .string("listed"))
        XCTAssertEqual(a.properties.first { $0.0 == "stage_date" }?.1, .string("2023-07-10"))
        XCTAssertEqual(try registry.feature(.farmland, code: "F")?.properties.first { $0.0 == "class" }?.1, .string("strict"))
        XCTAssertEqual(try registry.feature(.waterZones, code: "Z")?.properties.first { $0.0 == "level" }?.1, .string("first"))
        // A word of another property's enumeration is still refused.
        assertInputError(["property 'stage'", "'工业' is not one of"]) {
            try load(registry, .riskPlots, Projected.collection([plot.withProperties(#""code":"B","stage":"工业""#)]))
        }
        try registry.changeStage(code: "A", to: .remediating, date: "2023/8/1", by: "王")
        XCTAssertEqual(try registry.history(.riskPlots, code: "A").last?.effectiveDate, "2023-08-01")
        XCTAssertEqual(normalizedDate("2023.7.1"), "2023-07-01")
        XCTAssertNil(normalizedDate("2023年2月30日"))
    }

    func testReclassificationFilesInChinese() throws {
        let file = try write("地块编号,类别\nF1,严格管控类\nF2,安全利用类\n", to: "reclass.csv")
        XCTAssertEqual(try ReclassificationFile.read(file).map { "\($0.code) \($0.farmlandClass.rawValue)" }, ["F1 strict", "F2 safe_use"])
    }

    func testTimesAreShownInTheMachinesZoneWithItsOffset() {
        XCTAssertEqual(localTime("2023-07-10T08:05:09Z", zone: TimeZone(identifier: "Asia/Shanghai")!), "2023-07-10 16:05:09 +08:00")
        XCTAssertEqual(localTime("2023-07-10T08:05:09Z", zone: TimeZone(identifier: "UTC")!), "2023-07-10 08:05:09 +00:00")
    }
}
