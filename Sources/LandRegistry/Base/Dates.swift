import Foundation

/// Today's date in UTC, YYYY-MM-DD.
public func todayUTC() -> String {
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

/// A date as people write it — `2023-07-10`, `2023-7-10`, `2023/7/10`,
/// `2023.7.10`, `2023年7月10日` — as YYYY-MM-DD; nil when it is not a real day.
public func normalizedDate(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if isValidDate(trimmed) { return trimmed }
    let parts = trimmed.split(whereSeparator: { "-/.年月日".contains($0) }).map(String.init)
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
          !trimmed.hasPrefix("-"), let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
    let date = String(format: "%04d-%02d-%02d", y, m, d)
    return isValidDate(date) ? date : nil
}

/// Checks a date given to the library: a real day (written as
/// `normalizedDate` reads it), not in the future; returns it as YYYY-MM-DD.
@discardableResult
func checkDate(_ date: String, _ argument: InvalidArgument.Argument = .date) throws -> String {
    guard let day = normalizedDate(date) else { throw InvalidArgument(argument, "'\(date)' is not a date YYYY-MM-DD") }
    guard day <= todayUTC() else { throw InvalidArgument(argument, "\(day) is in the future") }
    return day
}

/// A time stored in UTC (ISO 8601, `…Z`) as the machine's local time with
/// its offset, e.g. `2023-07-10 16:05:09 +08:00`; the text itself when it is
/// not such a time.
public func localTime(_ utc: String, zone: TimeZone = .current) -> String {
    let parser = ISO8601DateFormatter()
    parser.formatOptions = [.withInternetDateTime]
    guard let date = parser.date(from: utc) else { return utc }
    return localTime(date, zone: zone)
}

/// A moment as the machine's local time with its offset.
func localTime(_ date: Date, zone: TimeZone = .current) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
    return formatter.string(from: date)
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
