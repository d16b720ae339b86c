import GRDB

/// One entry of an R*Tree: a row id and its bounding box, in the float
/// precision SQLite's r-tree stores (rounded outwards).
struct RTreeEntry {
    var id: Int64
    var minX: Float, maxX: Float, minY: Float, maxY: Float

    /// The box of a row, rounded outwards to floats as the r-tree module does.
    init(id: Int64, minX: Double, maxX: Double, minY: Double, maxY: Double) {
        self.id = id
        self.minX = RTreeEntry.down(minX); self.maxX = RTreeEntry.up(maxX)
        self.minY = RTreeEntry.down(minY); self.maxY = RTreeEntry.up(maxY)
    }

    init(id: Int64, minX: Float, maxX: Float, minY: Float, maxY: Float) {
        self.id = id
        self.minX = minX; self.maxX = maxX; self.minY = minY; self.maxY = maxY
    }

    static func down(_ value: Double) -> Float {
        let f = Float(value)
        return Double(f) > value ? f.nextDown : f
    }

    static func up(_ value: Double) -> Float {
        let f = Float(value)
        return Double(f) < value ? f.nextUp : f
    }

    var centerX: Float { minX / 2 + maxX / 2 }
    var centerY: Float { minY / 2 + maxY / 2 }
}

/// Builds an SQLite r-tree (the shadow tables `<name>_node`, `_rowid` and
/// `_parent` of `CREATE VIRTUAL TABLE <name> USING rtree(...)`, in 2
/// dimensions) in one pass by Sort-Tile-Recursive packing, instead of one
/// r-tree insertion per row: far fewer node writes, and a tree with fuller,
/// less overlapping nodes. `rtreecheck()` verifies the result in the tests.
///
/// Node format (ext/rtree/rtree.c): a blob of the table's node size; a
/// 2-byte big-endian depth (root only), a 2-byte cell count, then cells of an
/// 8-byte id and four 4-byte floats, all big-endian.
enum RTreeBulkLoad {
    static let cellSize = 24

    /// Replaces the whole content of r-tree `name` with `entries` (which it
    /// reorders in place).
    static func rebuild(_ db: Database, name: String, entries: inout [RTreeEntry]) throws {
        let nodeSize = try Int.fetchOne(db, sql: "SELECT length(data) FROM \"\(name)_node\" WHERE nodeno = 1") ?? 0
        guard nodeSize >= 4 + 2 * cellSize else {
            throw RegistryError("the spatial index \(name) has no root node")
        }
        let capacity = (nodeSize - 4) / cellSize
        try db.execute(sql: "DELETE FROM \"\(name)_node\"")
        try db.execute(sql: "DELETE FROM \"\(name)_rowid\"")
        try db.execute(sql: "DELETE FROM \"\(name)_parent\"")

        let writeNode = FastStatement(try db.makeStatement(sql: "INSERT INTO \"\(name)_node\" (nodeno, data) VALUES (?, ?)"))
        let writeRowid = FastStatement(try db.makeStatement(sql: "INSERT INTO \"\(name)_rowid\" (rowid, nodeno) VALUES (?, ?)"))
        let writeParent = FastStatement(try db.makeStatement(sql: "INSERT INTO \"\(name)_parent\" (nodeno, parentnode) VALUES (?, ?)"))

        var cells = entries
        entries = []
        let levels = packLevels(&cells, capacity: capacity)
        // Number the nodes: the root is 1, then level by level from the top.
        var numbers: [[Int64]] = Array(repeating: [], count: levels.count)
        var next: Int64 = 1
        for depth in stride(from: levels.count - 1, through: 0, by: -1) {
            numbers[depth] = levels[depth].nodes.indices.map { _ in defer { next += 1 }; return next }
        }
        var blob = [UInt8](repeating: 0, count: nodeSize)
        // Each row's leaf, written in row-id order afterwards: appends to `_rowid`, not inserts all over it.
        var leafOf: [(row: Int64, node: Int64)] = []
        leafOf.reserveCapacity(levels.first?.cells.count ?? 0)
        for depth in 0..<levels.count {
            let level = levels[depth]
            for (index, range) in level.nodes.enumerated() {
                let nodeNumber = numbers[depth][index]
                for k in 0..<nodeSize { blob[k] = 0 }
                if nodeNumber == 1 { put16(&blob, 0, levels.count - 1) }
                put16(&blob, 2, range.count)
                for (c, cell) in level.cells[range].enumerated() {
                    // Leaf cells carry row ids; inner cells their child's number.
                    let id = depth == 0 ? cell.id : numbers[depth - 1][Int(cell.id)]
                    let offset = 4 + c * cellSize
                    put64(&blob, offset, UInt64(bitPattern: id))
                    put32(&blob, offset + 8, cell.minX.bitPattern)
                    put32(&blob, offset + 12, cell.maxX.bitPattern)
                    put32(&blob, offset + 16, cell.minY.bitPattern)
                    put32(&blob, offset + 20, cell.maxY.bitPattern)
                    if depth == 0 {
                        leafOf.append((id, nodeNumber))
                    } else {
                        writeParent.bind(id, at: 1)
                        writeParent.bind(nodeNumber, at: 2)
                        try writeParent.run(db)
                    }
                }
                writeNode.bind(nodeNumber, at: 1)
                writeNode.bind(blob, at: 2)
                try writeNode.run(db)
            }
        }
        try writeLeaves(&leafOf, with: writeRowid, db)
    }

