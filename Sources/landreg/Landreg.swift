import ArgumentParser
import Foundation
import LandRegistry

/// The `landreg` command: parses, calls the library, prints, and maps results
/// to the contract's exit codes (0 success, 1 bad input or unreadable
/// registry, 2 wrong usage, 3 `--fail-on` met).
@main
enum Main {
    static func main() {
        // `check` of one plot is the latency that matters: parse it directly,
        // without building the whole command tree (ArgumentParser reflects on
        // every subcommand); help and completion go through the root.
        let arguments = Array(CommandLine.arguments.dropFirst())
        let direct = arguments.first == "check" && !arguments.contains { $0 == "-h" || $0 == "--help" || $0.hasPrefix("--generate-completion") }
        let root: any ParsableCommand.Type = direct ? Check.self : Landreg.self
        do {
            var command = direct ? try Check.parse(Array(arguments.dropFirst())) : try Landreg.parseAsRoot()
            try command.run()
        } catch let error as InvalidArgument {
            // A filter that cannot mean what was meant is wrong usage.
            switch error.argument {
            case .filter, .sumBy, .distance: usage(flagName(error.argument) + ": " + error.message)
            default: break
            }
            fail(flagName(error.argument) + ": " + error.message, hint(error.remedy))
        } catch let error as any LandRegistryError {
            fail(error.description, hint(error.remedy))
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            // Usage errors of the direct path are told as the root tells them ("landreg check …").
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
            print(root.fullMessage(for: error))
            exit(0)
        }
        if code == .validationFailure {
            FileHandle.standardError.write(Data((root.fullMessage(for: error) + "\n").utf8))
            exit(2)
        }
        fail(root.message(for: error), nil)
    }

    static func usage(_ message: String) -> Never {
        FileHandle.standardError.write(Data("landreg: error: \(oneLine(message))\n".utf8))
        exit(2)
    }

    static func fail(_ message: String, _ hint: String?) -> Never {
        let text = oneLine(hint.map { "\(message) (\($0))" } ?? message)
        FileHandle.standardError.write(Data("landreg: error: \(text)\n".utf8))
        exit(1)
    }

    /// The CLI's advice for a library remedy: the flag to pass.
    static func hint(_ remedy: Remedy?) -> String? {
        switch remedy {
        case nil: return nil
        case .giveInputCRS?: return "pass --srid with the EPSG code, e.g. --srid 4547"
        case .giveEncoding?: return "pass --encoding, e.g. --encoding GBK"
        case .giveFormat?: return "use --format"
        case .repairGeometry?: return "--make-valid repairs it"
        case .upsert?: return "use --mode upsert to update it"
        case .giveReason?: return "give it with --note"
        case .giveUse?: return "pass --use CODE for the proposals that lack one, or --map use=FIELD"
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
        case .setting(let name): return "setting \(name)"
        case .filter(let filter): return "--where '\(filter)'"
        case .sumBy(let key): return "--sum-by '\(key)'"
        case .distance: return "--distance"
        case .limit: return "limit"
        case .remedy: return "remedy"
        }
    }
}

struct Landreg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landreg",
        abstract: "A spatial registry of land and water-pollution risks for a county.",
        discussion: """
            The registry is one SpatiaLite file: --db PATH, else $LANDREG_DB, else ./registry.sqlite.
            Exit status: 0 success, 1 bad input or unreadable registry, 2 wrong usage.
            """,
        version: landregVersion,
        subcommands: [Init.self, Import.self, Export.self, Check.self, Checks.self, List.self, Show.self, Info.self, Settings.self,
                      StageCommand.self, Reclass.self, History.self, Permit.self, Review.self, Vacated.self, Delete.self, QueryCommand.self, Audit.self,
                      Monitor.self, RemedyCommand.self, Water.self, Air.self])
}

