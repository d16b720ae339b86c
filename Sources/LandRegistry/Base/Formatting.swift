/// `value` with exactly `decimals` decimals (0…6), rounded half away from
/// zero: what `String(format: "%.Nf")` shows for the areas and distances of
/// reports, without Foundation's formatting machinery on hot paths.
func fixed(_ value: Double, _ decimals: Int) -> String {
    // Up to 9 decimals (7 for lon/lat); it padded 7 with the scale of 6 before (113.17978 as 113.0179780).
    let decimals = max(0, min(decimals, 9))
    let scale = [1.0, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000][decimals]
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let units = Int64(scaled)
    let divisor = Int64(scale)
    let whole = units / divisor
    var text = value < 0 && units != 0 ? "-" : ""
    text += String(whole)
    if decimals > 0 {
        let fraction = String(units % divisor)
        text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return text
}

/// A number as text without a needless ".0".
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}

/// A decimal for JSON: at least one decimal place ("1532.4", "0.0").
func formatDecimal(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    guard abs(hundredths) < 9e15 else { return String(value) }
    let units = Int64(hundredths)
    let whole = units / 100, fraction = abs(units % 100)
    let sign = units < 0 && whole == 0 ? "-" : ""
    if fraction == 0 { return "\(sign)\(whole).0" }
    if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
    return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// A coordinate for messages: up to 7 decimals, no trailing zeros.
func formatCoordinate(_ value: Double) -> String {
    var text = fixed7(value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// Seven decimals (coordinates in degrees, for messages).
private func fixed7(_ value: Double) -> String {
    let scaled = (abs(value) * 1e7).rounded()
    guard scaled < 9e15 else { return String(value) }
    let units = Int64(scaled)
    let fraction = String(units % 10_000_000)
    return (value < 0 && units != 0 ? "-" : "") + String(units / 10_000_000) + "."
        + String(repeating: "0", count: 7 - fraction.count) + fraction
}

/// Rounds to 0.01 (m, m²): the precision of every reported area and distance.
func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

/// An area of square metres in mu, to 0.0001 mu.
func roundedMu(_ squareMetres: Double) -> Double { (squareMetres / squareMetresPerMu * 10_000).rounded() / 10_000 }

/// Square metres in one mu (亩).
public let squareMetresPerMu = 10000.0 / 15.0

/// A measured value for reports: up to three decimals, no trailing zeros.
func formatValue(_ value: Double) -> String {
    var text = fixed(value, abs(value) >= 100 ? 0 : 3)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text
}

extension Double {
    /// A decimal number as people write it — sign, digits, point, exponent —
    /// and nothing else; nil for anything more. Swift's own reading stops at
    /// a NUL byte ("1\0junk" reads as 1) and takes hexadecimal ("0x10"),
    /// "nan" and "infinity", none of which a coordinate file, a form or a
    /// query string means.
    public init?(decimal text: some StringProtocol) {
        var digits = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits = true
            case 0x2B, 0x2D, 0x2E, 0x45, 0x65: continue  // + - . E e
            default: return nil
            }
        }
        guard digits, let value = Double(String(text)), value.isFinite else { return nil }
        self = value
    }
}
