import CGEOS

/// Errors raised by the GEOS engine, with the messages its error handler
/// reported (`GEOSContext_setErrorMessageHandler_r`): told in the user's
/// language, the operation's name and GEOS's own words as GEOS gives them.
public struct GeometryEngineError: LandRegistryError {
    public let operation: String
    public let messages: [String]

    public func text(_ language: ReportLanguage, with words: [String: String]) -> String {
        guard !messages.isEmpty else { return Phrase("GEOS \(operation) failed (an error of the geometry engine)").text(language, with: words) }
        return Phrase("GEOS \(operation) failed (an error of the geometry engine): \(messages.joined(separator: "; "))").text(language, with: words)
    }
}

/// One GEOS context handle (`GEOS_init_r`), finished in `deinit`.
///
/// A context is not thread-safe: use one per thread or task. Geometries made
/// in a context keep it alive.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let sink: MessageSink

    /// Collects the messages GEOS reports through its handler.
    final class MessageSink {
        var messages: [String] = []
    }

    init() {
        guard let handle = GEOS_init_r() else {
            fatalError("GEOS_init_r returned NULL (out of memory)")
        }
        self.handle = handle
        self.sink = MessageSink()
        let userdata = Unmanaged.passUnretained(sink).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            let sink = Unmanaged<MessageSink>.fromOpaque(userdata).takeUnretainedValue()
            sink.messages.append(String(cString: message))
        }, userdata)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The error for a failed call, with whatever GEOS said since the last one.
    func error(_ operation: String) -> GeometryEngineError {
        defer { sink.messages.removeAll() }
        return GeometryEngineError(operation: operation, messages: sink.messages)
    }

    /// GEOS's version string (`GEOSversion`).
    static var version: String { String(cString: GEOSversion()) }
}
