import Foundation
import GRDB
import XCTest
@testable import LandRegistry

/// A feature's properties as one JSON object has one specification — the
/// contract's properties that are set, in the layer's order, booleans as
/// true/false; then the extra members, in the file's order, values as
/// written — and several producers: the import's (Swift, into the history),
/// the SQL's (`Layer.propertiesJSONSQL`: updates, stage changes, query
/// properties), the export's (Swift bytes from the columns) and the
/// triggers' (another program's edit). Random features of every layer: all
/// of them byte-identical, so that `export` and `export --as-of today` agree.
final class PropertiesJSONTests: RegistryTestCase {
    func randomText(_ g: inout SeededGenerator) -> String {
        let pieces = ["甲镇", "旧厂 \"北\"", "a\\b", "tab\there", "line\nbreak", "😀", "ÿ", "plain", "/slash", "'quote'", "\u{1}"]
        return (0..<Int.random(in: 1...3, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    func randomValue(_ g: inout SeededGenerator, depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0...(depth > 1 ? 4 : 6), using: &g) {
        case 0: return .string(randomText(&g))
        case 1:
            let text = ["0", "12", "-3.5", "1e3", "0.10", "2.5E-3", "123456789012"].randomElement(using: &g)!
            return .number(Double(text)!, text)
        case 2: return .bool(Bool.random(using: &g))
        case 3: return .null
        case 4: return .string("")
        case 5: return .array((0..<Int.random(in: 0...3, using: &g)).map { _ in randomValue(&g, depth: depth + 1) })
        default: return .object((0..<Int.random(in: 0...3, using: &g)).map { k in ("k\(k)", randomValue(&g, depth: depth + 1)) })
        }
    }

    /// A random feature of `layer`: its required properties, some optional ones, some extra ones.
    func randomProperties(_ layer: Layer, code: String, _ g: inout SeededGenerator) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        for spec in layer.properties {
            guard spec.name == "code" || spec.required || Bool.random(using: &g) else { continue }
            switch spec.kind {
            case _ where spec.name == "code": members.append(("code", .string(code)))
            case .text: members.append((spec.name, .string(randomText(&g))))
            case .bool: members.append((spec.name, .bool(Bool.random(using: &g))))
            case .date: members.append((spec.name, .string(String(format: "2023-%02d-%02d", Int.random(in: 1...12, using: &g), Int.random(in: 1...28, using: &g)))))
            case .enumeration(let values, _): members.append((spec.name, .string(values.randomElement(using: &g)!)))
            }
        }
        members.shuffle(using: &g)  // the file's order is not the layer's
        for k in 0..<Int.random(in: 0...3, using: &g) where layer != .sections || k > 0 {
            let value = randomValue(&g)
            if case .null = value { continue }  // a null extra member is no member
            members.append(("x\(k)_\(["备注", "note", "编号"].randomElement(using: &g)!)", value))
        }
        return members
    }

    func geometry(_ layer: Layer, _ k: Int) -> String {
        let x = Double(k) * 300
        switch layer {
        case .rivers: return "{\"type\":\"LineString\",\"coordinates\":[\(Projected.xy(x, 0)),\(Projected.xy(x + 100, 50))]}"
        case .sections, .outfalls: return Projected.point(x, 0)
        default: return Projected.polygon(Projected.rect(x, 0, x + 100, 100))
        }
    }

    func testEveryProducerWritesTheSameBytes() throws {
        var g = SeededGenerator(seed: 41)
        let registry = try makeRegistry()
        for layer in Layer.allCases {
            let features = (0..<25).map { k -> String in
                let properties = randomProperties(layer, code: "\(layer.rawValue.prefix(2).uppercased())-\(k)", &g)
                return "{\"type\":\"Feature\",\"properties\":\(JSONValue.object(properties).jsonText),\"geometry\":\(geometry(layer, k))}"
            }
            try registry.importFeatures(into: layer, from: GeoJSONReader(text: Projected.collection(features), name: "\(layer).geojson"),
                                        options: ImportOptions(effectiveDate: "2023-01-01"))
            let exported = try registry.snapshot { snapshot in
                var rows: [String: String] = [:]
                try snapshot.forEachRowJSON(layer, filters: [], withArea: false) { json, _ in
                    guard case .object(let members) = try JSONValue.parse(json) else { return }
                    rows[members.first { $0.0 == "code" }!.1.stringValue!] = json
                }
                return rows
            }
            try registry.store.database.read { db in
                let bySQL = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                    SELECT code, \(Layer.propertiesJSONSQL(layer.properties)) FROM \(layer.table)
                    """).map { ($0[0] as String, $0[1] as String) })
                let imported = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                    SELECT code, after_properties FROM history WHERE layer = ? AND action = 'insert'
                    """, arguments: [layer.rawValue]).map { ($0[0] as String, $0[1] as String) })
                XCTAssertEqual(Set(exported.keys), Set(bySQL.keys))
                for (code, json) in exported {
                    XCTAssertEqual(bySQL[code], json, "\(layer) \(code): the SQL's and the export's")
                    XCTAssertEqual(imported[code], json, "\(layer) \(code): the import's and the export's")
                }
            }
            // Another program touches every row (the triggers record its state): the same bytes again.
            try registry.store.database.write { db in try db.execute(sql: "UPDATE \(layer.table) SET code = code") }
            try registry.store.database.read { db in
                let triggered = try Row.fetchAll(db, sql: """
                    SELECT code, after_properties FROM history WHERE layer = ? AND recorded_by = 'external'
                    """, arguments: [layer.rawValue])
                XCTAssertEqual(triggered.count, exported.count)
                for row in triggered {
                    XCTAssertEqual(row[1] as String, exported[row[0] as String], "\(layer) \(row[0] as String): the trigger's and the export's")
                }
            }
        }
    }
}
