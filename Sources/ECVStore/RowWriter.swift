import Foundation
import GRDB
import GRDBSQLite

/// Runs one of GRDB's prepared INSERT statements many times, binding each row's values through SQLite's C
/// interface.
///
/// GRDB's `execute(arguments:)` boxes every value and checks the arguments on each call, which costs more
/// than SQLite's own work when a batch writes a hundred thousand rows; here a value is bound as it is
/// (a UUID as its 16 bytes, as GRDB stores it) and the statement stepped once. It runs inside the caller's
/// GRDB transaction, on GRDB's connection; errors become GRDB's `DatabaseError`.
struct RowWriter {
    private let statement: Statement
    private let connection: SQLiteConnection?
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection
    }

    /// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private var handle: SQLiteStatement { statement.sqliteStatement }

    private mutating func next() -> Int32 {
        index += 1
        return index
    }

    mutating func bind(_ text: String) {
        let position = next()
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                handle, position, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                Int32(bytes.count), RowWriter.transient)
        }
    }

    mutating func bind(_ text: String?) {
        guard let text else { return bindNull() }
        bind(text)
    }

    mutating func bind(_ id: UUID) {
        let position = next()
        withUnsafeBytes(of: id.uuid) { bytes in
            _ = sqlite3_bind_blob(handle, position, bytes.baseAddress, 16, RowWriter.transient)
        }
    }

    mutating func bind(_ number: Int) {
        _ = sqlite3_bind_int64(handle, next(), Int64(number))
    }

    mutating func bind(_ number: Double?) {
        guard let number else { return bindNull() }
        _ = sqlite3_bind_double(handle, next(), number)
    }

    /// A value GRDB has already converted, such as a date in its storage format.
    mutating func bind(_ value: DatabaseValue) {
        switch value.storage {
        case .null: bindNull()
        case .int64(let number): _ = sqlite3_bind_int64(handle, next(), number)
        case .double(let number): bind(number)
        case .string(let text): bind(text)
        case .blob(let data):
            let position = next()
            data.withUnsafeBytes { bytes in
                _ = sqlite3_bind_blob(handle, position, bytes.baseAddress, Int32(bytes.count), RowWriter.transient)
            }
        }
    }

    mutating func bindNull() {
        _ = sqlite3_bind_null(handle, next())
    }

    /// Writes the row bound so far and readies the statement for the next one.
    mutating func step() throws {
        index = 0
        let code = sqlite3_step(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard code == SQLITE_DONE else {
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
