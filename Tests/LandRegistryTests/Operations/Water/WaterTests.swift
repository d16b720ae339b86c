import Foundation
import XCTest
@testable import LandRegistry

/// Water monitoring (contract §10): the GB 3838 evaluation, outfall limits,
/// the upstream trace against an independent oracle, bad files, remedies.
final class WaterTests: RegistryTestCase {
    func testGB3838ClassesAtTheLimitsAndForDOpHAndLakes() {
        XCTAssertEqual(GB3838.waterClass(.nh3n, 1.0, lake: false), .iii, "a value at the limit is within it")
        XCTAssertEqual(GB3838.waterClass(.nh3n, 1.0000001, lake: false), .iv)
        XCTAssertEqual(GB3838.waterClass(.nh3n, 2.01, lake: false), .worseThanV)
        XCTAssertEqual(GB3838.waterClass(.cod, 15, lake: false), .i, "COD: classes I and II share 15")
        XCTAssertEqual(GB3838.waterClass(.do, 5.0, lake: false), .iii, "DO: higher is better")
        XCTAssertEqual(GB3838.waterClass(.do, 4.9, lake: false), .iv)
        XCTAssertEqual(GB3838.waterClass(.do, 1.9, lake: false), .worseThanV)
        XCTAssertEqual(GB3838.waterClass(.tp, 0.05, lake: true), .iii, "lakes use the lake TP column")
        XCTAssertEqual(GB3838.waterClass(.tp, 0.05, lake: false), .ii)
        XCTAssertNil(GB3838.waterClass(.tn, 5, lake: false), "TN is not judged in rivers")
        XCTAssertEqual(GB3838.waterClass(.tn, 1.2, lake: true), .iv)
        XCTAssertEqual(GB3838.waterClass(.ph, 9.2, lake: false), .worseThanV)
        XCTAssertEqual(GB3838.timesLimit(.nh3n, 1.5, limit: 1.0)!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(GB3838.timesLimit(.do, 4, limit: 5)!, 0.25, accuracy: 1e-12)
        XCTAssertNil(GB3838.timesLimit(.do, 6, limit: 5))
    }

    /// Every section's class, verdict and times over, every outfall's
    /// exceedances and every traced outfall with its distance agree with
    /// Tools/crosscheck/water.py (shapely along the river lines).
    func testEvaluationAndTraceAgreeWithTheShapelyOracle() throws {
        let out = path("water")
        try runOracle("water.py", [out])
        let registry = try makeRegistry()
        for layer in [Layer.rivers, .sections, .outfalls, .admin, .enterprises] {
            _ = try registry.importFeatures(into: layer, from: GeoJSONReader(path: "\(out)/\(layer.rawValue).geojson"))
        }
        _ = try registry.importMonitoring(try MonitoringFile.read(path: "\(out)/monitoring.csv"), file: "monitoring.csv", by: "test")
        let limits = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/limits.json"))) as! [[String]]
        for limit in limits {
            try registry.setDischargeLimit(subject: limit[0], parameter: MonitoringParameter(name: limit[1])!, limit: limit[2], by: "test")
        }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/expected.json"))) as! [String: [String: Any]]
        var traced = 0, failing = 0, exceeding = 0
        for (label, want) in expected {
            let period = MonitoringPeriod(month: label) ?? MonitoringPeriod(quarter: label)!
            let report = try registry.waterReport(period)
            let sections = want["sections"] as! [String: [Any]]
            XCTAssertEqual(report.sections.count, sections.count)
            for section in report.sections {
                let w = sections[section.code]!
                XCTAssertEqual(section.waterClass?.description, w[0] as? String, "\(label) \(section.code) class")
                XCTAssertEqual(section.meets, w[1] as? Bool, "\(label) \(section.code) meets")
                let times = w[2] as! [String: Double]
                let got = Dictionary(uniqueKeysWithValues: section.parameters.compactMap { p in p.timesLimit.map { (p.parameter.rawValue, $0) } })
                XCTAssertEqual(Set(got.keys), Set(times.keys), "\(label) \(section.code) parameters over the target class")
                for (parameter, value) in times { XCTAssertEqual(got[parameter] ?? -1, value, accuracy: 1e-6, "\(label) \(section.code) \(parameter)") }
                if section.meets == false { failing += 1 }
            }
            // Every sample over its limit, each with its month and how far over.
            let outfalls = want["outfalls"] as! [String: [String: [[Any]]]]
            for outfall in report.outfalls {
                let w = (outfalls[outfall.code] ?? [:]).flatMap { parameter, samples in
                    samples.map { "\(parameter) \($0[0] as! String) \(String(format: "%.6f", $0[1] as! Double))" }
                }
                let got = outfall.exceedances.map { "\($0.parameter.rawValue) \($0.date) \(String(format: "%.6f", $0.timesLimit))" }
                XCTAssertEqual(got.sorted(), w.sorted(), "\(label) \(outfall.code) exceedances")
                exceeding += outfall.exceedances.count
            }
            let traces = want["trace"] as! [String: [[Any]]]
            XCTAssertEqual(Set(report.traces.map(\.section)), Set(traces.keys), "\(label) failing sections")
            for trace in report.traces {
                let w = traces[trace.section] ?? []
                XCTAssertEqual(trace.outfalls.map(\.code), w.map { $0[0] as! String }, "\(label) \(trace.section) outfalls upstream, nearest first")
                for (got, want) in zip(trace.outfalls, w) {
                    XCTAssertEqual(got.distance, want[1] as! Double, accuracy: 1.0, "\(label) \(trace.section) \(got.code) distance")
                }
                traced += trace.outfalls.count
            }
        }
        XCTAssertGreaterThan(failing, 30, "the oracle's county has failing sections")
        XCTAssertGreaterThan(traced, 300, "and outfalls upstream of them")
        XCTAssertGreaterThan(exceeding, 200)
    }

    /// A small county: one river with a tributary, a section, three outfalls.
    func waterRegistry() throws -> Registry {
        let registry = try makeRegistry()
        try load(registry, .rivers, Projected.collection([
            Local.feature(#""code":"R1","name":"主河""#, #"{"type":"LineString","coordinates":[\#(Projected.xy(0, 20000)),\#(Projected.xy(0, 0))]}"#),
            Local.feature(#""code":"R2","name":"支流""#, #"{"type":"LineString","coordinates":[\#(Projected.xy(-5000, 12000)),\#(Projected.xy(-20, 8000))]}"#),
        ]))
        try load(registry, .sections, Projected.collection([
            Local.feature(#""code":"S1","name":"断面一","target_class":"III""#, Projected.point(10, 2000)),
        ]))
        try load(registry, .outfalls, Projected.collection([
            Local.feature(#""code":"O1","type":"sewage_plant","name":"污水厂""#, Projected.point(30, 5000)),
            Local.feature(#""code":"O2","type":"agricultural""#, Projected.point(-2500, 10000)),
            Local.feature(#""code":"O3","type":"industrial""#, Projected.point(0, 1000)),
        ]))
        return registry
    }

    func testTraceFollowsTheTributaryAndReportsNoLimitNeverAsMeeting() throws {
        let registry = try waterRegistry()
        let csv = try write("""
            点位,日期,指标,浓度,单位
            S1,2023-07-05,氨氮,1.6,mg/L
            S1,2023-07-20,NH3-N,1.4,mg/l
            O1,2023-07,COD,55,mg/L
            O1,2023-07,pH,7.1,无量纲
            O2,2023-07,总磷,3.3,mg/L
            O3,2023-07,cod,80,mg/L
            """, to: "m.csv")
        let summary = try registry.importMonitoring(try MonitoringFile.read(path: csv), file: csv, by: "t")
        XCTAssertEqual(summary.inserted, 6)
        let report = try registry.waterReport(MonitoringPeriod(month: "2023-07")!)
        XCTAssertEqual(report.sections.first?.waterClass, .iv)
        XCTAssertEqual(report.sections.first?.parameters.first?.timesLimit ?? 0, 0.5, accuracy: 1e-9)
        let trace = try XCTUnwrap(report.traces.first)
        XCTAssertEqual(trace.outfalls.map(\.code), ["O1", "O2"], "O3 is downstream; O2 is on the tributary")
        XCTAssertEqual(trace.outfalls[0].distance, 3000, accuracy: 0.01)
        // O2: 4000 m along the main river to the junction at y = 8000 (the tributary ends 20 m off it), then along the tributary.
        let tributary = (pow(4980.0, 2) + pow(4000.0, 2)).squareRoot()
        let along = tributary * (1 - 2500 / 4980.0)
        XCTAssertEqual(trace.outfalls[1].distance, 6000 + along, accuracy: 25)
        let o1 = try XCTUnwrap(report.outfalls.first { $0.code == "O1" })
        XCTAssertEqual(o1.exceedances.map(\.parameter), [.cod], "GB 18918 1A: COD 50")
        XCTAssertEqual(o1.within, [.ph])
        let o2 = try XCTUnwrap(report.outfalls.first { $0.code == "O2" })
        XCTAssertEqual(o2.exceedances.count, 0)
        XCTAssertEqual(o2.noLimit, [.tp], "no limit is never 'meets'")
        try registry.setDischargeLimit(subject: "农业", parameter: .tp, limit: "8", by: "t")
        try registry.setDischargeLimit(subject: "O3", parameter: .cod, limit: "60", by: "t")
        let after = try registry.waterReport(MonitoringPeriod(month: "2023-07")!)
        XCTAssertEqual(after.outfalls.first { $0.code == "O2" }?.within, [.tp])
        XCTAssertEqual(after.outfalls.first { $0.code == "O3" }?.exceedances.first?.timesLimit ?? 0, 80.0 / 60 - 1, accuracy: 1e-9)
        try registry.setDischargeLimit(subject: "O3", parameter: .cod, limit: nil, by: "t")
        XCTAssertEqual(try registry.waterReport(MonitoringPeriod(month: "2023-07")!).outfalls.first { $0.code == "O3" }?.noLimit, [.cod])
    }

    func testBadMonitoringFilesNameTheLineAndChangeNothing() throws {
        let registry = try waterRegistry()
        let header = "site,date,parameter,value\nS1,2023-07-01,nh3n,0.5\n"
        let cases: [(String, [String])] = [
            ("S9,2023-07-02,nh3n,0.5", ["bad.csv:3", "'S9' is not the code or name of a section", "did you mean S1"]),
            ("S1,2023-07-02,nh4,0.5", ["bad.csv:3", "'nh4' is not a parameter"]),
            ("S1,2023-07-02,cod,-1", ["bad.csv:3", "-1 is negative"]),
            ("S1,2023-07-02,ph,15", ["bad.csv:3", "pH of 15 is outside 0–14"]),
            ("S1,2023-02-30,cod,10", ["bad.csv:3", "'2023-02-30' is not a date that exists"]),
            ("S1,2023-07-01,nh3n,0.6", ["bad.csv:3", "a second value for 2023-07-01 (the first is on line 2)"]),
            ("S1,2023-07-02,cod,abc", ["bad.csv:3", "'abc' is not a number"]),
            ("S1,2023-07-02,cod,12,µg/m3", ["bad.csv:3", "cells where the header has 4"]),
            ("S1,2023-07-02,pm25,12", ["bad.csv:3", "pm25 is an air parameter"]),
            ("S1,2099-07-02,cod,12", ["bad.csv:3", "2099-07-02 is in the future"]),
        ]
        for (row, fragments) in cases {
            let file = try write(header + row + "\n", to: "bad.csv")
            assertInputError(fragments) {
                _ = try registry.importMonitoring(try MonitoringFile.read(path: file), file: file, by: "t")
            }
        }
        // A GBK file with a broken byte on line 3.
        func gbk(_ text: String) -> [UInt8] {
            let words: [String: [UInt8]] = ["点位": [0xB5, 0xE3, 0xCE, 0xBB], "日期": [0xC8, 0xD5, 0xC6, 0xDA],
                                            "指标": [0xD6, 0xB8, 0xB1, 0xEA], "浓度": [0xC5, 0xA8, 0xB6, 0xC8], "氨氮": [0xB0, 0xB1, 0xB5, 0xAA]]
            var bytes: [UInt8] = []
            var rest = Substring(text)
            while let first = rest.first {
                if let word = words.first(where: { rest.hasPrefix($0.key) }) {
                    bytes += word.value
                    rest = rest.dropFirst(word.key.count)
                } else {
                    bytes += Array(String(first).utf8)
                    rest = rest.dropFirst()
                }
            }
            return bytes
        }
        var bytes = gbk("点位,日期,指标,浓度\nS1,2023-07-01,氨氮,0.5\n")
        bytes += Array("S1,2023-07-02,".utf8) + [0xB0, 0x0A]
        let gbkFile = path("gbk.csv")
        FileManager.default.createFile(atPath: gbkFile, contents: Data(bytes))
        assertInputError(["gbk.csv:3", "neither UTF-8 nor GBK"]) { _ = try MonitoringFile.read(path: gbkFile) }
        // The same file, unbroken, reads; once stored, the same value again is refused in insert mode.
        FileManager.default.createFile(atPath: gbkFile, contents: Data(bytes.dropLast(2) + gbk("氨氮,0.6\n")))
        let good = try MonitoringFile.read(path: gbkFile)
        XCTAssertEqual(good.map(\.parameter), [.nh3n, .nh3n])
        XCTAssertEqual(try registry.snapshot { try $0.monthlyMeans(months: ["2023-07"], kind: .value) }.count, 0, "nothing was stored")
        _ = try registry.importMonitoring(good, file: gbkFile, by: "t")
        assertInputError(["gbk.csv:2", "already has a value for 2023-07-01", "remedy:upsert"]) {
            _ = try registry.importMonitoring(good, file: gbkFile, by: "t")
        }
        var changed = good
        changed[0].value = 0.9
        let summary = try registry.importMonitoring(changed, file: gbkFile, upsert: true, by: "t")
        XCTAssertEqual([summary.replaced, summary.unchanged], [1, 1])
        let mean = try registry.snapshot { try $0.monthlyMeans(months: ["2023-07"], kind: .value) }.first?.mean ?? 0
        XCTAssertEqual(mean, 0.75, accuracy: 1e-12)
    }

    func testASectionsOwnTargetsAreJudgedBesideItsClass() throws {
        let registry = try waterRegistry()
        let file = try write("site,date,parameter,value,kind\nS1,2023-07,nh3n,0.8,target\nS1,2023-07,do,6,target\nS1,2023-07-03,nh3n,0.9,value\nS1,2023-07-03,do,5.5,value\n", to: "t.csv")
        _ = try registry.importMonitoring(try MonitoringFile.read(path: file), file: file, by: "t")
        let section = try XCTUnwrap(try registry.waterReport(MonitoringPeriod(month: "2023-07")!).sections.first)
        XCTAssertEqual(section.waterClass, .iii, "NH3-N 0.9 and DO 5.5 are class III: the class target is met")
        XCTAssertEqual(section.meets, true)
        let nh3n = try XCTUnwrap(section.parameters.first { $0.parameter == .nh3n }), dissolved = try XCTUnwrap(section.parameters.first { $0.parameter == .do })
        XCTAssertEqual([nh3n.target, dissolved.target], [0.8, 6])
        XCTAssertEqual([nh3n.meetsTarget, dissolved.meetsTarget], [false, false], "over the NH3-N target, under the DO minimum")
        XCTAssertTrue(WaterWords(.zh).overLimits(section).contains("氨氮 未达考核目标 0.8"))
    }

    func testSitesByNameWhenTheNameIsOnlyOneSites() throws {
        let registry = try waterRegistry()
        let file = try write("点位,日期,指标,浓度\n断面一,2023-07-01,氨氮,1.2\n污水厂,2023-07-01,COD,60\n", to: "names.csv")
        XCTAssertEqual(try registry.importMonitoring(try MonitoringFile.read(path: file), file: file, by: "t").inserted, 2)
        let report = try registry.waterReport(MonitoringPeriod(month: "2023-07")!)
        XCTAssertEqual(report.sections.first?.waterClass, .iv)
        XCTAssertEqual(report.outfalls.first { $0.code == "O1" }?.exceedances.map(\.parameter), [.cod])
    }

    func testValuesBelowTheDetectionLimitCountAsHalfOfIt() throws {
        let file = try write("site,date,parameter,value\nS1,2023-07-01,nh3n,0.025L\nS1,2023-07-02,tp,<0.01\nS1,2023-07-03,cod,ND(4)\nS1,2023-07-04,bod5,未检出（0.5）\n", to: "nd.csv")
        XCTAssertEqual(try MonitoringFile.read(path: file).map(\.value), [0.0125, 0.005, 2, 0.25])
        let bad = try write("site,date,parameter,value\nS1,2023-07-01,nh3n,ND\n", to: "bad.csv")
        assertInputError(["bad.csv:2", "'ND' is not a number", "0.01L"]) { _ = try MonitoringFile.read(path: bad) }
    }

    func testWideTablesAndTargets() throws {
        let registry = try waterRegistry()
        let file = try write("断面,月份,氨氮(mg/L),总磷（mg/L）,溶解氧\nS1,2023年7月,0.4,0.1,6.5\nS1,2023/8,1.2,,4\n", to: "wide.csv")
        let records = try MonitoringFile.read(path: file)
        XCTAssertEqual(records.map(\.parameter), [.nh3n, .tp, .do, .nh3n, .do])
        XCTAssertEqual(records.map(\.date), ["2023-07", "2023-07", "2023-07", "2023-08", "2023-08"])
        _ = try registry.importMonitoring(records, file: file, by: "t")
        let august = try registry.waterReport(MonitoringPeriod(month: "2023-08")!)
        XCTAssertEqual(august.sections.first?.waterClass, .iv, "NH3-N 1.2 and DO 4 are class IV")
        let quarter = try registry.waterReport(MonitoringPeriod(quarter: "2023Q3")!)
        XCTAssertEqual(quarter.sections.first?.parameters.first { $0.parameter == .nh3n }?.mean ?? 0, 0.8, accuracy: 1e-12,
                       "a quarter's mean is the mean of its monthly means")
        XCTAssertEqual(quarter.sections.first?.months.map { $0.meets }, [true, false, nil])
    }

    func testRemediesOverdueAndDone() throws {
        let registry = try waterRegistry()
        try registry.setRemedy(outfall: "O2", measure: .ban, responsible: "某镇人民政府", deadline: "2023-06-30", date: "2023-03-01", by: "t")
        try registry.setRemedy(outfall: "O1", measure: .regularize, responsible: "县住建局", deadline: "2023-08-31", date: "2023-03-01", by: "t")
        try registry.completeRemedy(outfall: "O1", date: "2023-08-20", by: "t")
        let july = try registry.waterReport(MonitoringPeriod(month: "2023-07")!)
        XCTAssertEqual(july.overdue.map(\.outfall), ["O2"])
        XCTAssertEqual(july.overdue.first?.daysOverdue, 31)
        let may = try registry.waterReport(MonitoringPeriod(month: "2023-05")!)
        XCTAssertEqual(may.overdue.count, 0, "not yet due in May")
        assertError(RuleViolation.self, ["outfalls O1", "already done"]) { try registry.completeRemedy(outfall: "O1", date: "2023-09-01", by: "t") }
        assertError(RuleViolation.self, ["outfalls O9", "no such outfall"]) {
            try registry.setRemedy(outfall: "O9", measure: .ban, responsible: "x", deadline: "2023-06-30", date: "2023-03-01", by: "t")
        }
        assertError(InvalidArgument.self, ["deadline 2023-01-01 is before"]) {
            try registry.setRemedy(outfall: "O3", measure: .merge, responsible: "x", deadline: "2023-01-01", date: "2023-03-01", by: "t")
        }
        XCTAssertEqual(try registry.remedyEvents(outfall: "O1").map(\.event), [.set, .done])
    }

    /// Data/lingchuan/air-targets-2023.csv is the air plan's annex 1 (2023
    /// columns), as the seed's text has it.
    func testAirTargetsMatchTheAirPlansAnnex() throws {
        let annex = try String(contentsOf: fixture("air-plan-annex1.txt"), encoding: .utf8)
        let areas = ["陵川县城": "140524-CS", "礼义镇": "140524-T02", "附城镇": "140524-T03", "西河底镇": "140524-T04"]
        var expected: [String: Double] = [:], area: String?
        for line in annex.split(separator: "\n").map(String.init) {
            if line.hasPrefix("2023 年"), line.hasSuffix("预控制目标") {
                area = areas.first { line.contains($0.key) }?.value
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let area, cells.count == 13, cells[0].hasSuffix("月"), cells[0] != "月份", let month = Int(cells[0].dropLast().trimmingCharacters(in: .whitespaces)) else { continue }
            for (k, parameter) in ["so2", "no2", "pm10", "pm25", "co", "o3"].enumerated() {
                expected["\(area) \(String(format: "2023-%02d", month)) \(parameter)"] = Double(cells[2 + 2 * k])
            }
        }
        XCTAssertEqual(expected.count, 4 * 12 * 6)
        let records = try MonitoringFile.read(path: sampleData.appendingPathComponent("air-targets-2023.csv").path)
        XCTAssertTrue(records.allSatisfy { $0.kind == .target })
        let got = Dictionary(uniqueKeysWithValues: records.map { ("\($0.site) \($0.date) \($0.parameter.rawValue)", $0.value) })
        XCTAssertEqual(got, expected)
        let seed = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seed/lingchuan-2023-action-plans.txt")
        if let text = try? String(contentsOf: seed, encoding: .utf8) {
            XCTAssertTrue(text.contains(annex.trimmingCharacters(in: .newlines)), "the fixture is the seed's annex, verbatim")
        }
    }
}
