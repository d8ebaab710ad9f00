import Foundation

/// The shop database file as found on disk, looked at before SQLite opens it: what kind of file it is, what its
/// 100-byte header says and which companion files lie beside it. Faults SQLite would report vaguely, late or not
/// at all (a FIFO it would wait on forever, an empty file it would take for a new database) are caught here.
struct DatabaseFile {
    let path: String
    /// The path with symbolic links resolved: SQLite keeps its -wal, -shm and -journal beside the real file.
    let real: String
    /// The header's journal mode is write-ahead logging (byte 18 = 2).
    let isWAL: Bool
    /// Size, modification time and inode: any write to the file changes one of them.
    let stamp: Stamp

    struct Stamp: Equatable {
        let size: Int64, seconds: Int, nanoseconds: Int, inode: UInt64
    }

    init(inspecting path: String) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw errno == ENOENT
                ? DatabaseFault(.missing, path: path, "does not exist.", remedy: "Check the --db path (a relative path starts from the current folder).")
                : DatabaseFault(.unreadable, path: path, "cannot be examined (\(String(cString: strerror(errno)))).",
                                remedy: "Check that this user may read the file and every folder above it.")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw DatabaseFault(.folder, path: path, "is a folder, not a database file.",
                                remedy: "Name the database file inside it with --db, e.g. --db \(path)/shop.sqlite.")
        default:
            let kind = switch info.st_mode & S_IFMT {
            case S_IFIFO: "a FIFO (named pipe)"
            case S_IFSOCK: "a socket"
            default: "a device"
            }
            throw DatabaseFault(.notAFile(kind), path: path, "is \(kind), not a regular file; danju reads only database files.",
                                remedy: "Check the --db path: it must name the shop system's database file.")
        }
        stamp = Stamp(info)
        real = realpath(path, nil).map { resolved in
            defer { free(resolved) }
            return String(cString: resolved)
        } ?? path
        guard info.st_size > 0 else {
            throw DatabaseFault(.empty, path: path, "is empty (0 bytes): there is no shop data in it.",
                                remedy: "Check the --db path; an interrupted copy leaves an empty file: copy the database again.")
        }
        let header = try Self.header(of: path)
        guard header.starts(with: Array("SQLite format 3\0".utf8)) else {
            let start = String(decoding: header.prefix(16).map { (32..<127).contains($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
            throw DatabaseFault(.notSQLite, path: path, "is not an SQLite database (it starts with “\(start)”).",
                                remedy: "Check the --db path: it must name the shop system's database file, not a backup archive or an export.")
        }
        guard header.count == 100 else {
            throw DatabaseFault(.truncated, path: path, "is cut short: \(info.st_size) bytes, less than an SQLite header.", remedy: DatabaseFault.restore)
        }
        isWAL = header[18] == 2
        // The header's page count is valid when its change counter matches "version valid for" (SQLite 3.7.0+).
        let pageSize = Self.bigEndian(header[16..<18]) == 1 ? 65_536 : Self.bigEndian(header[16..<18])
        let pages = Self.bigEndian(header[28..<32])
        let expected = Int64(pageSize) * Int64(pages)
        // With a write-ahead log beside it, a checkpoint may be growing the file right now: SQLite judges that case.
        if header[24..<28] == header[92..<96], pages > 0, info.st_size < expected, !FileManager.default.fileExists(atPath: real + "-wal") {
            throw DatabaseFault(.truncated, path: path, "is cut short: \(info.st_size) bytes of the \(expected) its header promises (\(pages) pages of \(pageSize) bytes).",
                                remedy: DatabaseFault.restore)
        }
    }

    /// The file's current stamp (nil once it is gone).
    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        return stat(path, &info) == 0 ? Stamp(info) : nil
    }

    /// Up to the first 100 bytes, read without SQLite.
    private static func header(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DatabaseFault(.unreadable, path: path, "cannot be read (\(String(cString: strerror(errno)))).",
                                remedy: "Check that this user may read the file.")
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 100)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, 100 - count) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { break }
            count += read
        }
        return Array(bytes.prefix(count))
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    /// A URI filename for `sqlite3_open_v2`, with `parameters` (`mode=ro`, …).
    func uri(_ parameters: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"): encoded += String(format: "%%%02X", byte)
            default: encoded += String(decoding: [byte], as: UTF8.self)
            }
        }
        // "file:" then an absolute path needs an empty authority ("file:///…"), or "//x" would name a host.
        return (path.hasPrefix("/") ? "file://" : "file:") + encoded + "?" + parameters
    }

    /// Whether a write-ahead log with changes not yet in the file lies beside it.
    var walHasContent: Bool {
        ((try? FileManager.default.attributesOfItem(atPath: real + "-wal")[.size]) as? Int ?? 0) > 0
    }

    /// Whether this user may create files beside the database (SQLite's -wal and -shm).
    var folderIsWritable: Bool {
        access(URL(fileURLWithPath: real).deletingLastPathComponent().path, W_OK) == 0
    }

    /// Whether the file `path` + `suffix` (-wal, -shm, -journal) exists.
    func hasCompanion(_ suffix: String) -> Bool {
        FileManager.default.fileExists(atPath: real + suffix)
    }
}

extension DatabaseFile.Stamp {
    init(_ info: stat) {
        self.init(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }
}
