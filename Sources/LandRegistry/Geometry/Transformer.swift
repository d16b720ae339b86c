import CProj
import Foundation

/// A coordinate transformation between two EPSG CRSs through PROJ
/// (`proj_create_crs_to_crs`, normalised so that geographic CRSs are
/// lon, lat and projected ones easting, northing). Made once, applied to many
/// geometries; the PROJ objects are destroyed in `deinit`.
final class Transformer {
    let source: Int
    let target: Int
    private let context: OpaquePointer?
    private let pj: OpaquePointer?

    /// The identity when `source == target`. `askingPROJ` makes PROJ
    /// search its database even for a pair landreg knows (for tests).
    init(from source: Int, to target: Int, askingPROJ: Bool = false) throws {
        self.source = source
        self.target = target
        guard source != target else {
            context = nil
            pj = nil
            return
        }
        guard let context = proj_context_create() else { throw TransformError(message: "PROJ context creation failed") }
        _ = proj_log_level(context, PJ_LOG_NONE)
        _ = proj_context_set_enable_network(context, 0)
        do {
            pj = try Transformer.operation(from: source, to: target, in: context, askingPROJ: askingPROJ)
        } catch {
            proj_context_destroy(context)
            throw error
        }
        self.context = context
    }

    /// The operation from `source` to `target`, lon/lat and easting/northing
    /// ordered. Asking PROJ for it (`proj_create_crs_to_crs`) searches its
    /// database, about 10 ms; so a CGCS2000 Gauss-Kruger zone's projection
    /// is written as the pipeline PROJ itself gives for it
    /// (`knownPipeline`, checked against PROJ by a test), and any other
    /// pair is asked once per process, then made again from its PROJ string.
    private static func operation(from source: Int, to target: Int, in context: OpaquePointer,
                                  askingPROJ: Bool) throws -> OpaquePointer {
        if !askingPROJ, let pipeline = knownPipeline(from: source, to: target) {
            // A PROJ string needs no database, but `proj_create` opens it
            // (about 6 ms) unless it finds none where it looks.
            proj_log_func(context, nil) { _, _, _ in }
            var nowhere: UnsafePointer<CChar>? = UnsafePointer(strdup("/dev/null/landreg"))
            defer { free(UnsafeMutablePointer(mutating: nowhere)) }
            proj_context_set_search_paths(context, 1, &nowhere)
            if let pj = proj_create(context, pipeline) { return pj }
            proj_context_set_search_paths(context, 0, nil)
        }
        if !askingPROJ, let pipeline = cache.pipeline(source, target), let pj = proj_create(context, pipeline) {
            return pj
        }
        func unavailable() -> TransformError {
            TransformError(message: "no transformation from EPSG:\(source) to EPSG:\(target) (\(Transformer.lastError(context)))")
        }
        guard let raw = proj_create_crs_to_crs(context, "EPSG:\(source)", "EPSG:\(target)", nil) else { throw unavailable() }
        let normalised = proj_normalize_for_visualization(context, raw)
        proj_destroy(raw)
        guard let normalised else { throw unavailable() }
        // Nil when PROJ keeps several operations to choose from by area.
        if let text = proj_as_proj_string(context, normalised, PJ_PROJ_5, nil) {
            cache.remember(source, target, String(cString: text))
        }
        return normalised
    }

    /// The pipeline between CGCS2000 lon/lat (or WGS 84's, which PROJ takes
    /// as the same) and a CGCS2000 Gauss-Kruger zone, in either direction;
    /// nil for any other pair.
    static func knownPipeline(from source: Int, to target: Int) -> String? {
        func tmerc(_ srid: Int) -> String? {
            CRS.gaussKruger(srid).map {
                "+proj=tmerc +lat_0=0 +lon_0=\($0.centralMeridian) +k=1 +x_0=\($0.falseEasting) +y_0=0 +ellps=GRS80"
            }
        }
        if CRS.normalised(source) == CRS.lonLat, let projection = tmerc(target) {
            return "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step \(projection)"
        }
        if CRS.normalised(target) == CRS.lonLat, let projection = tmerc(source) {
            return "+proj=pipeline +step +inv \(projection) +step +proj=unitconvert +xy_in=rad +xy_out=deg"
        }
        return nil
    }

    /// Pipelines PROJ gave in this process, by source and target.
    private static let cache = PipelineCache()

    deinit {
        if let pj { proj_destroy(pj) }
        if let context { proj_context_destroy(context) }
    }

    private static func lastError(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        guard code != 0, let text = proj_context_errno_string(context, code) else { return "unknown PROJ error" }
        return String(cString: text)
    }

    var isIdentity: Bool { pj == nil }

    /// The operation as a PROJ string; nil for the identity or when PROJ
    /// keeps several operations.
    var pipeline: String? {
        guard let pj, let text = proj_as_proj_string(context, pj, PJ_PROJ_5, nil) else { return nil }
        return String(cString: text)
    }

    /// Transforms every position of the shape in place
    /// (`proj_trans_generic`); throws when a position cannot be transformed.
    func transform(_ shape: inout Shape) throws {
        try transform(&shape.xy, rings: shape.ringEnds, direction: PJ_FWD)
    }

    /// Transforms the shape from the target CRS back to the source CRS.
    func inverse(_ shape: inout Shape) throws {
        try transform(&shape.xy, rings: shape.ringEnds, direction: PJ_INV)
    }

