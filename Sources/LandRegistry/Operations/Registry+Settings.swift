extension Registry {
    /// Changes a numeric setting (a rule threshold); returns the old value.
    /// The change is kept in `settings_log` and the history with who made it
    /// and when.
    @discardableResult
    public func setSetting(_ name: String, to text: String, by: String) throws -> String {
        if name == Registry.publicLayersSetting { return try setPublicLayers(text, by: by) }
        guard let setting = Setting(rawValue: name) else {
            let names = Setting.allCases.map(\.rawValue) + [Registry.publicLayersSetting]
            throw InvalidArgument(.setting(name), "unknown setting; the settings are \(names.joined(separator: ", "))")
        }
        guard let value = Double(decimal: text), value >= 0 else {
            throw InvalidArgument(.setting(name), "'\(text)' is not a number of metres or square metres ≥ 0")
        }
        guard setting.range.contains(value) else {
            throw InvalidArgument(.setting(name), "\(text) is outside the sensible range \(formatDecimal(setting.range.lowerBound))–\(formatDecimal(setting.range.upperBound)) (default \(formatDecimal(setting.defaultValue)))")
        }
        return formatNumber(try store.storeSetting(setting, value, by: by, date: todayUTC()))
    }

    /// The setting naming the layers anyone may read over HTTP without an account (contract §13).
    public static let publicLayersSetting = "public_layers"

    /// The layers anyone may read without an account (none unless set).
    public func publicLayers() throws -> Set<Layer> {
        Set((try store.textSetting(Registry.publicLayersSetting) ?? "").split(separator: ",").compactMap { Layer(rawValue: String($0)) })
    }

    /// Sets the public layers from `risk-plots,water-zones` (or "" for none); returns the old value.
    private func setPublicLayers(_ text: String, by: String) throws -> String {
        var layers: [Layer] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let layer = Layer(rawValue: name) else {
                throw InvalidArgument(.setting(Registry.publicLayersSetting), "'\(name)' is not a layer; the layers are \(Layer.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !layers.contains(layer) { layers.append(layer) }
        }
        let value = layers.map(\.rawValue).joined(separator: ",")
        return try store.storeTextSetting(Registry.publicLayersSetting, value, by: by, date: todayUTC())
    }
}
