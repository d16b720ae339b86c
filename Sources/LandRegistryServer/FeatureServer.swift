import Foundation
import Hummingbird
import LandRegistry
import NIOPosix

/// `landreg serve` (contract §11): the registry as an OGC API – Features
/// service, on the same file the CLI writes. A client of the library's
/// public API like the CLI: each request is read into the library's own
/// values, answered by one library call on a bounded pool of threads (SQLite,
/// GEOS and PROJ block; the event loops never wait on them), and written.
/// The registry is opened as a pool of connections, so that a CLI import
/// runs beside the server and each commit is served as soon as it lands.
public struct FeatureServer: Sendable {
    public var host: String
    public var port: Int
    /// The language of HTML pages and messages when a request does not ask (`Accept-Language`).
    public var language: ReportLanguage
    /// Threads for the blocking work.
    public var threads: Int
    /// The clerk's page's base map: a tile URL template (`{z}`, `{x}`, `{y}`, `{s}`), such as the
    /// office's 天地图 WMTS address with its key; nil: the registry's own layers are the background.
    public var basemap: String?

    private let registry: Registry

    public init(registry: Registry, host: String = "127.0.0.1", port: Int = 8080, language: ReportLanguage = .zh,
                threads: Int = max(2, min(ProcessInfo.processInfo.activeProcessorCount, 8))) {
        self.registry = registry
        self.host = host
        self.port = port
        self.language = language
        self.threads = threads
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in
    /// flight. `listening` is called with the port once the server listens
    /// (the one the system chose for port 0).
    public func run(listening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        let service = Service(registry: registry, pool: pool, language: language, fallbackHost: "\(host):\(port)", basemap: basemap)
        let router = Router(context: ServiceContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessLog(language: language, gatekeeper: Gatekeeper(registry: registry, credentials: service.credentials)))
        service.addRoutes(to: router)
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "landreg"),
                              onServerRunning: { channel in listening(channel.localAddress?.port ?? 0) },
                              logger: Service.quietLogger)
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            try? await pool.shutdownGracefully()
            throw error
        }
        try await pool.shutdownGracefully()
    }
}
