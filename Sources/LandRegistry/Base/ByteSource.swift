#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered forward-only byte reader over a file or an in-memory buffer,
/// so readers can stream files of any size in constant memory.
final class ByteSource {
    @exclusivity(unchecked) private var file: UnsafeMutablePointer<FILE>?
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    @exclusivity(unchecked) private(set) var position = 0
    @exclusivity(unchecked) private(set) var count = 0
    /// Bytes consumed before the current buffer (for error offsets).
    @exclusivity(unchecked) private(set) var consumedBefore = 0
    /// 1-based line number of the current position.
    @exclusivity(unchecked) private(set) var line = 1
    let name: String

    /// Opens a file for reading; `nil` if it cannot be opened.
    init?(path: String, bufferSize: Int = 1 << 20) {
        guard let file = fopen(path, "rb") else { return nil }
        self.file = file
        self.capacity = bufferSize
        self.buffer = .allocate(capacity: bufferSize)
        self.name = path
    }

    /// Reads from standard input.
    init(standardInput: Void, bufferSize: Int = 1 << 20) {
        self.file = fdopen(dup(0), "rb")
        self.capacity = bufferSize
        self.buffer = .allocate(capacity: bufferSize)
        self.name = "<stdin>"
    }

    /// Reads from bytes in memory.
    init(bytes: [UInt8], name: String = "<memory>") {
        self.file = nil
        self.capacity = max(bytes.count, 1)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
        }
        self.buffer = buffer
        self.count = bytes.count
        self.name = name
    }

    deinit {
        if let file { fclose(file) }
        buffer.deallocate()
    }

    /// Byte offset of the current position from the start of the input.
    var offset: Int { consumedBefore + position }

    /// Refills the buffer; false at end of input.
    private func refill() -> Bool {
        guard let file else { return false }
        consumedBefore += count
        position = 0
        count = fread(buffer, 1, capacity, file)
        return count > 0
    }

    /// Skips a UTF-8 byte-order mark at the start (Windows tools write one;
    /// RFC 8259 lets a parser ignore it).
    func skipByteOrderMark() {
        guard offset == 0, peek() == 0xEF else { return }
        guard position + 3 <= count, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF else { return }
        position += 3
    }

    /// The current byte without consuming it; nil at the end.
    @inline(__always)
    func peek() -> UInt8? {
        if position < count { return buffer[position] }
        return refill() ? buffer[position] : nil
    }

    /// Consumes and returns the current byte; nil at the end.
    @inline(__always)
    func next() -> UInt8? {
        if position >= count, !refill() { return nil }
        let byte = buffer[position]
        position += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    /// Calls `body` with the bytes buffered from the current position on (as
    /// many as the buffer holds; none at the end of input); `body` returns how
    /// many of them it consumed — never a newline — and its result.
    @inline(__always)
    func scanBuffered<T>(_ body: (UnsafeBufferPointer<UInt8>) -> (consumed: Int, result: T)) -> T {
        if position >= count { _ = refill() }
        let (consumed, result) = body(UnsafeBufferPointer(start: buffer + position, count: count - position))
        position += consumed
        return result
    }

    /// Skips JSON white space; returns the next byte without consuming it.
    @inline(__always)
    func skipWhitespace() -> UInt8? {
        while true {
            if position >= count, !refill() { return nil }
            let byte = buffer[position]
            switch byte {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A: position += 1; line += 1
            default: return byte
            }
        }
    }

    /// Appends bytes to `out` up to (not including) the first `"`, `\\` or
    /// control byte, and returns that byte (nil at the end of input).
    /// `ascii` is cleared when a byte ≥ 0x80 was copied.
    @inline(__always)
    func scanStringRun(into out: inout [UInt8], ascii: inout Bool) -> UInt8? {
        while true {
            if position >= count, !refill() { return nil }
            let start = position
            var i = position
            var high: UInt8 = 0
            while i < count {
                let byte = buffer[i]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                high |= byte
                i += 1
            }
            if i > start {
                out.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: i - start))
                if high >= 0x80 { ascii = false }
            }
            position = i
            if i < count { return buffer[i] }
        }
    }

}
