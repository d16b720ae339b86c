import Foundation

/// `check --format geojson`: the check drawn as data, for a map (QGIS, the
/// clerk's page): each proposal with its verdict, and each registry feature
/// a finding names, with the proposal it concerns, its severity and rules,
/// in CGCS2000 longitude/latitude (RFC 7946's order). The findings'
/// features need the check to keep geometry (`CheckOptions.context`).
public final class CheckGeoJSONReport: CheckReport {
    private var writer: GeoJSONWriter
    private let transformer: Transformer

    public init(sink: OutputSink, registrySRID: Int) throws {
        writer = GeoJSONWriter(sink: sink, precision: 8)
        transformer = try Transformer(from: registrySRID, to: CRS.lonLat)
        writer.begin()
    }

    public func add(_ result: CheckResult) {
        let p = result.proposal
        var members: [(String, JSONValue)] = [("kind", .string("proposal")), ("id", .string(p.id)), ("verdict", .string(result.verdict.name))]
        if let use = p.use { members.append(("use", .string(use))) }
        members += [("action", .string(p.action.rawValue)), ("area_m2", .number(result.areaM2, formatDecimal(result.areaM2)))]
        write(members, result.shape)
        // One feature per registry feature a proposal meets, however many rules it meets.
        var order: [String] = []
        var met: [String: [Finding]] = [:]
        for finding in result.findings where finding.shape != nil {
            let key = finding.layer.rawValue + "\u{0}" + finding.code
            if met[key] == nil { order.append(key) }
            met[key, default: []].append(finding)
        }
        for key in order {
            guard let findings = met[key], let first = findings.first, let shape = first.shape else { continue }
            var members: [(String, JSONValue)] = [("kind", .string("finding")), ("proposal", .string(p.id)),
                                                  ("layer", .string(first.layer.rawValue)), ("code", .string(first.code))]
            if let name = first.name { members.append(("name", .string(name.text(.zh)))) }
            members += [("severity", .string(findings.map(\.severity).max()!.rawValue)),
                        ("rules", .array(findings.map { .string($0.rule.id) }))]
            write(members, shape)
        }
    }

    private func write(_ properties: [(String, JSONValue)], _ shape: Shape) {
        var shape = shape
        // A shape the registry holds is within where its CRS is used: it transforms.
        guard (try? transformer.transform(&shape)) != nil else { return }
        writer.feature(properties: JSONValue.object(properties).jsonText, shape: shape)
    }

    public func finish(_ summary: CheckSummary) throws {
        writer.end()
        try writer.sink.finish()
    }
}
