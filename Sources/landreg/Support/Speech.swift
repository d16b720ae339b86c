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
    ArgumentHelp(text.spoken(Speech.language), valueName: valueName)
}

/// A command's abstract or discussion in the CLI's language, a paragraph
/// (or an example, `Phrase(verbatim:)`) per line.
func manualText(_ paragraphs: Phrase...) -> String {
    paragraphs.map { $0.spoken(Speech.language) }.joined(separator: "\n")
}

/// A command's entry in the manual: its name, its one-line description and
/// its discussion (a paragraph, or an example `Phrase(verbatim:)`, a line),
/// spoken in the CLI's language.
func command(_ name: String, _ abstract: Phrase, discussion: [Phrase] = [], version: String = "",
             subcommands: [ParsableCommand.Type] = [], defaultSubcommand: ParsableCommand.Type? = nil) -> CommandConfiguration {
    CommandConfiguration(commandName: name, abstract: manualText(abstract),
                         discussion: discussion.map { $0.spoken(Speech.language) }.joined(separator: "\n"),
                         version: version, subcommands: subcommands, defaultSubcommand: defaultSubcommand)
}

/// A line of output in the CLI's language.
func say(_ phrase: Phrase) { print(phrase.spoken(Speech.language)) }

/// A warning on standard error in the CLI's language.
func warn(_ phrase: Phrase) { printError(Phrase("landreg: warning: \(phrase)").spoken(Speech.language)) }

/// Wrong usage found by a command's own validation, in the CLI's language.
func usageError(_ phrase: Phrase) -> ValidationError { ValidationError(phrase.spoken(Speech.language)) }

/// Column names of a table in the CLI's language.
func words(_ phrases: [Phrase]) -> [String] { phrases.map { $0.spoken(Speech.language) } }

extension Speech {
    /// ArgumentParser's own words (its usage errors) in the CLI's language;
    /// a Chinese usage error leaves ArgumentParser's "Help:" line out (the
    /// usage line and the pointer to `--help` follow it).
    static func translated(_ text: String) -> String {
        guard Speech.language == .zh else { return text }
        var lines: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("Help: ") { continue }
            if line.hasPrefix("Error: ") {
                lines.append(Phrase("Error: \(Main.parserError(String(line.dropFirst(7))))").spoken(.zh))
            } else if line.hasPrefix("Usage: ") {
                lines.append(Phrase("Usage: \(String(line.dropFirst(7)))").spoken(.zh))
            } else if let see = line.firstMatch(of: /^\s*See '(.+)' for more information\.$/) {
                lines.append(Phrase("  See '\(String(see.1))' for more information.").spoken(.zh))
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// ArgumentParser's own words in a help text (headings, its options,
    /// the annotations of values) in the CLI's language; the commands' own
    /// texts come translated (`manual`).
    static func translatedHelp(_ text: String) -> String {
        guard Speech.language == .zh else { return text }
        // Each phrase's English is what ArgumentParser writes.
        let words: [Phrase] = ["OVERVIEW: ", "USAGE: ", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show the version.",
                               "Show subcommand help information.", "Show help information.", "(values:", "(default:", " (default)"]
        let translated = words.reduce(text) { text, word in text.replacingOccurrences(of: word.spoken(.en), with: word.spoken(.zh)) }
            .replacing(/;(\s+)default:/) { Phrase(";\(String($0.1))default:").spoken(.zh) }
        return translated.replacing(/See '(landreg help [^']*)<subcommand>' for detailed help\./) { match in
            Phrase("See '\(String(match.1))<subcommand>' for detailed help.").spoken(.zh)
        }
    }
}

extension Phrase {
    /// The phrase in `language` with the CLI's own words (`CLIWords`) beside the library's.
    func spoken(_ language: ReportLanguage) -> String { text(language, with: CLIWords.zh) }
}
