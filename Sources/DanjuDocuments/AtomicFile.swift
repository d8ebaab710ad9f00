import Foundation

/// Writes a file through a temporary name in the same folder and renames it into place, so a reader
/// (or a failed run) never sees a half-written document at the target path.
enum AtomicFile {
    static func write(to path: String, _ body: (_ temporaryPath: String) throws -> Void) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp").path
        do {
            try body(temporary)
            guard rename(temporary, path) == 0 else { throw DocumentError("cannot move the finished file to \(path): \(String(cString: strerror(errno)))") }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
