import Foundation
import XCTest
@testable import LandRegistry

/// One rule places a feature in a town, in every report: the town holding
/// the largest part of it. Random plots straddling the line between two
/// towns (甲镇 west of x = 0, 乙镇 east) — some shaped so that a point on
/// their surface falls in the smaller part — are placed in the town of
/// their larger part by the review, the audit and `query --sum-by town`
/// alike; the review placed them by a point on the surface before.
final class TownsTests: RegistryTestCase {
    func testEveryReportPlacesAFeatureInTheTownOfItsLargestPart() throws {
        var g = SeededGenerator(seed: 12)
        let registry = try makeRegistry()
        try registry.importFeatures(into: .admin, from: GeoJSONReader(text: Projected.collection([
            Projected.polygon(Projected.rect(-5000, -5000, 0, 5000)).withProperties(#""code":"T1","kind":"town","name":"甲镇""#),
            Projected.polygon(Projected.rect(0, -5000, 5000, 5000)).withProperties(#""code":"T2","kind":"town","name":"乙镇""#),
        ])), options: ImportOptions(effectiveDate: "2023-01-01"))
        var expected: [String: String] = [:]
        var plots: [String] = []
        for k in 0..<40 {
            let y = Double(k) * 120 - 2400
            let west = Double(Int.random(in: 10...300, using: &g)), east = Double(Int.random(in: 10...300, using: &g))
            guard west != east else { continue }
            // Every other plot an L: a thin long arm (10 m) on the larger side, its bulk on the smaller
            // one, where a point on its surface (GEOS: on the line halfway up its box) falls.
            let ring: [(Double, Double)]
            let westArea, eastArea: Double
            if k.isMultiple(of: 2) {
                ring = Projected.rect(-west, y, east, y + 100)
                (westArea, eastArea) = (west * 100, east * 100)
            } else {
                let (big, small) = (max(west, east) * 4, min(west, east))
                let sign = west > east ? -1.0 : 1.0  // the arm goes toward the larger side
                ring = sign < 0 ? [(-big, y), (small, y), (small, y + 100), (0, y + 100), (0, y + 10), (-big, y + 10)]
                    : [(-small, y), (big, y), (big, y + 10), (0, y + 10), (0, y + 100), (-small, y + 100)]
                (westArea, eastArea) = sign < 0 ? (big * 10, small * 100) : (small * 100, big * 10)
            }
            guard westArea != eastArea else { continue }
            let town = westArea > eastArea ? "甲镇" : "乙镇"
            let code = "P\(k)"
            expected[code] = town
            plots.append(Projected.polygon(ring).withProperties(
                "\"code\":\"\(code)\",\"stage\":\"suspected\",\"town\":\"\(town)\",\"stage_date\":\"2023-01-01\""))
        }
        try registry.importFeatures(into: .riskPlots, from: GeoJSONReader(text: Projected.collection(plots)),
                                    options: ImportOptions(effectiveDate: "2023-01-01"))

        // The audit: every plot's town is the town holding its largest part.
        XCTAssertEqual(try registry.audit().filter { $0.check == .townMismatch }.map(\.code), [])
        // The review: the unresolved plots' town column.
        let unresolved = try XCTUnwrap(try registry.review(Quarter("2023Q1")!).tables.first { $0.file == "unresolved.csv" })
        var reviewed: [String: String] = [:]
        for row in unresolved.rows { reviewed[row[0].text(.en)] = row.last!.text(.en) }
        XCTAssertEqual(reviewed, expected)
        // The query's groups.
        let result = try registry.query(Query(layer: .riskPlots, sumBy: "town"))
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: result.matches.map { ($0.code, $0.group ?? "") }), expected)
    }
}
