#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A buffered text output to a file or standard output. A file is written
/// under a temporary name and renamed into place by `finish()`, so a failed
/// export never leaves a half-written file.
public final class OutputSink {
    @exclusivity(unchecked) private var file: UnsafeMutablePointer<FILE>?
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let finalPath: String?
    private let temporaryPath: String?
    @exclusivity(unchecked) private var finished = false

    /// Standard output.
    public init() {
        file = fdopen(dup(1), "wb")
        finalPath = nil
        temporaryPath = nil
        buffer.reserveCapacity(1 << 16)
    }

    /// A file, created or replaced when `finish()` succeeds.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard let file = fopen(temporary, "wb") else {
            throw InputError(file: path, message: "cannot write the file (\(String(cString: strerror(errno))))")
        }
        self.file = file
        finalPath = path
        temporaryPath = temporary
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !finished {
            if let file { fclose(file) }
            if let temporaryPath { unlink(temporaryPath) }
        }
    }

    @inline(__always)
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    @inline(__always)
    func write(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard let file, !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; moves a file into place.
    public func finish() throws {
        flush()
        finished = true
        guard let file else { return }
        let failed = ferror(file) != 0
        fclose(file)
        self.file = nil
        if let temporaryPath, let finalPath {
            if failed || rename(temporaryPath, finalPath) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporaryPath)
                throw InputError(file: finalPath, message: "cannot write the file (\(reason))")
            }
        }
    }
}
