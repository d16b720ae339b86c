extension Registry {
    /// Changes a numeric setting (a rule threshold); returns the old value.
    /// The change is kept in `settings_log` and the history with who made it
    /// and when.
    @discardableResult
    public func setSetting(_ name: String, to text: String, by: String) throws -> Double {
        guard let setting = Setting(rawValue: name) else {
            throw InvalidArgument(.setting(name), "unknown setting; the settings are \(Setting.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let value = Double(decimal: text), value >= 0 else {
            throw InvalidArgument(.setting(name), "'\(text)' is not a number of metres or square metres ≥ 0")
        }
        guard setting.range.contains(value) else {
            throw InvalidArgument(.setting(name), "\(text) is outside the sensible range \(formatDecimal(setting.range.lowerBound))–\(formatDecimal(setting.range.upperBound)) (default \(formatDecimal(setting.defaultValue)))")
        }
        return try store.storeSetting(setting, value, by: by, date: todayUTC())
    }
}
