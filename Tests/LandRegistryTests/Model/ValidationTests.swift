import XCTest
@testable import LandRegistry

/// `Layer.validate` (rewritten to write its JSON texts as bytes and to read
/// each property in place) gives what its first version gave — values,
/// presence, extra properties, the JSON texts, or the same error — on
/// random features of every layer: contract and extra properties in any
/// order, every JSON type, enumeration values in English and Chinese and
/// misspelt, `null`s, names twice, codes missing or all whitespace.
final class ValidationTests: XCTestCase {
    private var g = SystemRandomNumberGenerator()

    /// `validate` as it was before (the reference).
    private func reference(_ layer: Layer, _ feature: InputFeature, file: String) throws -> ValidatedProperties {
        let specs = layer.properties
        var values = [StoredValue](repeating: .null, count: specs.count)
        var present = [Bool](repeating: false, count: specs.count)
        var extra: [(String, JSONValue)] = []
        let code = feature.code
        func fail(_ property: String, _ message: Phrase) -> InputError {
            InputError(file: file, feature: feature.number, code: code, property: property, message: message)
        }
        for (position, (name, value)) in feature.properties.enumerated() {
            for earlier in feature.properties[..<position] where earlier.0 == name { throw fail(name, "appears twice") }
            guard let index = specs.firstIndex(where: { $0.name == name }) else {
                extra.append((name, try Layer.optionalValue(layer, name, value, fail: { fail(name, $0) })))
                continue
            }
            present[index] = true
            if case .null = value { continue }
            values[index] = try specs[index].storedValue(value, fail: { fail(name, $0) })
        }
        for (index, spec) in specs.enumerated() where spec.required && values[index] == .null {
            throw fail(spec.name, "required by layer \(term: layer) but missing")
        }
        guard let code, code.contains(where: { !$0.isWhitespace }) else { throw fail("code", "must be a non-empty string") }
        let set = extra.filter { $0.1 != .null }
        var members: [(String, JSONValue)] = []
        for (spec, value) in zip(specs, values) {
            switch value {
            case .null: break
            case .text(let text): members.append((spec.name, .string(text)))
            case .flag(let flag): members.append((spec.name, .bool(flag)))
            }
        }
        return ValidatedProperties(code: code, values: values, present: present, extra: set.isEmpty ? "{}" : JSONValue.object(set).jsonText,
                                   extraPatch: extra, json: JSONValue.object(members + set).jsonText)
    }

    private static let texts = ["", " ", "\u{3000}", "\t\n", " \u{301}", "\u{85}", "\u{200B}", "FL-1", " x ", "崇文镇", "玉米",
                                "a\"b\\c", "\u{1}", "2023-05-01", "2023-5-1", "20230501", "tomorrow"]

    private func value(for spec: PropertySpec?) -> JSONValue {
        var choices: [JSONValue] = [.null, .bool(true), .bool(false), .number(12, "12"), .number(1.5, "1.5e0"),
                                    .array([.string("a"), .null]), .object([("k", .null), ("v", .string("w"))])]
        choices += Self.texts.map { .string($0) }
        if case .enumeration(let allowed, let context)? = spec?.kind {
            for name in allowed {
                choices.append(.string(name))
                choices.append(.string(Terms.text("\(context).\(name)", .zh)))
                choices.append(.string(name.uppercased()))
            }
        }
        return choices.randomElement(using: &g)!
    }

    private func feature(_ layer: Layer, number: Int) -> InputFeature {
        let specs = layer.properties
        let extras = ["note", "备注", "water_body", "id", "code "]
        var properties: [(String, JSONValue)] = []
        for spec in specs where Int.random(in: 0..<10, using: &g) < 8 {
            let v: JSONValue = spec.name == "code" && Bool.random(using: &g) ? .string("C-\(number)") : value(for: spec)
            properties.append((spec.name, v))
        }
        for _ in 0..<Int.random(in: 0...3, using: &g) {
            let name = extras.randomElement(using: &g)!
            properties.append((name, value(for: Layer.optionalEnumerations[layer]?[name].map { PropertySpec(name, $0) })))
        }
        if Int.random(in: 0..<30, using: &g) == 0, let first = properties.first { properties.append(first) }
        properties.shuffle(using: &g)
        return InputFeature(number: number, properties: properties, shape: nil)
    }

    func testValidateGivesWhatItsFirstVersionGave() {
        var accepted = 0, refused = 0
        for number in 1...20_000 {
            let layer = Layer.allCases.randomElement(using: &g)!
            let feature = feature(layer, number: number)
            let expected = Result { try reference(layer, feature, file: "f.geojson") }
            let got = Result { try layer.validate(feature, file: "f.geojson") }
            switch (expected, got) {
            case (.success(let a), .success(let b)):
                accepted += 1
                XCTAssertEqual(a.code, b.code)
                XCTAssertEqual(a.values, b.values)
                XCTAssertEqual(a.present, b.present)
                XCTAssertEqual(a.extra, b.extra)
                XCTAssertEqual(a.json, b.json, "\(feature.properties)")
                XCTAssertEqual(a.extraPatch.map(\.0), b.extraPatch.map(\.0))
                XCTAssertEqual(a.extraPatch.map(\.1), b.extraPatch.map(\.1))
            case (.failure(let a), .failure(let b)):
                refused += 1
                XCTAssertEqual((a as? InputError)?.text(.en), (b as? InputError)?.text(.en))
            default:
                XCTFail("\(layer) \(feature.properties): \(expected) / \(got)")
            }
        }
        XCTAssertGreaterThan(accepted, 1_000)
        XCTAssertGreaterThan(refused, 1_000)
    }

    /// The code's test for "not only whitespace" reads ASCII bytes first; the answer is the characters'.
    func testNonWhitespaceAsCharactersSay() {
        let pieces = Self.texts + ["\r\n", "\u{2028}", "\u{A0}", "\u{FEFF}", "\u{301}", "e\u{301}", "🇨🇳", "#\u{FE0F}\u{20E3}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...4, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            XCTAssertEqual(Layer.hasNonWhitespace(text), text.contains { !$0.isWhitespace }, "\(text.unicodeScalars.map { $0.value })")
        }
    }
}
