import Foundation

/// The one error model of the library: every error it throws says, in one
/// line and in the library's own terms, what is wrong and where. The errors
/// come by kind — bad input (`InputError`), a bad argument
/// (`InvalidArgument`), a broken domain rule (`RuleViolation`), the registry
/// file (`RegistryError`), the geometry engine (`GeometryEngineError`) — and
/// each may carry a `Remedy` that a front end turns into its own advice (the
/// CLI names the flag to pass).
public protocol LandRegistryError: LocalizedError, CustomStringConvertible, Sendable {
    /// What the user can do about it, when there is one thing to do.
    var remedy: Remedy? { get }
    /// The error in `language` (its `description` is the English), a front
    /// end's own words (`words`, as `Phrase.text(_:with:)` takes them) beside
    /// the library's.
    func text(_ language: ReportLanguage, with words: [String: String]) -> String
}

extension LandRegistryError {
    /// The error in `language`, in the library's words.
    public func text(_ language: ReportLanguage) -> String { text(language, with: [:]) }
    public var errorDescription: String? { description }
    public var remedy: Remedy? { nil }
    public var description: String { text(.en) }
}

/// What a user can do to get past an error.
public enum Remedy: Sendable, Equatable {
    /// Say which CRS the input's coordinates are in (an EPSG code).
    case giveInputCRS
    /// Say which text encoding the file is in.
    case giveEncoding
    /// Say which reader to use.
    case giveFormat
    /// Repair invalid geometries instead of rejecting them.
    case repairGeometry
    /// Update features that are already in the layer.
    case upsert
    /// Give the reason for the change.
    case giveReason
    /// Give a proposal's land-use code (in the file, or as the check's default).
    case giveUse
    /// Say which land-use classification the file's codes are in (2017 or 2023).
    case giveClassification
    /// Create a registry first, or name another one.
    case createRegistry
    /// Choose another path for a new registry.
    case chooseAnotherPath
}

/// Bad input: what is wrong and where (file, feature, code, property), in one
/// line. Nothing is written to the registry when one is thrown.
public struct InputError: LandRegistryError {
    public var file: String
    /// 1-based feature number in the file.
    public var feature: Int?
    public var code: String?
    public var property: String?
    /// 1-based line, for syntax errors and line-based formats.
    public var line: Int?
    public var message: Phrase
    public var remedy: Remedy?

    public init(file: String, feature: Int? = nil, code: String? = nil, property: String? = nil,
                line: Int? = nil, message: Phrase, remedy: Remedy? = nil) {
        self.file = file
        self.feature = feature
        self.code = code
        self.property = property
        self.line = line
        self.message = message
        self.remedy = remedy
    }

    public func text(_ language: ReportLanguage, with words: [String: String]) -> String {
        var location = file
        if let line { location += ":\(line)" }
        var parts: [Phrase] = [Phrase(verbatim: location)]
        switch (feature, code) {
        case let (feature?, code?): parts.append(Phrase("feature \(feature) (code \(code))"))
        case let (feature?, nil): parts.append(Phrase("feature \(feature)"))
        case let (nil, code?): parts.append(Phrase("code \(code)"))
        case (nil, nil): break
        }
        if let property { parts.append(Phrase("property '\(property)'")) }
        parts.append(message)
        return oneLine(parts.map { $0.text(language, with: words) }.joined(separator: language.colon))
    }
}

/// Text from a file, shown in an error on one line: control characters and
/// line separators (a newline in a mutated field name, U+0085, U+2028) as escapes.
public func oneLine(_ text: String) -> String {
    func breaks(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
    guard text.unicodeScalars.contains(where: breaks) else { return text }
    return String(text.unicodeScalars.map { scalar -> String in
        breaks(scalar) ? "\\u{" + String(scalar.value, radix: 16) + "}" : String(scalar)
    }.joined())
}

/// A value passed to a library call that it cannot use (a date, a setting, a
/// filter), named by what it is, not by any front end's spelling of it.
public struct InvalidArgument: LandRegistryError {
    public enum Argument: Sendable, Equatable {
        /// The date a change takes effect.
        case date
        /// The date the registry is viewed as of.
        case asOf
        /// The kind of a permit.
        case permitKind
        /// The registry's CRS.
        case registryCRS
        /// A setting's name or value.
        case setting(String)
        /// A property filter.
        case filter(String)
        /// A property filter on a query's other side (a layer or a file).
        case otherFilter(String)
        /// What a query sums by.
        case sumBy(String)
        /// A query's distance.
        case distance
        /// A discharge limit (its value, subject or parameter).
        case limit
        /// A remedy's deadline or responsible party.
        case remedy
        /// How many features a page holds.
        case pageSize
        /// A bounding box (its numbers or its CRS).
        case bbox
        /// The CRS coordinates are asked in.
        case crs
        /// An account (its name, role, password or token).
        case account(String)
    }

    public let argument: Argument
    public let message: Phrase
    public var remedy: Remedy?

    public init(_ argument: Argument, _ message: Phrase, remedy: Remedy? = nil) {
        self.argument = argument
        self.message = message
        self.remedy = remedy
    }

    public func text(_ language: ReportLanguage, with words: [String: String]) -> String {
        argumentName.text(language, with: words) + language.colon + message.text(language, with: words)
    }

    /// What the argument is, as the library calls it.
    private var argumentName: Phrase {
        switch argument {
        case .date: return "date"
        case .asOf: return "as-of date"
        case .permitKind: return "permit kind"
        case .registryCRS: return "registry CRS"
        case .setting(let setting): return "setting \(setting)"
        case .filter(let filter), .otherFilter(let filter): return "filter '\(filter)'"
        case .sumBy(let key): return "sum by '\(key)'"
        case .distance: return "distance"
        case .limit: return "limit"
        case .remedy: return "remedy"
        case .pageSize: return "page size"
        case .bbox: return "bbox"
        case .crs: return "CRS"
        case .account(let name): return "account '\(name)'"
        }
    }
}

/// A domain rule the change would break (an illegal stage change, a permit
/// without a check): always names the feature or proposal by its code.
public struct RuleViolation: LandRegistryError {
    /// What the code names: a layer's name, or "proposal".
    public let subject: String
    public let code: String
    public let property: String?
    public let message: Phrase
    public var remedy: Remedy?

    public init(subject: String, code: String, property: String? = nil, message: Phrase, remedy: Remedy? = nil) {
        self.subject = subject
        self.code = code
        self.property = property
        self.message = message
        self.remedy = remedy
    }

    public func text(_ language: ReportLanguage, with words: [String: String]) -> String {
        // A layer's name, or a `Subject` (proposal, section, outfall).
        let context = Terms.zh["subject.\(subject)"] == nil ? "layer" : "subject"
        var parts: [Phrase] = ["\(term: subject, in: context) \(code)"]
        if let property { parts.append(Phrase("property '\(property)'")) }
        parts.append(message)
        return parts.map { $0.text(language, with: words) }.joined(separator: language.colon)
    }
}

/// A registry that cannot be opened, created or read, in one line.
public struct RegistryError: LandRegistryError {
    public let message: Phrase
    public var remedy: Remedy?
    public init(_ message: Phrase, remedy: Remedy? = nil) {
        self.message = message
        self.remedy = remedy
    }
    public func text(_ language: ReportLanguage, with words: [String: String]) -> String { message.text(language, with: words) }
}
