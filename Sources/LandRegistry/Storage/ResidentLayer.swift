import CSpatiaLite
import Foundation
import GRDB

/// A layer of few features (admin areas, water zones, basic farmland, risk
/// plots: thousands, not millions) read whole into memory once a run has
/// asked it for candidates often — a batch check asks each layer once per
/// proposal, and a lookup through SQL costs about as much as the geometry
/// it finds. It answers exactly as `CandidateLookup` does: the same
/// features (the R*Tree's own boxes, compared the same way), in the same
/// order (by fid), with the same values; the geometry decoded once.
final class ResidentLayer {
    /// Layers with more features than this stay in SQLite.
    static let maximumFeatures = 50_000
    /// A layer is read into memory at its this-many-th lookup of a run.
    nonisolated(unsafe) static var after = 32

    private let layer: Layer
    private let candidates: [CandidateFeature]
    private let boxes: [Envelope]
    /// The geometry as stored: decoded, or (compressed, Z, M) SpatiaLite's blob.
    private let stored: [Either]
    private let grid: BoxGrid
    /// Which features the current lookup has already met (a feature lies in several cells).
    private var seen: [UInt32]
    private var stamp: UInt32 = 0

    private enum Either {
        case shape(Shape)
        case blob([UInt8])
    }

    /// The layer read whole, or nil when its fids span more than `maximumFeatures`.
    init?(_ snapshot: Snapshot, layer: Layer) throws {
        let table = layer.table
        // At most as many features as their fids span: two seeks, where counting a million-parcel layer's first 50,001 rows read 12 MB.
        let span = try Int.fetchOne(snapshot.db, sql: "SELECT (SELECT max(fid) FROM \(table)) - (SELECT min(fid) FROM \(table)) + 1") ?? 0
        if span > Self.maximumFeatures { return nil }
        let specs = layer.properties
        let nameAt = specs.firstIndex { $0.name == "name" }
        let statement = try snapshot.db.makeStatement(sql: """
            SELECT \(CandidateLookup.columns(of: layer)), box.xmin, box.xmax, box.ymin, box.ymax
            FROM idx_\(table)_geom AS box CROSS JOIN \(table) ON fid = box.pkid
            ORDER BY fid
            """)
        let rows = FastStatement(statement)
        let nameColumn = Int32(specs.count), blobColumn = Int32(specs.count + 1), boxColumn = Int32(specs.count + 2)
        var candidates: [CandidateFeature] = [], boxes: [Envelope] = [], stored: [Either] = []
        defer { rows.rewind() }
        while try rows.step(snapshot.db) {
            let values = rows.contractValues(specs)
            candidates.append(CandidateFeature(layer: layer, code: values[0] ?? "", name: nameAt.map { values[$0] } ?? rows.text(nameColumn),
                                               values: values))
            boxes.append(Envelope(minX: rows.double(boxColumn), minY: rows.double(boxColumn + 2),
                                  maxX: rows.double(boxColumn + 1), maxY: rows.double(boxColumn + 3)))
            let blob = rows.blob(blobColumn)
            stored.append(blob.withUnsafeBytes { Shape(spatiaLiteBlob: $0) }.map(Either.shape) ?? .blob(blob))
        }
        self.layer = layer
        self.candidates = candidates
        self.boxes = boxes
        self.stored = stored
        grid = BoxGrid(boxes)
        seen = Array(repeating: 0, count: boxes.count)
    }

    /// As `CandidateLookup.forEach`, the concerns applied here.
    func forEach(_ window: Envelope, reach: Double, concerns: [Concern], snapshot: Snapshot,
                 _ body: (CandidateFeature, (GEOSContext) throws -> Geometry) throws -> Void) throws {
        let window = window.expanded(by: reach)
        stamp &+= 1
        if stamp == 0 { seen = Array(repeating: 0, count: seen.count); stamp = 1 }
        var found: [Int] = []
        grid.forEachCell(window) { cell in
            for index in cell where seen[Int(index)] != stamp {
                seen[Int(index)] = stamp
                if boxes[Int(index)].intersects(window) { found.append(Int(index)) }
            }
        }
        found.sort()
        for index in found {
            // Borrowed from the array, not copied (a copy retains its strings and values).
            guard concerns.contains(where: { $0.holds(for: candidates[index]) }) else { continue }
            try body(candidates[index]) { geos in
                switch self.stored[index] {
                case .shape(let shape): return try Geometry(shape: shape, in: geos)
                case .blob(let blob): return try Geometry(wkb: try snapshot.wkb(of: blob), in: geos)
                }
            }
        }
    }
}

/// Boxes filed in the cells of a grid over their extent (about one cell per
/// box), each box in every cell it touches.
private struct BoxGrid {
    private let minX: Double, minY: Double, size: Double
    private let columns: Int, rows: Int
    private var cells: [[UInt32]]

    init(_ boxes: [Envelope]) {
        let extent = boxes.reduce(nil as Envelope?) { sum, box in
            guard let sum else { return box }
            return Envelope(minX: min(sum.minX, box.minX), minY: min(sum.minY, box.minY),
                            maxX: max(sum.maxX, box.maxX), maxY: max(sum.maxY, box.maxY))
        } ?? Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let side = max(extent.maxX - extent.minX, extent.maxY - extent.minY, 1)
        let perSide = max(1, Int(Double(boxes.count).squareRoot().rounded(.up)))
        minX = extent.minX
        minY = extent.minY
        size = side / Double(perSide)
        columns = max(1, Int(((extent.maxX - extent.minX) / size).rounded(.up)))
        rows = max(1, Int(((extent.maxY - extent.minY) / size).rounded(.up)))
        cells = Array(repeating: [], count: columns * rows)
        for (index, box) in boxes.enumerated() {
            let (c0, c1, r0, r1) = span(box)
            for r in r0...r1 { for c in c0...c1 { cells[r * columns + c].append(UInt32(index)) } }
        }
    }

    /// The columns and rows a box touches, clamped to the grid.
    private func span(_ box: Envelope) -> (Int, Int, Int, Int) {
        func clamp(_ value: Double, _ limit: Int) -> Int {
            if !(value >= 0) { return 0 }  // below the grid, or not a number
            if value >= Double(limit - 1) { return limit - 1 }
            return Int(value)
        }
        return (clamp((box.minX - minX) / size, columns), clamp((box.maxX - minX) / size, columns),
                clamp((box.minY - minY) / size, rows), clamp((box.maxY - minY) / size, rows))
    }

    /// The cells a window touches (boxes outside the grid are in its edge cells).
    func forEachCell(_ window: Envelope, _ body: ([UInt32]) -> Void) {
        let (c0, c1, r0, r1) = span(window)
        for r in r0...r1 { for c in c0...c1 { body(cells[r * columns + c]) } }
    }
}
