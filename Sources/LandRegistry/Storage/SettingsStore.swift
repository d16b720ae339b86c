import GRDB

/// Settings (the rule thresholds), their log, and what the registry holds.
extension Store {
    /// All settings as (name, value), sorted by name; a setting never set has its default.
    func settings() throws -> [(String, String)] {
        var stored = try read { db in
            try Row.fetchAll(db, sql: "SELECT name, value FROM settings ORDER BY name").map { ($0[0] as String, $0[1] as String) }
        }
        for setting in Setting.allCases where !stored.contains(where: { $0.0 == setting.rawValue }) {
            stored.append((setting.rawValue, formatNumber(setting.defaultValue)))
        }
        return stored.sorted { $0.0 < $1.0 }
    }

    /// A numeric setting, or its default when absent.
    func setting(_ name: Setting) throws -> Double {
        try read { db in try setting(name, db) }
    }

    func setting(_ name: Setting, _ db: Database) throws -> Double { try Store.setting(name, db) }

    /// A numeric setting read in a transaction, or its default when absent.
    static func setting(_ name: Setting, _ db: Database) throws -> Double {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = ?", arguments: [name.rawValue])
            .flatMap { Double(decimal: $0) } ?? name.defaultValue
    }

    /// A setting that is text (`public_layers`), or nil when never set.
    func textSetting(_ name: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = ?", arguments: [name]) }
    }

    /// Stores a text setting, logged as the numeric ones are; returns the old value ("" when unset).
    func storeTextSetting(_ name: String, _ value: String, by: String, date: String) throws -> String {
        try write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = ?", arguments: [name]) ?? ""
            try db.execute(sql: """
                INSERT INTO settings (name, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, arguments: [name, value])
            try db.execute(sql: "INSERT INTO settings_log (name, old_value, new_value, changed_by) VALUES (?, ?, ?, ?)",
                           arguments: [name, old, value, by])
            try db.execute(sql: """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties)
                VALUES ('settings', ?, 'settings', ?, ?, ?, ?)
                """, arguments: [name, date, by, "settings set \(name) \(value)", JSONValue.object([("value", .string(value))]).jsonText])
            return old
        }
    }

    /// Every numeric setting.
    func thresholds() throws -> [Setting: Double] {
        try database.read { db in
            var thresholds: [Setting: Double] = [:]
            for setting in Setting.allCases { thresholds[setting] = try self.setting(setting, db) }
            return thresholds
        }
    }

    /// Stores a setting's new value, in `settings_log` and the history too;
    /// returns the old value.
    func storeSetting(_ setting: Setting, _ value: Double, by: String, date: String) throws -> Double {
        try write { db in
            let old = try self.setting(setting, db)
            let name = setting.rawValue
            try db.execute(sql: """
                INSERT INTO settings (name, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, arguments: [name, formatNumber(value)])
            try db.execute(sql: """
                INSERT INTO settings_log (name, old_value, new_value, changed_by) VALUES (?, ?, ?, ?)
                """, arguments: [name, formatNumber(old), formatNumber(value), by])
            // Settings changes belong to the history of everything, too.
            try db.execute(sql: """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties)
                VALUES ('settings', ?, 'settings', ?, ?, ?, ?)
                """, arguments: [name, date, by, "settings set \(name) \(formatNumber(value))",
                                 JSONValue.object([("value", .number(value, formatNumber(value)))]).jsonText])
            return old
        }
    }

    /// Versions of the libraries behind the registry.
    func versions() throws -> [(String, String)] {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT spatialite_version(), proj_version(), sqlite_version()")!
            return [("SpatiaLite", row[0] ?? "?"), ("PROJ", row[1] ?? "?"),
                    ("GEOS", GEOSContext.version), ("SQLite", row[2] ?? "?")]
        }
    }

    /// The number of features in each layer.
    func counts() throws -> [(Layer, Int)] {
        try read { db in
            try Layer.allCases.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.table)") ?? 0) }
        }
    }

    /// The WKT of a CRS as SpatiaLite knows it (for a Shapefile's `.prj`).
    func crsWKT(_ srid: Int) throws -> String {
        try read { db in
            try String.fetchOne(db, sql: "SELECT srtext FROM spatial_ref_sys WHERE srid = ?", arguments: [srid])
        } ?? ""
    }
}

extension Store {
    /// What a check's answers rest on beyond the rules (`CheckConditions`).
    func checkConditions() throws -> CheckConditions {
        let thresholds = try thresholds()
        // Plain SQL: a one-shot check never brings SpatiaLite (and PROJ's database) in for this.
        let (counties, empty) = try database.read { db -> ([String], [Layer]) in
            let counties = try String.fetchAll(db, sql: "SELECT code FROM admin WHERE kind = 'county' ORDER BY code")
            // A layer the rules test that holds nothing (never imported); admin, a few rows,
            // without the county seat the air rule is about. (No scan of a large layer: a
            // county with no strict farmland is a county, not a gap.)
            var empty: [Layer] = []
            for layer in Layer.allCases {
                let concerns = RuleTable.rules.filter { $0.layer == layer }.map(\.concern)
                guard !concerns.isEmpty else { continue }
                let condition = layer == .admin ? CandidateLookup.condition(concerns) : nil
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(layer.table)\(condition.map { " WHERE " + $0.0 } ?? ""))",
                                     arguments: condition?.1 ?? StatementArguments()) != true { empty.append(layer) }
            }
            return (counties, empty)
        }
        let changed = Setting.allCases.compactMap { setting -> (Setting, Double)? in
            guard let value = thresholds[setting], value != setting.defaultValue else { return nil }
            return (setting, value)
        }
        return CheckConditions(counties: counties, coverageMargin: thresholds[.coverageMargin] ?? Setting.coverageMargin.defaultValue,
                               changedSettings: changed, emptyLayers: empty)
    }

    /// The registry as a report names it.
    func describe() throws -> RegistryDescription {
        RegistryDescription(path: path, srid: srid, counts: try counts(), versions: try versions())
    }
}
