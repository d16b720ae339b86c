/// A word of the contract: a layer, a stage, a class, a level, an action, a
/// severity, a verdict, a parameter … — every enumeration people read. Its
/// name is the contract's (what JSON, GeoJSON, CSV in English and the
/// command line say); its Chinese is its entry in the one terms table
/// (`Terms.zh`), keyed by meaning: `context.name` (`stage.suspected`,
/// `source_type.river` 河流型 beside `water_body.river` 河流). The words
/// staff write for it (`严格管控类`, `严格管控` for `class.strict`) are read
/// back from the same table (`init?(word:)`).
///
/// `Tools/check-layers` and `TermsTests` check that every case of every
/// conforming type has its Chinese.
public protocol Term: CaseIterable, Hashable, Sendable {
    /// What the word is a value of (`stage`, `class`, `layer`): the first
    /// part of its key in the terms table; for an enumerated property, the
    /// property's name.
    static var context: String { get }
    /// The contract's name of the value (`suspected`, `risk-plots`, `III`).
    var name: String { get }
}

extension Term where Self: RawRepresentable, RawValue == String {
    public var name: String { rawValue }
}

extension Term {
    /// `context.name`, the key of the terms table.
    public var termKey: String { Self.context + "." + name }

    /// The word in `language`: Chinese from the terms table, English the
    /// contract's name (as tables and CSV files print it).
    public func text(_ language: ReportLanguage) -> String { Terms.text(termKey, language) }

    /// The word as prose reports write it: Chinese as `text`, English the
    /// table's label where it has one (`NH3-N`, `class III`), else the name.
    public func label(_ language: ReportLanguage) -> String { Terms.label(termKey, language) }

    /// Every value's contract name, in the type's order.
    public static var names: [String] { allCases.map(\.name) }

    /// The value `word` names: its contract name, its Chinese, or another
    /// Chinese word staff write for it (nil when none).
    public init?(word: String) {
        let text = word.trimmingCharacters(in: .whitespaces)
        guard let found = Self.allCases.first(where: { $0.name == text })
                ?? Terms.name(of: text, in: Self.context).flatMap({ name in Self.allCases.first { $0.name == name } })
        else { return nil }
        self = found
    }
}

/// The one terms table: every contract word in Chinese, keyed by
/// `context.name`; the English labels prose reports use where they differ
/// from the name; the other Chinese words read back as a value.
public enum Terms {
    /// The word of `key` in `language` (the name, the part after the
    /// context, where the table has none).
    public static func text(_ key: String, _ language: ReportLanguage) -> String {
        language == .zh ? zh[key] ?? name(of: key) : name(of: key)
    }

    /// The label of `key`: Chinese as `text`, English the label where there is one.
    public static func label(_ key: String, _ language: ReportLanguage) -> String {
        language == .zh ? text(key, .zh) : en[key] ?? name(of: key)
    }

    /// The value of `context` a Chinese word stands for (its term or a synonym).
    static func name(of word: String, in context: String) -> String? { read[context]?[word] }

    /// The contract's name in a key: what follows the context.
    static func name(of key: String) -> String {
        key.firstIndex(of: ".").map { String(key[key.index(after: $0)...]) } ?? key
    }

    /// Per context, every Chinese word read as a value: the terms, then the synonyms.
    private static let read: [String: [String: String]] = {
        var read: [String: [String: String]] = [:]
        for (key, word) in zh {
            read[String(key.prefix { $0 != "." }), default: [:]][word] = name(of: key)
        }
        for (key, words) in synonyms {
            for word in words { read[String(key.prefix { $0 != "." }), default: [:]][word] = name(of: key) }
        }
        return read
    }()
}

extension Terms {
    /// A column's name in `language`: the table's own name for it where it
    /// means something else there (`table` is a CSV file's or a layer's
    /// name), else the column's; in English the name as it is.
    public static func column(_ name: String, _ language: ReportLanguage, table: String = "") -> String {
        guard language == .zh else { return name }
        return zh["column.\(table).\(name)"] ?? zh["column.\(name)"] ?? name
    }
}

/// One cell of a table people read (the review's, `vacated`'s), kept as
/// what it is and rendered in the reader's language only when written:
/// never English text parsed again.
public indirect enum Cell: Sendable, Equatable {
    /// Shown as it is: a code, a name, a date, a number, a value from a file.
    case text(String)
    /// A contract word by its key in the terms table (`stage.listed`).
    case term(String)
    /// Words or figures in a sentence of the catalogue (an exceedance, a
    /// distance along a river).
    case phrase(Phrase)
    /// Cells one after the other, with `separator` between them.
    case list([Cell], separator: String)

    public static func term<T: Term>(_ term: T) -> Cell { .term(term.termKey) }
    /// A contract word known by name (a value read from the registry).
    public static func term(_ name: String, in context: String) -> Cell { name.isEmpty ? .text("") : .term(context + "." + name) }

    /// The cell in `language`.
    public func text(_ language: ReportLanguage) -> String {
        switch self {
        case .text(let text): return text
        case .term(let key): return Terms.text(key, language)
        case .phrase(let phrase): return phrase.text(language)
        case .list(let cells, let separator): return cells.map { $0.text(language) }.joined(separator: separator)
        }
    }
}
