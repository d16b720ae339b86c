import Foundation

extension ShapefileReader {
    /// The EPSG code of a `.prj` (ESRI WKT): an AUTHORITY, else CGCS2000
    /// geographic or Gauss-Kruger by central meridian and false easting.
    static func srid(fromWKT wkt: String, file: String) throws -> Int {
        let upper = wkt.uppercased()
        if let range = upper.range(of: #"AUTHORITY\["EPSG",\s*"?(\d+)"?\]\]\s*$"#, options: .regularExpression) {
            let digits = upper[range].filter(\.isNumber)
            if let code = Int(digits) { return code }
        }
        let cgcs = upper.contains("2000") && (upper.contains("CHINA") || upper.contains("CGCS"))
        if !upper.hasPrefix("PROJCS") {
            if cgcs { return 4490 }
            if upper.contains("WGS") && upper.contains("84") { return 4326 }
            throw InputError(file: file, message: "the CRS in the .prj is not understood", remedy: .giveInputCRS)
        }
        guard cgcs else { throw InputError(file: file, message: "the projected CRS in the .prj is not CGCS2000", remedy: .giveInputCRS) }
        func parameter(_ name: String) -> Double? {
            guard let range = upper.range(of: "PARAMETER[\"\(name)\",", options: .caseInsensitive) else { return nil }
            let rest = upper[range.upperBound...].prefix { $0 != "]" }
            return Double(rest.trimmingCharacters(in: .whitespaces))
        }
        guard let meridian = parameter("CENTRAL_MERIDIAN"), let falseEasting = parameter("FALSE_EASTING") else {
            throw InputError(file: file, message: "the .prj has no central meridian or false easting", remedy: .giveInputCRS)
        }
        if let srid = CRS.gaussKruger(centralMeridian: Int(meridian.rounded()), falseEasting: falseEasting) { return srid }
        throw InputError(file: file, message: "no CGCS2000 Gauss-Kruger zone has central meridian \(meridian) and false easting \(falseEasting)", remedy: .giveInputCRS)
    }
}
