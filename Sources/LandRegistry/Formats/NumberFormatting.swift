/// `value` with exactly `decimals` decimals (0…6), rounded half away from
/// zero: what `String(format: "%.Nf")` shows for the areas and distances of
/// reports, without Foundation's formatting machinery on hot paths.
func fixed(_ value: Double, _ decimals: Int) -> String {
    let scale = [1.0, 10, 100, 1000, 10000, 100000, 1000000][max(0, min(decimals, 6))]
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
