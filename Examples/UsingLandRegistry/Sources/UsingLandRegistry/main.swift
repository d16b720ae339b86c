import Foundation
import LandRegistry

// A new registry (CGCS2000 / Gauss-Krüger CM 114E) in a temporary folder.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-example-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let registry = try Registry.create(at: folder.appendingPathComponent("registry.sqlite").path)
defer { try? registry.close() }

// Import a layer: a plot on the risk control and remediation list (GeoJSON, lon/lat).
let plots = """
    {"type": "FeatureCollection", "features": [{"type": "Feature",
      "properties": {"code": "RP-001", "stage": "listed", "name": "原焦化厂"},
      "geometry": {"type": "Polygon", "coordinates":
        [[[113.280, 35.770], [113.290, 35.770], [113.290, 35.780], [113.280, 35.780], [113.280, 35.770]]]}}]}
    """
let counts = try registry.importFeatures(into: .riskPlots, from: GeoJSONReader(text: plots, name: "plots.geojson"),
                                         options: ImportOptions(effectiveDate: "2023-01-01", by: "example"))
print("\(Layer.riskPlots): \(counts.inserted) inserted")

// Check a housing plot drawn in code, half over the listed plot.
let proposal = try Proposal(id: "GY-2024-01", use: "0701", action: .supply)
let plot = Shape.polygon([(113.285, 35.772), (113.295, 35.772), (113.295, 35.776), (113.285, 35.776)])
let result = try registry.check(proposal, geometry: plot, options: CheckOptions(by: "example", record: false))
print("\(proposal.id): \(result.verdict.name)")
for finding in result.findings {
    print("  \(finding.rule.id) \(finding.layer) \(finding.code): \(finding.overlapM2) m² — \(finding.rule.message)")
}

// Export the layer as RFC 7946 GeoJSON into memory.
let sink = OutputSink.memory()
try registry.exportGeoJSON(ExportOptions(layers: [.riskPlots]), to: sink)
print("exported \(sink.data.count) bytes of GeoJSON")
