import Foundation

/// Today's date in UTC, YYYY-MM-DD.
func todayUTC() -> String {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}

/// The current UTC time as ISO 8601.
func timestamp(_ date: Date = Date()) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}

/// Whether `text` is a calendar date written YYYY-MM-DD.
func isValidDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
          (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return day <= days
}

/// Checks a date given to the library: YYYY-MM-DD, a real day, not in the future.
func checkDate(_ date: String, _ argument: InvalidArgument.Argument = .date) throws {
    guard isValidDate(date) else { throw InvalidArgument(argument, "'\(date)' is not a date YYYY-MM-DD") }
    guard date <= todayUTC() else { throw InvalidArgument(argument, "\(date) is in the future") }
}

/// Whole days from one YYYY-MM-DD date to another.
func days(from start: String, to end: String) -> Int {
    func julian(_ date: String) -> Int {
        let p = date.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return 0 }
        let a = (14 - p[1]) / 12, y = p[0] + 4800 - a, m = p[1] + 12 * a - 3
        return p[2] + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }
    return julian(end) - julian(start)
}
