import ArgumentParser
import Foundation
import LandRegistry

/// The language the CLI speaks — `--lang` on the command line, else the
/// locale (LC_ALL, LC_MESSAGES, LANG) — for every message, summary line and
/// report a command writes. Chosen once, before the command is parsed, so
/// that its own usage errors speak it too.
enum Speech {
    nonisolated(unsafe) static var language: ReportLanguage = .fromEnvironment

    /// `--lang zh|en` (or `--lang=zh`) among `arguments`, else the locale.
    static func choose(from arguments: [String]) {
        for (i, argument) in arguments.enumerated() {
            let value = argument.hasPrefix("--lang=") ? String(argument.dropFirst(7)) : argument == "--lang" && i + 1 < arguments.count ? arguments[i + 1] : nil
            if let value, let chosen = ReportLanguage(rawValue: value) { language = chosen }
        }
    }

    /// `arguments` without `--lang X` or `--lang=X`.
    static func withoutLanguage(_ arguments: [String]) -> [String] {
        var out: [String] = [], skip = false
        for argument in arguments {
            if skip { skip = false; continue }
            if argument == "--lang" { skip = true; continue }
            if !argument.hasPrefix("--lang=") { out.append(argument) }
        }
        return out
    }
}

/// `--lang` for the commands whose output is only messages and tables.
struct LanguageOption: ParsableArguments {
    @Option(help: manual("Language of messages: zh or en (default: from LANG)."))
    var lang: ReportLanguage?
}

/// A help text (`--help`) in the CLI's language: the manual's English as
/// written, or its Chinese from the catalogue.
func manual(_ text: Phrase, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(text.text(Speech.language), valueName: valueName)
}

/// A command's abstract or discussion in the CLI's language, a paragraph
/// (or an example, `Phrase(verbatim:)`) per line.
func manualText(_ paragraphs: Phrase...) -> String {
    paragraphs.map { $0.text(Speech.language) }.joined(separator: "\n")
}

/// A line of output in the CLI's language.
func say(_ phrase: Phrase) { print(phrase.text(Speech.language)) }

/// A warning on standard error in the CLI's language.
func warn(_ phrase: Phrase) { printError(Phrase("landreg: warning: \(phrase)").text(Speech.language)) }

/// Wrong usage found by a command's own validation, in the CLI's language.
func usageError(_ phrase: Phrase) -> ValidationError { ValidationError(phrase.text(Speech.language)) }

/// Column names of a table in the CLI's language.
func words(_ phrases: [Phrase]) -> [String] { phrases.map { $0.text(Speech.language) } }
