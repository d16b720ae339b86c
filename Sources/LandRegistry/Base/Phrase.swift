import Foundation

/// The language people read: Chinese or English.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case zh, en

    /// Chinese when the locale environment says so, else English.
    public static var fromEnvironment: ReportLanguage {
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_MESSAGES"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }

    // The punctuation of the two languages, here and nowhere else (with
    // `Terms` and `Phrase`, the one place that renders by language).

    /// What separates a label from what it labels: "：" in Chinese, ": " in English.
    public var colon: String { self == .zh ? "：" : ": " }
    /// "，" in Chinese, ", " in English.
    public var comma: String { self == .zh ? "，" : ", " }
    /// Between the items of a list: "；" in Chinese, `english` ("; " unless said) in English.
    public func listSeparator(english: String = "; ") -> String { self == .zh ? "；" : english }
    /// Between the words of one enumeration: "、" in Chinese, ", " in English.
    public var enumerationSeparator: String { self == .zh ? "、" : ", " }
    /// "（text）" in Chinese, "(text)" in English.
    public func parenthesized(_ text: String) -> String { self == .zh ? "（\(text)）" : "(\(text))" }
    /// After a word: "（text）" in Chinese, " (text)" in English.
    public func bracketed(_ text: String) -> String { self == .zh ? "（\(text)）" : " (\(text))" }
    /// The language's tag in an HTML page.
    public var htmlTag: String { self == .zh ? "zh-CN" : "en" }
}

/// A message people read, in both languages. It is written in the code as
/// English with interpolations (`"no farmland parcel with code \(code)"`);
/// its key is that English with `{}` for each interpolation, and its Chinese
/// is the key's entry in the one catalogue (`Catalogue.zh`), whose `{}` (or
/// numbered `{1}`, `{2}` when Chinese puts them in another order) take the
/// same values. Values from files, codes and numbers are shown as they are;
/// contract words (`\(term: layer)`) and nested phrases are shown
/// in the phrase's language.
public struct Phrase: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public indirect enum Argument: Sendable, Hashable {
        /// Shown as it is: a code, a file name, a number, a value from a file.
        case text(String)
        /// A contract word (a layer, a stage) by its key in the terms table
        /// (`stage.suspected`): in Chinese as the table says, in English its name.
        case term(String)
        case phrase(Phrase)
        /// A list of contract words (the values a property may take), each by its key.
        case terms([String])
    }

    /// The English template, `{}` for each argument.
    public let key: String
    public let arguments: [Argument]

    public init(stringLiteral value: String) {
        key = value
        arguments = []
    }

    public init(stringInterpolation: StringInterpolation) {
        key = stringInterpolation.key
        arguments = stringInterpolation.arguments
    }

    /// Text that is the same in both languages (a message from SQLite, PROJ or the system).
    public init(verbatim text: String) {
        key = "{}"
        arguments = [.text(text)]
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var key = ""
        var arguments: [Argument] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { key += literal }
        public mutating func appendInterpolation(_ phrase: Phrase) {
            key += "{}"
            arguments.append(.phrase(phrase))
        }
        public mutating func appendInterpolation<T: Term>(term: T) {
            key += "{}"
            arguments.append(.term(term.termKey))
        }
        public mutating func appendInterpolation<T: Term>(terms: [T]) {
            key += "{}"
            arguments.append(.terms(terms.map(\.termKey)))
        }
        /// A value of `context` known by its name (a property's value read from a file).
        public mutating func appendInterpolation(term name: String, in context: String) {
            key += "{}"
            arguments.append(.term(context + "." + name))
        }
        public mutating func appendInterpolation(terms names: [String], in context: String) {
            key += "{}"
            arguments.append(.terms(names.map { context + "." + $0 }))
        }
        public mutating func appendInterpolation<T>(_ value: T) {
            key += "{}"
            arguments.append(.text(String(describing: value)))
        }
    }

    /// The phrase in `language` (English where the catalogue has no Chinese).
    public func text(_ language: ReportLanguage) -> String { text(language, with: [:]) }

    /// The phrase in `language`, a front end's own words (`words`, keyed as
    /// the catalogue is) looked up before the library's catalogue.
    public func text(_ language: ReportLanguage, with words: [String: String]) -> String {
        let values = arguments.map { argument -> String in
            switch argument {
            case .text(let text): return text
            case .term(let key): return Terms.text(key, language)
            case .phrase(let phrase): return phrase.text(language, with: words)
            case .terms(let keys): return keys.map { Terms.text($0, language) }.joined(separator: language.enumerationSeparator)
            }
        }
        let template = language == .zh ? words[key] ?? Catalogue.zh[key] ?? key : key
        return Phrase.fill(template, with: values)
    }

    public var description: String { text(.en) }

    /// `template` with its `{}` taken in order and `{n}` as the n-th value
    /// (scanned as UTF-8: the braces are ASCII, the Chinese between them is copied whole).
    static func fill(_ template: String, with values: [String]) -> String {
        guard !values.isEmpty else { return template }
        var template = template
        return template.withUTF8 { t in
            var out: [UInt8] = []
            out.reserveCapacity(t.count + values.reduce(0) { $0 + $1.utf8.count })
            var next = 0, at = 0, copied = 0
            while at < t.count {
                guard t[at] == UInt8(ascii: "{") else { at += 1; continue }
                out.append(contentsOf: t[copied..<at])
                let inside = at + 1
                guard let close = t[inside...].firstIndex(of: UInt8(ascii: "}")) else { copied = at; break }
                let n = close == inside ? next + 1 : Int(String(decoding: t[inside..<close], as: UTF8.self))
                if let n, n >= 1, n <= values.count {
                    out.append(contentsOf: values[n - 1].utf8)
                    if close == inside { next += 1 }
                    at = close + 1
                } else {
                    out.append(UInt8(ascii: "{"))
                    at = inside
                }
                copied = at
            }
            out.append(contentsOf: t[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Two phrases one after the other (a message and its hint), each keyed on its own.
    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase {
        Phrase(key: "{}{}", arguments: [.phrase(lhs), .phrase(rhs)])
    }

    public static func += (lhs: inout Phrase, rhs: Phrase) { lhs = lhs + rhs }

    init(key: String, arguments: [Argument]) {
        self.key = key
        self.arguments = arguments
    }
}
