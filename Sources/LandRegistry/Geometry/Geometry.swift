import CGEOS

/// A GEOS geometry owned by Swift: the handle is destroyed in `deinit`
/// (`GEOSGeom_destroy_r`). Geometries are bound to the context that made them.
final class Geometry {
    let context: GEOSContext
    let handle: OpaquePointer
    /// The positions it was made of, when made from a `Shape` (or told them):
    /// what `ConvexClip` measures.
    var shape: Shape?
    /// Its outline when it is a convex polygon (`ConvexClip.convexRing`), found once.
    lazy var convexRing: [Double]? = shape.flatMap(ConvexClip.convexRing)

    init(owning handle: OpaquePointer, in context: GEOSContext) {
        self.context = context
        self.handle = handle
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, handle)
    }

    /// Reads ISO/OGC WKB (`GEOSWKBReader_read_r`).
    convenience init(wkb: [UInt8], in context: GEOSContext) throws {
        guard let reader = GEOSWKBReader_create_r(context.handle) else {
            throw context.error("WKB reader creation")
        }
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        let geometry = wkb.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_read_r(context.handle, reader, buffer.baseAddress, buffer.count)
        }
        // NULL on exception
        guard let geometry else { throw context.error("WKB read") }
        self.init(owning: geometry, in: context)
    }

    /// Little-endian 2D WKB (`GEOSWKBWriter_write_r`); the buffer GEOS
    /// allocates is released with `GEOSFree_r`.
    func wkb() throws -> [UInt8] {
        guard let writer = GEOSWKBWriter_create_r(context.handle) else {
            throw context.error("WKB writer creation")
        }
        defer { GEOSWKBWriter_destroy_r(context.handle, writer) }
        GEOSWKBWriter_setByteOrder_r(context.handle, writer, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setOutputDimension_r(context.handle, writer, 2)
        var size = 0
        // NULL on exception
        guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, handle, &size) else {
            throw context.error("WKB write")
        }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// The geometry's type name, e.g. "Polygon" (`GEOSGeomType_r`).
    var typeName: String {
        guard let name = GEOSGeomType_r(context.handle, handle) else { return "Unknown" }
        defer { GEOSFree_r(context.handle, name) }
        return String(cString: name)
    }

    /// Whether it is a polygon or a multipolygon.
    var isAreal: Bool {
        let type = GEOSGeomTypeId_r(context.handle, handle)
        return type == Int32(GEOS_POLYGON.rawValue) || type == Int32(GEOS_MULTIPOLYGON.rawValue)
    }

    var isEmpty: Bool {
        // 2 on exception, 1 true, 0 false
        GEOSisEmpty_r(context.handle, handle) == 1
    }

    /// OGC validity with GEOS's reason and the location of the problem
    /// (`GEOSisValidDetail_r`); nil when the geometry is valid.
    func invalidity() throws -> (reason: String, x: Double, y: Double)? {
        var reason: UnsafeMutablePointer<CChar>? = nil
        var location: OpaquePointer? = nil
        let result = GEOSisValidDetail_r(context.handle, handle, 0, &reason, &location)
        // 1 valid, 0 invalid, 2 on exception
        if result == 2 { throw context.error("validity check") }
        if result == 1 { return nil }
        var text = "invalid geometry"  // GEOS gave no reason
        if let reason {
            text = String(cString: reason)
            GEOSFree_r(context.handle, reason)
        }
        var x = Double.nan, y = Double.nan
        if let location {
            _ = GEOSGeomGetX_r(context.handle, location, &x)
            _ = GEOSGeomGetY_r(context.handle, location, &y)
            GEOSGeom_destroy_r(context.handle, location)
        }
        return (text, x, y)
    }

    /// Repairs an invalid geometry keeping every vertex (`GEOSMakeValid_r`).
    func makeValid() throws -> Geometry {
        guard let repaired = GEOSMakeValid_r(context.handle, handle) else {
            throw context.error("make valid")
        }
        return Geometry(owning: repaired, in: context)
    }

    /// Area in the units of the geometry's CRS squared (`GEOSArea_r`).
    func area() throws -> Double {
        var value = 0.0
        // 0 on exception
        guard GEOSArea_r(context.handle, handle, &value) != 0 else { throw context.error("area") }
        return value
    }

    /// Shortest distance between the two geometries (`GEOSDistance_r`).
    func distance(to other: Geometry) throws -> Double {
        var value = 0.0
        // 0 on exception
        guard GEOSDistance_r(context.handle, handle, other.handle, &value) != 0 else {
            throw context.error("distance")
        }
        return value
    }

    /// Point-set intersection (`GEOSIntersection_r`).
    func intersection(_ other: Geometry) throws -> Geometry {
        guard let result = GEOSIntersection_r(context.handle, handle, other.handle) else {
            throw context.error("intersection")
        }
        return Geometry(owning: result, in: context)
    }

    /// Whether the geometries share any point (`GEOSIntersects_r`).
    func intersects(_ other: Geometry) throws -> Bool {
        let result = GEOSIntersects_r(context.handle, handle, other.handle)
        // 2 on exception, 1 true, 0 false
        if result == 2 { throw context.error("intersects") }
        return result == 1
    }

    /// The area of the union of `parts` (`GEOSUnaryUnion_r` of a collection
    /// of clones: the collection owns what it holds): overlaps counted once.
    static func unionArea(_ parts: [Geometry], in context: GEOSContext) throws -> Double {
        guard parts.count > 1 else { return try parts.first?.area() ?? 0 }
        var clones: [OpaquePointer?] = []
        for part in parts {
            // NULL on exception
            guard let clone = GEOSGeom_clone_r(context.handle, part.handle) else { throw context.error("clone") }
            clones.append(clone)
        }
        let collection = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(context.handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let collection else {
            for clone in clones { GEOSGeom_destroy_r(context.handle, clone) }
            throw context.error("collection")
        }
        let all = Geometry(owning: collection, in: context)
        guard let union = GEOSUnaryUnion_r(context.handle, all.handle) else { throw context.error("union") }
        return try Geometry(owning: union, in: context).area()
    }

    /// Point-set difference, this minus `other` (`GEOSDifference_r`).
    func difference(_ other: Geometry) throws -> Geometry {
        // NULL on exception
        guard let result = GEOSDifference_r(context.handle, handle, other.handle) else {
            throw context.error("difference")
        }
        return Geometry(owning: result, in: context)
    }

    /// Point-set union (`GEOSUnion_r`).
    func union(_ other: Geometry) throws -> Geometry {
        // NULL on exception
        guard let result = GEOSUnion_r(context.handle, handle, other.handle) else { throw context.error("union") }
        return Geometry(owning: result, in: context)
    }

    /// Every point within `distance` of the geometry (`GEOSBuffer_r`, 8
    /// segments a quarter circle).
    func buffer(_ distance: Double) throws -> Geometry {
        // NULL on exception
        guard let result = GEOSBuffer_r(context.handle, handle, distance, 8) else {
            throw context.error("buffer")
        }
        return Geometry(owning: result, in: context)
    }

    /// Area of the intersection of two geometries, 0 when they are disjoint.
    func overlapArea(with other: Geometry) throws -> Double {
        try intersection(other).area()
    }

    /// Bounding box (`GEOSGeom_getXMin_r` …).
    func bounds() throws -> Envelope {
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        // 0 on exception
        guard GEOSGeom_getXMin_r(context.handle, handle, &minX) != 0,
              GEOSGeom_getYMin_r(context.handle, handle, &minY) != 0,
              GEOSGeom_getXMax_r(context.handle, handle, &maxX) != 0,
              GEOSGeom_getYMax_r(context.handle, handle, &maxY) != 0
        else { throw context.error("bounds") }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// A point guaranteed to lie on the geometry (`GEOSPointOnSurface_r`).
    func pointOnSurface() throws -> Geometry {
        guard let point = GEOSPointOnSurface_r(context.handle, handle) else { throw context.error("point on surface") }
        return Geometry(owning: point, in: context)
    }

    /// The distance along this line of the point on it nearest to `point`
    /// (`GEOSProject_r`; -1 on exception).
    func project(_ point: Geometry) throws -> Double {
        let measure = GEOSProject_r(context.handle, handle, point.handle)
        if measure < 0 { throw context.error("project") }
        return measure
    }

    /// Prepares the geometry for repeated predicates against many others
    /// (`GEOSPrepare_r`).
    func prepared() throws -> PreparedGeometry {
        guard let prepared = GEOSPrepare_r(context.handle, handle) else {
            throw context.error("prepare")
        }
        return PreparedGeometry(owning: prepared, base: self)
    }
}

/// A prepared geometry (`GEOSPrepare_r`); keeps its base geometry alive and
/// is destroyed with `GEOSPreparedGeom_destroy_r`.
final class PreparedGeometry {
    let base: Geometry
    let handle: OpaquePointer

    init(owning handle: OpaquePointer, base: Geometry) {
        self.base = base
        self.handle = handle
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, handle)
    }

    /// `GEOSPreparedIntersects_r`.
    func intersects(_ other: Geometry) throws -> Bool {
        let result = GEOSPreparedIntersects_r(base.context.handle, handle, other.handle)
        // 2 on exception, 1 true, 0 false
        if result == 2 { throw base.context.error("prepared intersects") }
        return result == 1
    }

    /// Whether no point of `other` lies outside this geometry (`GEOSPreparedCovers_r`).
    func covers(_ other: Geometry) throws -> Bool {
        let result = GEOSPreparedCovers_r(base.context.handle, handle, other.handle)
        // 2 on exception, 1 true, 0 false
        if result == 2 { throw base.context.error("prepared covers") }
        return result == 1
    }

    /// Shortest distance (`GEOSPreparedDistance_r`).
    func distance(to other: Geometry) throws -> Double {
        var value = 0.0
        // 0 on exception
        guard GEOSPreparedDistance_r(base.context.handle, handle, other.handle, &value) != 0 else {
            throw base.context.error("prepared distance")
        }
        return value
    }

    /// Whether the shortest distance is at most `distance`
    /// (`GEOSPreparedDistanceWithin_r`).
    func isWithin(distance: Double, of other: Geometry) throws -> Bool {
        let result = GEOSPreparedDistanceWithin_r(base.context.handle, handle, other.handle, distance)
        // 2 on exception, 1 true, 0 false
        if result == 2 { throw base.context.error("prepared distance within") }
        return result == 1
    }
}
