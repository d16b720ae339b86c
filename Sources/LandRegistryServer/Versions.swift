import LandRegistry

/// `items/{code}/versions`: every recorded change of a feature, oldest
/// first — when it took effect and until when, when and by whom it was
/// recorded, by which command, and each property's value before and after.
enum Versions {
    static func document(_ entries: [HistoryEntry], code: String, layer: Layer, path: String, documents: Documents) -> JSONValue {
        let versions = entries.enumerated().map { index, entry -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("version", Documents.number(index + 1)),
                ("action", .string(entry.action.rawValue)),
                ("validFrom", .string(entry.effectiveDate)),
                ("validUntil", index + 1 < entries.count ? .string(entries[index + 1].effectiveDate) : .null),
                ("recorded", .string(entry.recordedAt)),
                ("by", .string(entry.recordedBy)),
                ("command", .string(entry.command)),
            ]
            if let doc = entry.doc { members.append(("doc", .string(doc))) }
            if let note = entry.note { members.append(("note", .string(note))) }
            members.append(("changes", .object(changes(entry))))
            members.append(("geometryChanged", .bool(entry.geometryChanged && entry.before != nil && entry.after != nil)))
            members.append(("properties", entry.after.map { .object($0) } ?? .null))
            return .object(members)
        }
        return .object([
            ("id", .string(code)),
            ("collection", .string(layer.rawValue)),
            ("versions", .array(versions)),
            ("links", .array([
                documents.link(path + "/versions?f=json", "self", "application/json", .thisHistory),
                documents.link(path + "/versions?f=html", "alternate", "text/html", .thisHistoryAsHTML),
                documents.link(path, "latest-version", "application/geo+json", .thisFeature),
            ])),
        ])
    }

    /// Each property whose value the change changed: `[before, after]`.
    private static func changes(_ entry: HistoryEntry) -> [(String, JSONValue)] {
        let before = entry.before ?? [], after = entry.after ?? []
        var names = after.map(\.0)
        names += before.map(\.0).filter { !names.contains($0) }
        return names.compactMap { name in
            let old = before.first { $0.0 == name }?.1 ?? .null, new = after.first { $0.0 == name }?.1 ?? .null
            return old == new ? nil : (name, .array([old, new]))
        }
    }
}

extension Phrase {
    static let thisHistory: Phrase = "this feature's history"
    static let thisHistoryAsHTML: Phrase = "this feature's history as HTML"
}
