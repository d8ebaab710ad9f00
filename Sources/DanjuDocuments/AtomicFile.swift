import DanjuTemplate
import Foundation
import Synchronization

/// A file written through a temporary name in the same folder and renamed into place by `commit()`, so a
/// reader (or a failed or interrupted run) never sees a half-written document at the target. Dropped without
/// a commit, the temporary file is removed. The target `-` is standard output: the finished file is copied
/// there, so a run that fails writes nothing to it.
final class AtomicFile: Sendable {
    let target: String
    let temporaryPath: String

    static let standardOutput = "-"

    init(_ target: String) throws {
        let name = ".\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp"
        if target == Self.standardOutput {
            guard isatty(STDOUT_FILENO) == 0 else {
                throw RequestError("-o - writes the document to standard output, which is a terminal: redirect it (> file.pdf) or pipe it")
            }
            temporaryPath = FileManager.default.temporaryDirectory.appendingPathComponent(".danju-stdout\(name)").path
        } else {
            try OutputTarget.checkReplaceable(target)
            let url = URL(fileURLWithPath: target)
            temporaryPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(name)").path
        }
        self.target = target
        try TemporaryFiles.add(temporaryPath)
    }

    deinit { TemporaryFiles.discard(temporaryPath) }

    func commit() throws { try Self.commit([self]) }

    /// Puts finished files in place together: every target is checked again, then all are renamed while an
    /// interruption waits, so they appear all at once or (after an error before the renames) not at all.
    static func commit(_ files: [AtomicFile]) throws {
        let renamed = files.filter { $0.target != standardOutput }
        for file in renamed { try OutputTarget.checkReplaceable(file.target) }
        try TemporaryFiles.rename(renamed.map { ($0.temporaryPath, $0.target) })
        for file in files where file.target == standardOutput {
            try file.copyToStandardOutput()
            TemporaryFiles.discard(file.temporaryPath)
        }
    }

    private func copyToStandardOutput() throws {
        guard let input = FileHandle(forReadingAtPath: temporaryPath) else {
            throw DocumentError("cannot read back \(temporaryPath): \(String(cString: strerror(errno)))")
        }
        defer { try? input.close() }
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                try FileHandle.standardOutput.write(contentsOf: chunk)
            }
        } catch {
            throw DocumentError("cannot write the document to standard output: \(error.localizedDescription)")
        }
    }

    /// Writes through `body` and commits.
    static func write(to target: String, _ body: (_ temporaryPath: String) throws -> Void) throws {
        let file = try AtomicFile(target)
        try body(file.temporaryPath)
        try file.commit()
    }
}

/// The temporary files this process has not yet renamed into place, and the folders it made for them, so
/// that a run that fails, or is stopped by SIGINT or SIGTERM, leaves neither behind.
public enum TemporaryFiles {
    private struct Live {
        var files: Set<String> = []
        /// Folders made for a target that has not been put in place yet: removed once empty.
        var folders: Set<String> = []

        /// Removes the folders made that are empty now and that no other file is about to be written into.
        mutating func removeEmptyFolders() {
            for folder in folders.sorted(by: { $0.count > $1.count })
            where !files.contains(where: { $0.hasPrefix(folder + "/") }) && rmdir(folder) == 0 {
                folders.remove(folder)
            }
        }
    }

    private static let live = Mutex(Live())

    /// Registers the temporary file `path`, making its folder (and any missing above it) first. Under one lock
    /// with `discard`, so that a folder is never removed between being made and receiving its file.
    static func add(_ path: String) throws {
        try live.withLock { live in
            var missing: [String] = []
            var folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
            while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
                missing.append(folder.path)
                folder.deleteLastPathComponent()
            }
            if let deepest = missing.first { try FileManager.default.createDirectory(atPath: deepest, withIntermediateDirectories: true) }
            live.folders.formUnion(missing)
            live.files.insert(path)
        }
    }

    /// Removes the file unless it was renamed into place, and the folders made for it once they are empty.
    static func discard(_ path: String) {
        live.withLock { live in
            if live.files.remove(path) != nil { unlink(path) }
            live.removeEmptyFolders()
        }
    }

    /// Renames each temporary file to its target under the lock an interruption takes: either none or all
    /// of them are in place when the process exits.
    static func rename(_ moves: [(from: String, to: String)]) throws {
        try live.withLock { live in
            for (index, move) in moves.enumerated() {
                guard Foundation.rename(move.from, move.to) == 0 else {
                    let reason = String(cString: strerror(errno))
                    let done = moves[..<index].map(\.to)
                    throw DocumentError("cannot move the finished file to \(move.to): \(reason)"
                                        + (done.isEmpty ? "" : "; already in place: \(done.joined(separator: ", "))"))
                }
                live.files.remove(move.from)
                live.folders = live.folders.filter { !move.from.hasPrefix($0 + "/") }
            }
        }
    }

    /// Removes every temporary file and ends the process with `status`, never to return: called on SIGINT or
    /// SIGTERM. It holds the lock to the end, so no rename can start after it.
    public static func removeAllAndExit(status: Int32) -> Never {
        live.withLock { live -> Never in
            for path in live.files { unlink(path) }
            live.files = []
            live.removeEmptyFolders()
            _exit(status)
        }
    }
}
