import ArgumentParser
import Foundation
import LandRegistry

/// The `landreg` command: parses, calls the library, prints, and maps results
/// to the contract's exit codes (0 success, 1 bad input or unreadable
/// registry, 2 wrong usage, 3 `--fail-on` met).
@main
enum Main {
    static func main() {
        // A one-plot check, a layer's import: every process start counts. A
        // command without subcommands of its own is parsed directly, without
        // building the whole command tree (ArgumentParser reflects on every
        // subcommand); help, completion and nested commands go through the root.
        Registry.prepareProcess()
        var arguments = Array(CommandLine.arguments.dropFirst())
        Speech.choose(from: arguments)
        // `landreg help COMMAND --lang zh`: the language is chosen, the help command takes no options.
        if arguments.first == "help" { arguments = Speech.withoutLanguage(arguments) }
        let asked = arguments.contains { $0 == "-h" || $0 == "--help" || $0.hasPrefix("--generate-completion") }
        // By the name each command's configuration spells out (not `_commandName`, which reflects).
        let sub = asked ? nil : Landreg.configuration.subcommands.first {
            $0.configuration.commandName == arguments.first && $0.configuration.subcommands.isEmpty
        }
        let direct = sub != nil
        let root: any ParsableCommand.Type = sub ?? Landreg.self
        do {
            var command: any ParsableCommand = try sub.map { try $0.parse(Array(arguments.dropFirst())) } ?? Landreg.parseAsRoot(arguments)
            try command.run()
        } catch let error as InvalidArgument {
            // A filter that cannot mean what was meant is wrong usage.
            let message = flagName(error.argument) + Speech.language.colon + error.message.spoken(Speech.language)
            switch error.argument {
            case .filter, .otherFilter, .sumBy, .distance: usage(message)
            default: break
            }
            fail(message, hint(error.remedy))
        } catch let error as any LandRegistryError {
            fail(error.text(Speech.language, with: CLIWords.zh), hint(error.remedy))
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            // Usage errors of the direct path are told as the root tells them ("landreg import …").
            if direct, root.exitCode(for: error) != .success {
                do { _ = try Landreg.parseAsRoot() } catch let rootError {
                    report(rootError, root: Landreg.self)
                }
            }
            report(error, root: root)
        }
        exit(0)
    }

    /// An ArgumentParser error (help, usage, failure) as `root` tells it, with its exit code.
    static func report(_ error: any Error, root: any ParsableCommand.Type) -> Never {
        let code = root.exitCode(for: error)
        if code == .success {
            print(Speech.translatedHelp(root.fullMessage(for: error)))
            exit(0)
        }
        if code == .validationFailure {
            printError(Speech.translated(root.fullMessage(for: error)))
            exit(2)
        }
        fail(Speech.translated(root.message(for: error)), nil)
    }


    /// One of ArgumentParser's error sentences as a phrase.
    static func parserError(_ text: String) -> Phrase {
        if let m = text.firstMatch(of: /^Missing expected argument '(.+)'$/) { return "Missing expected argument '\(String(m.1))'" }
        if let m = text.firstMatch(of: /^Missing value for '(.+)'$/) { return "Missing value for '\(String(m.1))'" }
        if let m = text.firstMatch(of: /^Unexpected argument '(.+)'$/) { return "Unexpected argument '\(String(m.1))'" }
        if let m = text.firstMatch(of: /^Unknown option '(.+)'\. Did you mean '(.+)'\?$/) { return "Unknown option '\(String(m.1))'. Did you mean '\(String(m.2))'?" }
        if let m = text.firstMatch(of: /^Unknown option '(.+)'$/) { return "Unknown option '\(String(m.1))'" }
        if let m = text.firstMatch(of: /^The value '(.*)' is invalid for '(.+)'\. Please provide one of the following:$/) {
            return "The value '\(String(m.1))' is invalid for '\(String(m.2))'. Please provide one of the following:"
        }
        if let m = text.firstMatch(of: /^The value '(.*)' is invalid for '(.+)'$/) { return "The value '\(String(m.1))' is invalid for '\(String(m.2))'" }
        return Phrase(verbatim: text)
    }

    static func usage(_ message: String) -> Never {
        printError(Phrase("landreg: error: \(oneLine(message))").spoken(Speech.language))
        exit(2)
    }

    static func fail(_ message: String, _ hint: Phrase?) -> Never {
        let text = hint.map { Phrase("\(message) (\($0))").spoken(Speech.language) } ?? message
        printError(Phrase("landreg: error: \(oneLine(text))").spoken(Speech.language))
        exit(1)
    }

    /// The CLI's advice for a library remedy: the flag to pass.
    static func hint(_ remedy: Remedy?) -> Phrase? {
        switch remedy {
        case nil: return nil
        case .giveInputCRS?: return "pass --srid with the EPSG code, e.g. --srid 4547"
        case .giveEncoding?: return "pass --encoding, e.g. --encoding GBK"
        case .giveFormat?: return "use --format"
        case .repairGeometry?: return "--make-valid repairs it"
        case .upsert?: return "use --mode upsert to update it"
        case .giveReason?: return "give it with --note"
        case .giveUse?: return "pass --use CODE for the proposals that lack one, or --map use=FIELD"
        case .giveClassification?: return "pass --classification 2017"
        case .createRegistry?: return "create one with 'landreg init', or pass --db PATH"
        case .chooseAnotherPath?: return "remove it first or choose another --db path"
        }
    }

    /// The flag that gave a library argument.
    static func flagName(_ argument: InvalidArgument.Argument) -> String {
        switch argument {
        case .date: return "--date"
        case .asOf: return "--as-of"
        case .permitKind: return "--kind"
        case .registryCRS: return "--srid"
        case .setting(let name): return Phrase("setting \(name)").spoken(Speech.language)
        case .filter(let filter): return "--where '\(filter)'"
        case .otherFilter(let filter): return "--other-where '\(filter)'"
        case .sumBy(let key): return "--sum-by '\(key)'"
        case .distance: return "--distance"
        case .limit: return Phrase("limit").spoken(Speech.language)
        case .remedy: return Phrase("remedy").spoken(Speech.language)
        // Asked by the feature service only.
        case .pageSize: return "limit"
        case .bbox: return "bbox"
        case .crs: return "crs"
        case .account(let name): return Phrase("account '\(name)'").spoken(Speech.language)
        }
    }
}

struct Landreg: ParsableCommand {
    static let configuration = command("landreg", "A spatial registry of land and water-pollution risks for a county.",
        discussion: ["The registry is one SpatiaLite file: --db PATH, else $LANDREG_DB, else ./registry.sqlite. Exit status: 0 success, 1 bad input or unreadable registry, 2 wrong usage."],
        version: landregVersion,
        subcommands: [Init.self, Import.self, Export.self, Check.self, Checks.self, List.self, Show.self, Info.self, Settings.self,
                      StageCommand.self, Reclass.self, History.self, Permit.self, Review.self, Vacated.self, Delete.self, QueryCommand.self, Audit.self,
                      Monitor.self, RemedyCommand.self, Water.self, Air.self, Serve.self, User.self])
}

