/// What to do with an input geometry that GEOS finds invalid.
public enum RepairPolicy: Sendable {
    /// Reject it: bad input naming the reason and where.
    case reject
    /// Repair it with GEOS's MakeValid and report what was repaired.
    case makeValid
}

/// The one step every input geometry goes through, for import, check and
/// query alike: it is there, of a type the target takes, structurally sound,
/// within longitude/latitude range when read as degrees, transformed to the
/// registry's CRS, and valid there (or repaired, by policy).
final class InputGeometry {
    struct Prepared {
        /// In the registry's CRS.
        var shape: Shape
        var wkb: [UInt8]
        /// The GEOS geometry, when GEOS checked validity (not for points, nor
        /// for a polygon `SimpleRing` found valid).
        var geometry: Geometry?
        /// What was repaired and where (in the input's CRS), with `.makeValid`.
        var repair: Phrase?
    }

    let transformer: Transformer
    let geos: GEOSContext
    let file: String
    /// The geometry types the target takes (nil: any), and its name for messages.
    /// The layer the geometry goes into, whose geometry types it must have (nil: any).
    let accepted: Layer?
    /// Its geometry types, computed once (a set made per feature slowed the import).
    private let acceptedTypes: Set<GeometryType>?
    let policy: RepairPolicy
    /// Whether the input's CRS was given or declared (else lon/lat was assumed).
    let crsKnown: Bool
    /// Where both the input's CRS and the registry's are meant to be used,
    /// with a margin of 1° (PROJ's areas of use), in the registry's CRS.
    let usable: Envelope?

    init(transformer: Transformer, geos: GEOSContext, file: String, accepted: Layer?,
         policy: RepairPolicy, crsKnown: Bool) {
        self.transformer = transformer
        self.geos = geos
        self.file = file
        self.accepted = accepted
        acceptedTypes = accepted?.geometryTypes
        self.policy = policy
        self.crsKnown = crsKnown
        usable = try? transformer.usableBox(margin: 1)
    }

    /// The input-CRS step for a reader: `srid` when given, else the file's
    /// own CRS, else lon/lat.
    convenience init(reader: FeatureReader, srid: Int?, registrySRID: Int, geos: GEOSContext,
                     accepted: Layer?, policy: RepairPolicy) throws {
        let transformer = try Transformer.forInput(srid: srid, declared: reader.declaredSRID, registrySRID: registrySRID,
                                                   file: reader.fileName)
        self.init(transformer: transformer, geos: geos, file: reader.fileName, accepted: accepted, policy: policy,
                  crsKnown: srid != nil || reader.declaredSRID != nil)
    }

    /// Why coordinates outside the CRSs' areas of use are refused.
    private func outsideAreaOfUse(_ input: Shape) -> Phrase {
        let b = input.bounds
        let (x0, x1, y0, y1) = (formatCoordinate(b.minX), formatCoordinate(b.maxX), formatCoordinate(b.minY), formatCoordinate(b.maxY))
        guard transformer.source != transformer.target else {
            return "coordinates (x \(x0)…\(x1), y \(y0)…\(y1)) lie outside where EPSG:\(transformer.source) is used, even with a margin of 1°: are they in another CRS?"
        }
        return "coordinates (x \(x0)…\(x1), y \(y0)…\(y1)) lie outside where EPSG:\(transformer.source) (read) and EPSG:\(transformer.target) (the registry's) are used, even with a margin of 1°: are they in another CRS?"
    }

    /// Validates, projects and (by policy) repairs one geometry; `feature`
    /// and `code` say where, in errors.
    func prepare(_ input: Shape?, feature: Int, code: String?) throws -> Prepared {
        func fail(_ message: Phrase, _ remedy: Remedy? = nil) -> InputError {
            InputError(file: file, feature: feature, code: code, message: message, remedy: remedy)
        }
        guard var shape = input else { throw fail("the feature has no geometry") }
        if let accepted, let acceptedTypes, !acceptedTypes.contains(shape.type) {
            throw fail("a \(term: shape.type) cannot go in layer \(term: accepted), which takes \(terms: accepted.geometryTypes.sorted { $0.name < $1.name })")
        }
        if let problem = shape.structuralProblem() { throw fail("invalid geometry: \(problem)") }
        if CRS.isGeographic(transformer.source) {
            let b = shape.bounds
            if b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 {
                let hint: Phrase = crsKnown ? "" : "; the file declares no CRS: if these are projected metres, give their CRS (e.g. EPSG:4547)"
                throw fail("coordinates out of longitude/latitude range (x \(b.minX)…\(b.maxX), y \(b.minY)…\(b.maxY))\(hint)",
                           crsKnown ? nil : .giveInputCRS)
            }
        }
        do {
            try transformer.transform(&shape)
        } catch {
            throw fail((error as? TransformError)?.message ?? Phrase(verbatim: "\(error)"))
        }
        if let usable {
            let b = shape.bounds
            if b.minX < usable.minX || b.maxX > usable.maxX || b.minY < usable.minY || b.maxY > usable.maxY {
                throw fail(outsideAreaOfUse(input!), .giveInputCRS)
            }
        }
        var prepared = Prepared(shape: shape, wkb: shape.wkb(), geometry: nil, repair: nil)
        guard shape.type != .point && shape.type != .multiPoint else { return prepared }
        // A small simple polygon, the common parcel, is valid without asking GEOS.
        if SimpleRing.isCertainlyValid(shape) { return prepared }
        let geometry = try Geometry(shape: shape, in: geos)
        prepared.geometry = geometry
        guard let problem = try geometry.invalidity() else { return prepared }
        var location = Shape(type: .point, xy: [problem.x, problem.y])
        try? transformer.inverse(&location)
        let reason: Phrase = "\(term: problem.reason, in: "geos") at (\(formatCoordinate(location.xy[0])), \(formatCoordinate(location.xy[1])))"
        guard policy == .makeValid else { throw fail("invalid geometry: \(reason)", .repairGeometry) }
        let repaired = try geometry.makeValid()
        let wkb = try repaired.wkb()
        guard let repairedShape = try? Shape(wkb: wkb), acceptedTypes?.contains(repairedShape.type) ?? true else {
            throw fail("invalid geometry: \(reason); repairing it gives a \(term: repaired.typeName, in: GeometryType.context), which layer \(term: accepted?.name ?? "", in: Layer.context) does not take")
        }
        return Prepared(shape: repairedShape, wkb: wkb, geometry: repaired, repair: reason)
    }
}
