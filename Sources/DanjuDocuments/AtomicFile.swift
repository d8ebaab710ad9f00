import Foundation

/// A file written through a temporary name in the same folder and renamed into place by `commit()`, so
/// a reader (or a failed run) never sees a half-written document at the target. Dropped without a
/// commit, the temporary file is removed.
final class AtomicFile {
    let target: String
    let temporaryPath: String
    private var committed = false

    init(_ target: String) throws {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.target = target
        temporaryPath = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp").path
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }

    func commit() throws {
        guard rename(temporaryPath, target) == 0 else {
            throw DocumentError("cannot move the finished file to \(target): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    /// Writes through `body` and commits.
    static func write(to target: String, _ body: (_ temporaryPath: String) throws -> Void) throws {
        let file = try AtomicFile(target)
        try body(file.temporaryPath)
        try file.commit()
    }
}
