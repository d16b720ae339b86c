import CGEOS

extension Geometry {
    /// Builds the GEOS geometry of a shape straight from its coordinates
    /// (`GEOSCoordSeq_copyFromBuffer_r`): no WKB in between.
    convenience init(shape: Shape, in context: GEOSContext) throws {
        let build = GEOSBuilder(shape: shape, context: context)
        let rings = shape.ringRanges
        let handle: OpaquePointer
        switch shape.type {
        case .point:
            guard shape.xy.count >= 2 else { throw context.error("point") }
            handle = try build.point(0)
        case .multiPoint:
            handle = try build.collection(GEOS_MULTIPOINT, (0..<shape.positionCount).map(build.point))
        case .lineString:
            handle = try build.line(0..<shape.positionCount)
        case .multiLineString:
            handle = try build.collection(GEOS_MULTILINESTRING, rings.map(build.line))
        case .polygon:
            handle = try build.polygon(rings[...])
        case .multiPolygon:
            handle = try build.collection(GEOS_MULTIPOLYGON, shape.polygonRanges.map { try build.polygon(rings[$0]) })
        }
        self.init(owning: handle, in: context)
        self.shape = shape
    }
}

/// The GEOS constructors, over one shape's coordinates.
private struct GEOSBuilder {
    let shape: Shape
    let context: GEOSContext
    var h: OpaquePointer { context.handle }

    func sequence(_ range: Range<Int>) throws -> OpaquePointer {
        let made = shape.xy.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(h, buffer.baseAddress! + 2 * range.lowerBound, UInt32(range.count), 0, 0)
        }
        guard let made else { throw context.error("coordinate sequence") }
        return made
    }

    func point(_ i: Int) throws -> OpaquePointer {
        guard let point = GEOSGeom_createPointFromXY_r(h, shape.xy[2 * i], shape.xy[2 * i + 1]) else { throw context.error("point") }
        return point
    }

    func line(_ range: Range<Int>) throws -> OpaquePointer {
        guard let line = GEOSGeom_createLineString_r(h, try sequence(range)) else { throw context.error("line") }
        return line
    }

    func ring(_ range: Range<Int>) throws -> OpaquePointer {
        guard let ring = GEOSGeom_createLinearRing_r(h, try sequence(range)) else { throw context.error("linear ring") }
        return ring
    }

    func polygon(_ rings: ArraySlice<Range<Int>>) throws -> OpaquePointer {
        guard let first = rings.first else {
            guard let empty = GEOSGeom_createEmptyPolygon_r(h) else { throw context.error("polygon") }
            return empty
        }
        let shell = try ring(first)
        var holes: [OpaquePointer?] = try rings.dropFirst().map(ring)
        let made = holes.withUnsafeMutableBufferPointer { buffer -> OpaquePointer? in
            GEOSGeom_createPolygon_r(h, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let made else { throw context.error("polygon") }
        return made
    }

    func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer]) throws -> OpaquePointer {
        var parts: [OpaquePointer?] = parts
        let made = parts.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(h, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let made else { throw context.error("collection") }
        return made
    }
}
