import XCTest
@testable import LandRegistry

/// What landreg prints, it reads back: every Chinese label of every
/// enumeration value in the tables (`其他排口`, `Ⅲ类`, `严格管控类`) is read as
/// that value wherever the value is read; a word that is no value is refused.
final class TermsTests: RegistryTestCase {
    func testEveryLabelLandregPrintsIsReadBack() {
        func readBack<T: Term>(_ type: T.Type) {
            for value in T.allCases {
                XCTAssertEqual(T(word: value.text(.zh)), value, "\(value.termKey): \(value.text(.zh))")
                XCTAssertEqual(T(word: value.name), value, value.termKey)
            }
        }
        for type in Terms.types { readBack(type) }
        for layer in Layer.allCases {
            for spec in layer.properties {
                guard case .enumeration(let allowed, let context) = spec.kind else { continue }
                for value in allowed {
                    let label = Layer.valueText(value, property: spec.name, .zh)
                    XCTAssertNotEqual(label, value, "\(layer.rawValue) \(spec.name) \(value) has no Chinese")
                    XCTAssertEqual(Terms.value(label, in: allowed, context: context), value, "\(layer.rawValue) \(spec.name): \(label)")
                }
            }
        }
    }

    /// Every case of every termed type has its Chinese, and no word means two values of one context.
    func testEveryTermHasItsChinese() {
        func check<T: Term>(_ type: T.Type) {
            var seen: [String: T] = [:]
            for value in T.allCases {
                let zh = Terms.zh[value.termKey]
                XCTAssertNotNil(zh, "\(value.termKey) has no Chinese")
                if let zh, let other = seen.updateValue(value, forKey: zh) { XCTFail("\(zh) is both \(other.termKey) and \(value.termKey)") }
            }
        }
        for type in Terms.types { check(type) }
    }

    func testAWaterBodyIsReadInItsWordsOrRefused() throws {
        let registry = try makeRegistry()
        func section(_ code: String, _ body: String) -> String {
            Projected.point(Double(code.count) * 10, 0).withProperties(#""code":"\#(code)","name":"断面","target_class":"Ⅲ类","water_body":"\#(body)""#)
        }
        try load(registry, .sections, Projected.collection([section("S1", "湖库"), section("S22", "水库"), section("S333", "reservoir")]))
        XCTAssertEqual(try registry.features(.sections).map { $0.properties.first { $0.0 == "water_body" }?.1.stringValue },
                       ["lake", "lake", "lake"])
        XCTAssertEqual(try registry.features(.sections).map { $0.properties.first { $0.0 == "target_class" }?.1.stringValue },
                       ["III", "III", "III"])
        assertInputError(["code S4444", "property 'water_body'", "'lakes' is not one of river, lake", "did you mean 'lake'"]) {
            try load(registry, .sections, Projected.collection([section("S4444", "lakes")]))
        }
    }

    /// A filter reads a water body as the import does (湖库, 水库, reservoir
    /// are a lake), now and as of a date; a word that is no water body is
    /// refused, never an empty answer.
    func testAWaterBodyFilterReadsTheWordsTheImportReads() throws {
        let registry = try makeRegistry()
        func section(_ code: String, _ body: String) -> String {
            Projected.point(Double(code.count) * 10, 0).withProperties(#""code":"\#(code)","name":"断面","target_class":"Ⅲ类","water_body":"\#(body)""#)
        }
        let sections = Projected.collection([section("S1", "湖库"), section("S22", "river"), section("S333", "reservoir")])
        try registry.importFeatures(into: .sections, from: GeoJSONReader(text: sections, name: "sections.geojson"),
                                    options: ImportOptions(effectiveDate: "2023-01-01"))
        for (word, codes) in [("湖库", ["S1", "S333"]), ("水库", ["S1", "S333"]), ("lake", ["S1", "S333"]), ("reservoir", ["S1", "S333"]),
                              ("河流", ["S22"]), ("river,湖泊", ["S1", "S22", "S333"])] {
            let filter = PropertyFilter(property: "water_body", values: word.split(separator: ",").map(String.init))
            XCTAssertEqual(try registry.query(Query(layer: .sections, filters: [filter])).rows.map(\.code), codes, word)
            XCTAssertEqual(try registry.query(Query(layer: .sections, filters: [filter], asOf: "2023-06-01")).rows.map(\.code), codes, word)
        }
        assertError(InvalidArgument.self, ["'lakes' is not a water_body of layer sections", "did you mean 'lake'"]) {
            _ = try registry.query(Query(layer: .sections, filters: [PropertyFilter(property: "water_body", values: ["lakes"])]))
        }
    }

    func testEveryEnumerationRefusesWithTheValueMeant() throws {
        let registry = try makeRegistry()
        let parcel = Projected.polygon(Projected.rect(0, 0, 10, 10)).withProperties(#""code":"F","class":"strick""#)
        assertInputError(["code F", "property 'class'", "'strick' is not one of priority, safe_use, strict", "did you mean 'strict'"]) {
            try load(registry, .farmland, Projected.collection([parcel]))
        }
        let proposal = Projected.point(0, 0).withProperties(#""id":"Q","use":"0701","action":"suply""#)
        assertInputError(["property 'action'", "did you mean 'supply'"]) {
            try registry.check(GeoJSONReader(text: Projected.collection([proposal])), options: CheckOptions(record: false)) { _ in }
        }
    }
}