    /// Writes each row's leaf node into `_rowid`, in row-id order.
    private static func writeLeaves(_ leafOf: inout [(row: Int64, node: Int64)], with statement: FastStatement, _ db: Database) throws {
        leafOf.sort { $0.row < $1.row }
        for (row, node) in leafOf {
            statement.bind(row, at: 1)
            statement.bind(node, at: 2)
            try statement.run(db)
        }
    }

    /// Packs level by level: each level is its cells in packed order and
    /// the range of cells of each node; a parent cell's id is the index of
    /// its child node in the level below, numbered afterwards.
    private static func packLevels(_ leaves: inout [RTreeEntry], capacity: Int) -> [(cells: [RTreeEntry], nodes: [Range<Int>])] {
        var levels: [(cells: [RTreeEntry], nodes: [Range<Int>])] = []
        var cells = leaves
        leaves = []
        var nodes = pack(&cells, capacity: capacity)
        levels.append((cells, nodes))
        while nodes.count > 1 {
            var boxes = nodes.enumerated().map { index, range in bounds(of: cells[range], id: Int64(index)) }
            nodes = pack(&boxes, capacity: capacity)
            cells = boxes
            levels.append((cells, nodes))
        }
        return levels
    }

    /// Sort-Tile-Recursive, in place: slices by x, runs by y, nodes of
    /// nearly equal size (never more than `capacity`). Returns the cells of
    /// each node.
    static func pack(_ entries: inout [RTreeEntry], capacity: Int) -> [Range<Int>] {
        guard !entries.isEmpty else { return [0..<0] }
        let leafCount = (entries.count + capacity - 1) / capacity
        let sliceCount = Int(Double(leafCount).squareRoot().rounded(.up))
        entries.sort { $0.centerX < $1.centerX }
        var nodes: [Range<Int>] = []
        nodes.reserveCapacity(leafCount + sliceCount)
        for slice in evenChunks(entries.count, parts: sliceCount) {
            entries[slice].sort { $0.centerY < $1.centerY }
            let parts = (slice.count + capacity - 1) / capacity
            for chunk in evenChunks(slice.count, parts: parts) {
                nodes.append((slice.lowerBound + chunk.lowerBound)..<(slice.lowerBound + chunk.upperBound))
            }
        }
        return nodes
    }

    /// `count` items split into `parts` consecutive ranges of nearly equal size.
    static func evenChunks(_ count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, count))
        var ranges: [Range<Int>] = []
        var start = 0
        for k in 0..<parts {
            let end = (count * (k + 1)) / parts
            if end > start { ranges.append(start..<end) }
            start = end
        }
        return ranges
    }

    static func bounds(of cells: ArraySlice<RTreeEntry>, id: Int64) -> RTreeEntry {
        var box = RTreeEntry(id: id, minX: Float.infinity, maxX: -Float.infinity, minY: Float.infinity, maxY: -Float.infinity)
        for cell in cells {
            box.minX = min(box.minX, cell.minX); box.maxX = max(box.maxX, cell.maxX)
            box.minY = min(box.minY, cell.minY); box.maxY = max(box.maxY, cell.maxY)
        }
        return box
    }

    private static func put16(_ blob: inout [UInt8], _ offset: Int, _ value: Int) {
        blob[offset] = UInt8((value >> 8) & 0xFF)
        blob[offset + 1] = UInt8(value & 0xFF)
    }

    private static func put32(_ blob: inout [UInt8], _ offset: Int, _ value: UInt32) {
        for k in 0..<4 { blob[offset + k] = UInt8((value >> (24 - 8 * UInt32(k))) & 0xFF) }
    }

    private static func put64(_ blob: inout [UInt8], _ offset: Int, _ value: UInt64) {
        for k in 0..<8 { blob[offset + k] = UInt8((value >> (56 - 8 * UInt64(k))) & 0xFF) }
    }
}
