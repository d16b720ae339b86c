#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A buffered text output: standard output, a file, memory, or any
/// `TextOutputStream` through a closure. A file is written under a
/// temporary name and renamed into place by `finish()`, so a failed export
/// never leaves a half-written file.
public final class OutputSink {
    private enum Destination {
        case stream(UnsafeMutablePointer<FILE>?)
        case memory
        case handler((String) -> Void)
    }

    @exclusivity(unchecked) private var destination: Destination
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var collected: [UInt8] = []
    private let finalPath: String?
    private let temporaryPath: String?
    @exclusivity(unchecked) private var finished = false
    /// The buffer's size when it is handed on; a memory sink keeps all.
    private let flushAt: Int

    /// Standard output.
    public init() {
        destination = .stream(fdopen(dup(1), "wb"))
        flushAt = 1 << 16
        finalPath = nil
        temporaryPath = nil
        buffer.reserveCapacity(1 << 16)
    }

    /// A file, created or replaced when `finish()` succeeds. A device, pipe
    /// or socket (`/dev/null`, `/dev/stdout`, a FIFO) is written to as it
    /// is, never replaced; a symbolic link is followed, so the file it names
    /// is replaced and the link kept.
    public init(path: String) throws {
        let special = OutputSink.isSpecialFile(path)
        let path = special ? path : OutputSink.linkTarget(path) ?? path
        // The folder and name split here: Foundation's deletingLastPathComponent traps on a one-character path (`--out x`).
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = special ? nil : directory + "/.\(name).\(getpid()).tmp"
        guard let file = fopen(temporary ?? path, "wb") else { throw OutputSink.cannotWrite(path) }
        destination = .stream(file)
        flushAt = 1 << 16
        finalPath = path
        temporaryPath = temporary
        buffer.reserveCapacity(1 << 16)
    }

    /// The error for a file that cannot be written, with the system's reason.
    private static func cannotWrite(_ path: String) -> InputError {
        InputError(file: path, message: "cannot write the file (\(String(cString: strerror(errno))))")
    }

    /// Whether `path` names something that is neither a regular file nor a
    /// directory (following links).
    private static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    /// The file a symbolic link finally names, when `path` is one.
    private static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Memory: the text is `data` (or `text`) once `finish()` has run.
    public static func memory() -> OutputSink { OutputSink(destination: .memory) }

    /// Hands the text, in pieces, to `write` (e.g. `{ print($0, terminator: "", to: &stream) }`).
    public convenience init(write: @escaping (String) -> Void) {
        self.init(destination: .handler(write))
    }

    private init(destination: Destination) {
        self.destination = destination
        if case .memory = destination { flushAt = .max } else { flushAt = 1 << 16 }
        finalPath = nil
        temporaryPath = nil
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !finished, case .stream(let file) = destination {
            if let file { fclose(file) }
            if let temporaryPath { unlink(temporaryPath) }
        }
    }

    /// What a memory sink collected.
    public var data: Data { Data(collected) }
    /// What a memory sink collected, as text.
    public var text: String { String(decoding: collected, as: UTF8.self) }

    @inline(__always)
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushAt { flush() }
    }

    @inline(__always)
    func write(bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count >= 1 << 16, case .stream(let file?) = destination {
            // A large piece (an export worker's chunk) goes to the file without a copy into the buffer.
            flush()
            _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushAt { flush() }
    }

    private func flush(all: Bool = false) {
        guard !buffer.isEmpty else { return }
        switch destination {
        case .stream(let file?): buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        case .stream(nil): break
        case .memory:
            // Kept in the buffer until the end, then taken as it is, not copied.
            guard all else { return }
            if collected.isEmpty { swap(&collected, &buffer) } else { collected += buffer }
        case .handler(let write):
            // Whole characters only: cut after the last ASCII byte.
            let cut = all ? buffer.count : (buffer.lastIndex { $0 < 0x80 }.map { $0 + 1 } ?? 0)
            guard cut > 0 else { return }
            write(String(decoding: buffer[..<cut], as: UTF8.self))
            buffer.removeSubrange(..<cut)
            return
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; moves a file into place.
    public func finish() throws {
        flush(all: true)
        finished = true
        guard case .stream(let file?) = destination else { return }
        let failed = ferror(file) != 0
        fclose(file)
        destination = .stream(nil)
        guard let finalPath else { return }
        if let temporaryPath, failed || rename(temporaryPath, finalPath) != 0 {
            let error = OutputSink.cannotWrite(finalPath)
            unlink(temporaryPath)
            throw error
        }
        if failed { throw OutputSink.cannotWrite(finalPath) }
    }
}
