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
}

/// `--lang` for the commands whose output is only messages and tables.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of messages: zh or en (default: from LANG).")
    var lang: ReportLanguage?
}

/// A line of output in the CLI's language.
func say(_ phrase: Phrase) { print(phrase.text(Speech.language)) }

/// A warning on standard error in the CLI's language.
func warn(_ phrase: Phrase) { printError(Phrase("landreg: warning: \(phrase)").text(Speech.language)) }

/// Wrong usage found by a command's own validation, in the CLI's language.
func usageError(_ phrase: Phrase) -> ValidationError { ValidationError(phrase.text(Speech.language)) }

/// Column names of a table in the CLI's language.
func words(_ phrases: [Phrase]) -> [String] { phrases.map { $0.text(Speech.language) } }
