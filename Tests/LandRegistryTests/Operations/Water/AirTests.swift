import Foundation
import XCTest
@testable import LandRegistry

/// The air year (`air --year`): each area's monthly means against its
/// monthly targets. Random daily values and monthly targets over random
/// areas and pollutants, against a model computed here: every month's mean
/// is the mean of that month's values, every target the month's target,
/// the months over target exactly those whose mean exceeds it; values of
/// another year and areas with nothing are left out.
final class AirTests: RegistryTestCase {
    func testTheYearAgreesWithAModelOfItsValuesAndTargets() throws {
        var generator = SeededGenerator(seed: 2023)
        let registry = try makeRegistry()
        let areas = ["A1": "县城", "A2": "甲镇", "A3": "乙镇"]
        try load(registry, .admin, Projected.collection(areas.keys.sorted().enumerated().map { k, code in
            Projected.polygon(Projected.rect(Double(k) * 1000, 0, Double(k) * 1000 + 900, 900))
                .withProperties("\"code\":\"\(code)\",\"kind\":\"town\",\"name\":\"\(areas[code]!)\"")
        }))
        let air = MonitoringParameter.allCases.filter(\.isAir)
        var records: [MonitoringRecord] = []
        var values: [String: [MonitoringParameter: [Int: [Double]]]] = [:]
        var targets: [String: [MonitoringParameter: [Int: Double]]] = [:]
        func add(_ site: String, _ date: String, _ parameter: MonitoringParameter, _ value: Double, _ kind: MonitoringKind = .value) {
            records.append(MonitoringRecord(line: records.count + 2, site: site, date: date, parameter: parameter, value: value, kind: kind))
        }
        for site in ["A1", "A2"] {
            for parameter in air.shuffled(using: &generator).prefix(3) {
                for month in 1...12 where Bool.random(using: &generator) || month == 1 {
                    for day in [3, 13, 23].prefix(Int.random(in: 1...3, using: &generator)) {
                        let value = Double(Int.random(in: 5...120, using: &generator))
                        add(site, String(format: "2023-%02d-%02d", month, day), parameter, value)
                        values[site, default: [:]][parameter, default: [:]][month, default: []].append(value)
                    }
                    if Bool.random(using: &generator) {
                        let target = Double(Int.random(in: 20...80, using: &generator))
                        add(site, String(format: "2023-%02d", month), parameter, target, .target)
                        targets[site, default: [:]][parameter, default: [:]][month] = target
                    }
                }
            }
        }
        // Left out: another year's values, the area with nothing (A3).
        add("A1", "2022-12-03", air[0], 999)
        add("A1", "2024-01-03", air[0], 999)
        _ = try registry.importMonitoring(records, file: "air.csv", by: "监测站")

        let report = try registry.airReport(year: 2023)
        XCTAssertEqual(report.areas.map(\.code), ["A1", "A2"])
        for area in report.areas {
            XCTAssertEqual(area.name, areas[area.code])
            XCTAssertEqual(Set(area.pollutants.map(\.parameter)), Set(values[area.code]!.keys))
            for pollutant in area.pollutants {
                XCTAssertEqual(pollutant.months.map(\.month), (1...12).map { String(format: "2023-%02d", $0) })
                var over: [String] = []
                for (k, month) in pollutant.months.enumerated() {
                    let sample = values[area.code]![pollutant.parameter]![k + 1]
                    let mean = sample.map { $0.reduce(0, +) / Double($0.count) }
                    let target = targets[area.code]?[pollutant.parameter]?[k + 1]
                    XCTAssertEqual(month.mean.map { ($0 * 1000).rounded() }, mean.map { ($0 * 1000).rounded() }, "\(area.code) \(pollutant.parameter) \(month.month)")
                    XCTAssertEqual(month.target, target, "\(area.code) \(pollutant.parameter) \(month.month)")
                    if let mean, let target, mean > target { over.append(month.month) }
                }
                XCTAssertEqual(area.over(pollutant.parameter), over, "\(area.code) \(pollutant.parameter)")
            }
        }
        // The report in both languages names each pollutant by its term and marks each month over target.
        for language in ReportLanguage.allCases {
            let text = AirReportWriter.text(report, language: language)
            for pollutant in report.areas.flatMap(\.pollutants) { XCTAssertTrue(text.contains(pollutant.parameter.label(language)), text) }
            let marked = text.components(separatedBy: "*").count - 2  // the legend's own star
            XCTAssertEqual(marked, report.areas.flatMap { area in area.pollutants.map { area.over($0.parameter).count } }.reduce(0, +))
        }
    }
}
