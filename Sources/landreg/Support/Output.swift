import Foundation
import LandRegistry

/// Writes to standard error.
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Whether standard error is a terminal (for progress lines).
var stderrIsTerminal: Bool { isatty(2) == 1 }

/// The login name, for records.
var loginName: String { ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

/// A property value as a person reads it.
func display(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): return s
    default: return value.jsonText
    }
}

/// A progress line on standard error, rewritten in place — only when
/// standard error is a terminal (never in redirected output), and only for
/// jobs long enough to need one.
final class Progress {
    private let label: (Int) -> Phrase
    private let every: Int
    private var shown = false
    let active: Bool

    /// `label` says what is done so far (e.g. "checked 2,000 proposals").
    init(every: Int, _ label: @escaping (Int) -> Phrase) {
        self.every = every
        self.label = label
        active = stderrIsTerminal
    }

    func update(_ count: Int) {
        guard active, count % every == 0 else { return }
        printError("\r\(label(count).spoken(Speech.language))…", terminator: "")
        shown = true
    }

    /// Ends the line (if one was shown).
    func finish() {
        if shown { printError("") }
        shown = false
    }
}
