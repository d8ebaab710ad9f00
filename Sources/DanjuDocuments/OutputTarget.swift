import DanjuBinding
import DanjuTemplate
import Foundation

/// Where a finished document may be renamed to. danju replaces only a regular file that already holds a
/// document (a PDF or PNG) or nothing: never a symbolic link, a device, a pipe or a folder (renaming over
/// `/dev/null` as root would replace the device), and never a file of another kind, which is someone's data.
enum OutputTarget {
    /// Throws unless nothing is at `path` or a file danju may replace.
    static func checkReplaceable(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw RequestError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard let kind = FileKind(status), kind == .regular else {
            let kind = FileKind(status)?.description ?? "not a regular file"
            throw RequestError("refusing to write \(path): it is \(kind), and danju replaces only regular files"
                                + " (-o - writes to standard output)")
        }
        guard let content = try Content(of: path), !content.isDocument else { return }
        throw RequestError("refusing to replace \(path): it is \(content), not a document danju wrote; remove it or choose another name")
    }

    /// The absolute path with every symbolic link resolved, down to the deepest part that exists (the rest
    /// does not exist yet): two spellings of one place give the same location.
    static func location(of path: String) -> String {
        var url = URL(fileURLWithPath: path)
        var missing: [String] = []
        while true {
            if let real = realpath(url.path, nil) {
                defer { free(real) }
                return missing.reversed().reduce(URL(fileURLWithPath: String(cString: real))) { $0.appendingPathComponent($1) }
                    .standardizedFileURL.path
            }
            let parent = url.deletingLastPathComponent()
            guard parent.path != url.path else { return url.standardizedFileURL.path }
            missing.append(url.lastPathComponent)
            url = parent
        }
    }

    /// Whether `location` is `folder` or lies inside it (both from `location(of:)`).
    static func isInside(_ location: String, _ folder: String) -> Bool {
        location == folder || location.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

/// What `lstat` says a path is, in words for an error message.
enum FileKind: Equatable, CustomStringConvertible {
    case regular, folder, symbolicLink, characterDevice, blockDevice, pipe, socket

    init?(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .pipe
        case S_IFSOCK: self = .socket
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a folder"
        case .symbolicLink: "a symbolic link"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .pipe: "a FIFO (named pipe)"
        case .socket: "a socket"
        }
    }
}

/// What an existing regular file holds, told by its first bytes.
private enum Content: CustomStringConvertible {
    case empty, pdf, png, sqlite, jpeg, font, other

    init?(of path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RequestError("refusing to replace \(path): cannot read it to see what it holds (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        let head = [UInt8](try handle.read(upToCount: 16) ?? Data())
        func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
        self = if head.isEmpty { .empty }
            else if starts(Array("%PDF-".utf8)) { .pdf }
            else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { .png }
            else if starts(Array("SQLite format 3\0".utf8)) { .sqlite }
            else if starts([0xFF, 0xD8, 0xFF]) { .jpeg }
            else if starts([0, 1, 0, 0]) || starts(Array("OTTO".utf8)) || starts(Array("ttcf".utf8)) { .font }
            else { .other }
    }

    var isDocument: Bool { [.empty, .pdf, .png].contains(self) }

    var description: String {
        switch self {
        case .empty: "empty"
        case .pdf: "a PDF"
        case .png: "a PNG image"
        case .sqlite: "an SQLite database"
        case .jpeg: "a JPEG photo"
        case .font: "a font"
        case .other: "neither a PDF nor a PNG"
        }
    }
}

/// The files one run reads, which its output must never replace, even spelt another way: the shop database
/// (compared by device and inode, so a hard link, a symbolic link or `./` is caught) and the journal files
/// SQLite keeps beside it, the template, the printer calibrations, and everything in the folders of the
/// templates, the fonts and the photos.
public struct RunInputs: Sendable {
    private struct File: Sendable {
        let location: String
        let identity: FileIdentity?
        let role: String
    }

    private var files: [File] = []
    private var folders: [(location: String, role: String)] = []

    public init(paths: ProjectPaths, database: String? = nil, template: String? = nil, printers: String? = nil) throws {
        if let database {
            add(file: database, role: "the shop database")
            // SQLite names them after the path it was given and, on Unix, after the file's real path.
            let spellings = Set([database, OutputTarget.location(of: database)])
            for (suffix, role) in [("-wal", "write-ahead log"), ("-shm", "shared-memory index"), ("-journal", "rollback journal")] {
                for spelling in spellings { add(file: spelling + suffix, role: "the shop database's \(role)") }
            }
            let photos = OutputTarget.location(of: try DataSource(path: database).photoRoot)
            // A shop without its own photo folder keeps photos beside the database, where documents go too:
            // there, the check of what a replaced file holds keeps the photos.
            if !OutputTarget.isInside(OutputTarget.location(of: URL(fileURLWithPath: database).deletingLastPathComponent().path), photos) {
                folders.append((photos, "the photo folder"))
            }
        }
        if let template { add(file: template, role: "the template") }
        add(file: printers ?? paths.printersFile, role: "the printer calibrations")
        folders.append((OutputTarget.location(of: paths.templates), "the templates folder"))
        let fonts = paths.root + "/fonts"
        folders.append((OutputTarget.location(of: fonts), "the fonts folder"))
        // The converted faces live in a shared cache that fonts/build/fonts links to.
        folders.append((OutputTarget.location(of: fonts + "/build/fonts"), "the font cache"))
    }

    private mutating func add(file path: String, role: String) {
        files.append(File(location: OutputTarget.location(of: path), identity: FileIdentity(path), role: role))
    }

    /// Throws unless `target` (a file to write, or `-`) is none of the inputs and lies in none of their folders.
    public func check(output target: String) throws {
        guard target != AtomicFile.standardOutput else { return }
        guard !target.hasSuffix("/") else { throw RequestError("-o \(target) names a folder: give a file name") }
        let location = OutputTarget.location(of: target)
        let identity = FileIdentity(target)
        if let input = files.first(where: { $0.location == location || identity != nil && $0.identity == identity }) {
            throw RequestError("refusing to write \(target): it is \(input.role) (\(input.location)), which danju reads, never writes")
        }
        try checkFolders(target, location)
        try OutputTarget.checkReplaceable(target)
    }

    /// Throws unless `folder` may receive a batch's documents: a folder (or nothing yet) outside the inputs' folders.
    public func check(folder: String) throws {
        var status = stat()
        if stat(folder, &status) == 0, let kind = FileKind(status), kind != .folder {
            throw RequestError("refusing to write into \(folder)/: it is \(kind), not a folder")
        }
        try checkFolders(folder, OutputTarget.location(of: folder))
    }

    private func checkFolders(_ target: String, _ location: String) throws {
        for folder in folders where OutputTarget.isInside(location, folder.location) {
            throw RequestError("refusing to write \(target): it is in \(folder.role) (\(folder.location)), which danju reads, never writes")
        }
    }
}

/// A file however its path is spelt: its device and inode.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// Nil when nothing is at `path`. Follows symbolic links: a link to the database is the database.
    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
