import ArgumentParser
import Foundation
import LandRegistry

/// The `landreg` command: parses, calls the library, prints, and maps results
/// to the contract's exit codes (0 success, 1 bad input or unreadable
/// registry, 2 wrong usage, 3 `--fail-on` met).
@main
enum Main {
    static func main() {
        do {
            var command = try Landreg.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail(error.description)
        } catch let error as RegistryError {
            fail(error.description)
        } catch let error as GeometryEngineError {
            fail(error.description)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Landreg.exitCode(for: error)
            if code == .success {
                print(Landreg.fullMessage(for: error))
                exit(0)
            }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Landreg.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            fail(Landreg.message(for: error))
        }
        exit(0)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("landreg: error: \(message)\n".utf8))
        exit(1)
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
        version: "0.1.0",
        subcommands: [Init.self, Import.self, Export.self, Check.self, Checks.self, List.self, Show.self, Info.self, Settings.self,
                      StageCommand.self, Reclass.self, History.self, Permit.self, Review.self, Vacated.self])
}

/// `--db PATH`, shared by every command.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The registry file (default: $LANDREG_DB, else registry.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["LANDREG_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "registry.sqlite"
    }

    /// One process, one connection: the CLI never reads concurrently.
    func open() throws -> Registry { try Registry.open(at: path, concurrentReads: false) }
}

extension Layer: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ImportMode: ExpressibleByArgument {}

/// `--map` and `--encoding`, shared by the commands that read files.
struct ReaderOptions: ParsableArguments {
    @Option(name: .customLong("map"), help: ArgumentHelp("Shapefile fields to properties, e.g. code=DKBM,name=DKMC.", valueName: "property=FIELD,…"))
    var mapping: String?

    @Option(help: "The text encoding of a Shapefile's attributes or a text file (UTF-8, GBK …); default: .cpg, else detected.")
    var encoding: String?

    func validate() throws {
        if let mapping, fieldMapping(mapping) == nil {
            throw ValidationError("--map '\(mapping)' is not property=FIELD[,property=FIELD…]")
        }
    }

    /// Field name → property.
    var fields: [String: String] { mapping.flatMap(fieldMapping) ?? [:] }
}

func fieldMapping(_ text: String) -> [String: String]? {
    var result: [String: String] = [:]
    for pair in text.split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        result[parts[1]] = parts[0]
    }
    return result
}

/// Writes to standard error.
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Whether standard error is a terminal (for progress lines).
var stderrIsTerminal: Bool { isatty(2) == 1 }
