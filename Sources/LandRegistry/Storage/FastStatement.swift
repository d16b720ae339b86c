import CSpatiaLite
import Foundation
import GRDB

/// A prepared GRDB statement run through SQLite's C API with values bound
/// directly: the per-row path of bulk imports, where building
/// `StatementArguments` for every row costs more than the insert itself.
/// Use only inside a GRDB transaction on the statement's own connection.
struct FastStatement {
    let statement: Statement
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement) { self.statement = statement }

    var handle: OpaquePointer { statement.sqliteStatement }

    /// Binds `values` from parameter `start` (1-based) on.
    func bind(_ values: [DatabaseValue], from start: Int32 = 1) {
        var index = start
        for value in values {
            bind(value, at: index)
            index += 1
        }
    }

    /// Binds contract property values from parameter `start` (1-based) on.
    func bind(_ values: [StoredValue], from start: Int32 = 1) {
        var index = start
        for value in values {
            switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .text(let text): bind(text, at: index)
            case .flag(let flag): sqlite3_bind_int64(handle, index, flag ? 1 : 0)
            }
            index += 1
        }
    }

    func bind(_ value: DatabaseValue, at index: Int32) {
        switch value.storage {
        case .null: sqlite3_bind_null(handle, index)
        case .int64(let n): sqlite3_bind_int64(handle, index, n)
        case .double(let d): sqlite3_bind_double(handle, index, d)
        case .string(let s): bind(s, at: index)
        case .blob(let data):
            _ = data.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), FastStatement.transient) }
        }
    }

    func bind(_ text: String, at index: Int32) {
        var text = text
        text.withUTF8 { utf8 in
            _ = utf8.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), FastStatement.transient)
            }
        }
    }

    func bind(_ bytes: [UInt8], at index: Int32) {
        _ = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), FastStatement.transient) }
    }

    func bind(_ value: Double, at index: Int32) { sqlite3_bind_double(handle, index, value) }
    func bind(_ value: Int64, at index: Int32) { sqlite3_bind_int64(handle, index, value) }

    /// Steps to the next row: true for a row, false when done.
    func step(_ db: Database) throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let extended = sqlite3_extended_errcode(db.sqliteConnection)
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        sqlite3_reset(handle)
        throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
    }

    /// Resets the statement to step again, keeping its bindings.
    func rewind() { sqlite3_reset(handle) }

    /// Resets the statement after stepping through rows.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// A text column as a String (nil when NULL).
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Calls `body` with a text column's UTF-8 bytes in place (empty when NULL).
    func withText<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let bytes = sqlite3_column_text(handle, column)
        let count = bytes == nil ? 0 : Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// A blob column's bytes (empty when NULL).
    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Calls `body` with a blob column's bytes in place (empty when NULL).
    func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let count = Int(sqlite3_column_bytes(handle, column))
        return body(UnsafeRawBufferPointer(start: count > 0 ? sqlite3_column_blob(handle, column) : nil, count: count))
    }

    /// Runs the statement with `bytes` bound at `index` without SQLite
    /// copying them (they stay put while it runs), other bindings as they
    /// are; keeps the bindings from `keeping` (1-based) on for the next run.
    func run(_ db: Database, blob bytes: [UInt8], at index: Int32, keeping: Int32? = nil) throws {
        defer {
            // Never left pointing at the bytes.
            sqlite3_bind_null(handle, index)
            if keeping == nil { sqlite3_clear_bindings(handle) }
        }
        try bytes.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), nil)  // SQLITE_STATIC
            try run(db, clearing: false)
        }
    }

    /// Runs the statement to completion; returns the first column of the
    /// first row as an integer when there is one. Throws GRDB's
    /// `DatabaseError` (with the extended code) on failure.
    @discardableResult
    func run(_ db: Database, clearing: Bool = true) throws -> Int64? {
        defer {
            sqlite3_reset(handle)
            if clearing { sqlite3_clear_bindings(handle) }
        }
        var first: Int64?
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW {
                if first == nil { first = sqlite3_column_int64(handle, 0) }
                continue
            }
            if code == SQLITE_DONE { return first }
            let extended = sqlite3_extended_errcode(db.sqliteConnection)
            let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
        }
    }

    /// The first `specs.count` columns as a layer's contract values as
    /// stored (booleans "1"/"0"), nil where NULL.
    func contractValues(_ specs: [PropertySpec]) -> [String?] {
        var values: [String?] = []
        values.reserveCapacity(specs.count)
        for (i, spec) in specs.enumerated() {
            let column = Int32(i)
            values.append(isNull(column) ? nil : spec.kind == .bool ? (int64(column) != 0 ? "1" : "0") : text(column))
        }
        return values
    }
}
