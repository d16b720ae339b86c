import ArgumentParser
import Foundation
import LandRegistry
import LandRegistryServer

struct Serve: ParsableCommand {
    static let configuration = command("serve", "Serve the registry as an OGC API – Features service (GDAL, QGIS, a browser) until SIGINT or SIGTERM.",
        discussion: ["One access-log line per request on standard error. Only the loopback address until the registry has accounts."])

    @OptionGroup var registry: RegistryOptions

    @Option(help: manual("The address to listen on.")) var host = "127.0.0.1"

    @Option(help: manual("The port to listen on (0: one the system chooses, printed)."))
    var port = 8080

    @Option(help: manual("Language of pages and messages when a request does not ask (Accept-Language): zh or en (default: from LANG)."))
    var lang: ReportLanguage?

    @Option(help: manual("The base map of the clerk's page (/app): a tile URL template with {z}, {x}, {y} (and {s}), e.g. the office's 天地图 address with its key; default none: the registry's own layers.", valueName: "URL"))
    var basemap: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw usageError("--port must be 0 to 65535") }
    }

    /// Whether the address is this machine's own.
    var loopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }

    func run() throws {
        let opened = try Registry.open(at: registry.path, concurrentReads: true)
        defer { try? opened.close() }
        // Until someone can be told apart (an admin account), the registry stays on this machine.
        let admins = try opened.accountCounts().admins
        guard loopback || admins > 0 else {
            throw usageError("--host \(host) is not a loopback address: the registry has no admin account to protect it (landreg user add NAME --role admin)")
        }
        var server = FeatureServer(registry: opened, host: host, port: port, language: lang ?? Speech.language)
        server.basemap = basemap
        let done = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        let path = opened.path, host = host
        Task {
            do {
                try await server.run { port in
                    printError(Phrase("serving \(path) on http://\(host):\(port)/").spoken(Speech.language))
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            Main.fail(Phrase("cannot serve on \(host):\(port): \(String(describing: error))").spoken(Speech.language), nil)
        }
    }
}

/// What stopped the server, handed from its task to the command.
private final class ServeFailure: @unchecked Sendable {
    var error: Error?
}