    /// A closed ring's last position, the same as its first, is not
    /// transformed again but copied (an eighth of a small parcel's work).
    private func transform(_ xy: inout [Double], rings: [Int], direction: PJ_DIRECTION) throws {
        guard let pj, !xy.isEmpty else { return }
        let stride = 2 * MemoryLayout<Double>.stride
        proj_errno_reset(pj)
        xy.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            func run(_ start: Int, _ count: Int) {
                _ = proj_trans_generic(pj, direction, base + 2 * start, stride, count, base + 2 * start + 1, stride, count, nil, 0, 0, nil, 0, 0)
            }
            var start = 0
            for end in rings {
                let (first, last) = (2 * start, 2 * (end - 1))
                if end - start > 1 && base[first] == base[last] && base[first + 1] == base[last + 1] {
                    run(start, end - 1 - start)
                    (base[last], base[last + 1]) = (base[first], base[first + 1])
                } else if end > start {
                    run(start, end - start)
                }
                start = end
            }
            if start < buffer.count / 2 { run(start, buffer.count / 2 - start) }
        }
        // PROJ marks positions it could not transform with HUGE_VAL.
        var i = 0
        while i < xy.count {
            if !xy[i].isFinite || !xy[i + 1].isFinite {
                throw TransformError(message: "a position cannot be transformed from EPSG:\(direction == PJ_FWD ? source : target) to EPSG:\(direction == PJ_FWD ? target : source)")
            }
            i += 2
        }
    }

    /// The PROJ library version.
    static var version: String {
        let info = proj_info()
        return info.version.map { String(cString: $0) } ?? "?"
    }
}

extension Transformer {
    /// Where a CRS is meant to be used, in lon/lat degrees (PROJ's
    /// `proj_get_area_of_use`, asked once per process; known without PROJ's
    /// database for CGCS2000 and its zones); nil when PROJ does not say.
    /// `askingPROJ` always asks PROJ (for tests).
    static func areaOfUse(_ srid: Int, askingPROJ: Bool = false) -> (west: Double, south: Double, east: Double, north: Double)? {
        if askingPROJ { return askAreaOfUse(srid) }
        if let known = CRS.knownAreaOfUse(srid) { return known }
        if let asked = cache.area(srid) { return asked }
        let area = askAreaOfUse(srid)
        cache.remember(srid, area: area)
        return area
    }

    private static func askAreaOfUse(_ srid: Int) -> (west: Double, south: Double, east: Double, north: Double)? {
        guard let context = proj_context_create() else { return nil }
        defer { proj_context_destroy(context) }
        _ = proj_log_level(context, PJ_LOG_NONE)
        guard let crs = proj_create(context, "EPSG:\(srid)") else { return nil }
        defer { proj_destroy(crs) }
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        // 1 when PROJ knows the area, 0 otherwise; -1000 for an unknown bound.
        guard proj_get_area_of_use(context, crs, &west, &south, &east, &north, nil) == 1,
              west > -1000, south > -1000, east > -1000, north > -1000 else { return nil }
        return (west, south, east, north)
    }

    /// The box, in this transformer's target CRS, of the places where both
    /// CRSs are meant to be used, each area widened by `margin` degrees.
    func usableBox(margin: Double) throws -> Envelope? {
        var area = (west: -180.0, south: -90.0, east: 180.0, north: 90.0)
        var known = false
        for srid in [source, target] {
            guard let a = Transformer.areaOfUse(srid) else { continue }
            known = true
            let east = a.east < a.west ? a.east + 360 : a.east
            area = (max(area.west, a.west - margin), max(area.south, a.south - margin),
                    min(area.east, east + margin), min(area.north, a.north + margin))
        }
        guard known, area.west < area.east, area.south < area.north else { return nil }
        // The lon/lat box's edges, sampled, in the target CRS.
        var samples: [Double] = []
        for i in 0...16 {
            let t = Double(i) / 16
            let lon = area.west + t * (area.east - area.west), lat = area.south + t * (area.north - area.south)
            samples += [lon, area.south, lon, area.north, area.west, lat, area.east, lat]
        }
        var shape = Shape(type: .multiPoint, xy: samples)
        try Transformer(from: CRS.lonLat, to: target).transform(&shape)
        let b = shape.bounds
        return b.minX.isFinite && b.maxX.isFinite ? b : nil
    }

    /// The transformation of an input file's coordinates to the registry's
    /// CRS: `--srid`, else the file's own CRS, else lon/lat (WGS 84 read as
    /// CGCS2000); an unknown CRS is an `InputError` naming the file.
    static func forInput(srid: Int?, declared: Int?, registrySRID: Int, file: String) throws -> Transformer {
        let value = srid ?? declared ?? CRS.lonLat
        do {
            return try Transformer(from: CRS.normalised(value), to: registrySRID)
        } catch {
            throw InputError(file: file, message: "cannot use EPSG:\(value) for the input: \((error as? TransformError)?.message ?? Phrase(verbatim: "\(error)"))")
        }
    }
}

struct TransformError: Error, CustomStringConvertible {
    let message: Phrase
    var description: String { message.description }
}

/// The PROJ strings of operations, and the areas of use, found in this
/// process, shared by threads.
private final class PipelineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pipelines: [Int: [Int: String]] = [:]

    func pipeline(_ source: Int, _ target: Int) -> String? {
        lock.withLock { pipelines[source]?[target] }
    }

    func remember(_ source: Int, _ target: Int, _ pipeline: String) {
        lock.withLock { pipelines[source, default: [:]][target] = pipeline }
    }

    typealias Area = (west: Double, south: Double, east: Double, north: Double)
    private var areas: [Int: Area?] = [:]

    /// The area of use PROJ gave for `srid` (nil inside when it knows
    /// none); nil when not asked yet.
    func area(_ srid: Int) -> Area?? {
        lock.withLock { areas[srid] }
    }

    func remember(_ srid: Int, area: Area?) {
        lock.withLock { areas[srid] = .some(area) }
    }
}
