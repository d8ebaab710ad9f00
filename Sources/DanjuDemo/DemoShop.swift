import DanjuDatabase
import Foundation

/// A demo after-sales shop: two years of plausible records plus photos, for trying templates and reports.
public enum DemoShop {
    /// Writes a new demo database at `path` and its photos into `<name>-photos/` beside it.
    /// The same seed and file name always give a byte-identical database and identical photos.
    /// Refuses to touch an existing database file or photo folder.
    public static func write(to path: String, seed: UInt64 = 1) throws {
        let file = URL(fileURLWithPath: path)
        let photoFolder = file.deletingPathExtension().lastPathComponent + "-photos"
        let photoRoot = file.deletingLastPathComponent().appendingPathComponent(photoFolder)
        for existing in [file, photoRoot] where FileManager.default.fileExists(atPath: existing.path) {
            throw DemoError("\(existing.path) already exists; the demo shop is only ever written to a new file")
        }
        do {
            try build(file: file, photoFolder: photoFolder, photoRoot: photoRoot, seed: seed)
        } catch {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: photoRoot)
            throw error
        }
    }

    private static func build(file: URL, photoFolder: String, photoRoot: URL, seed: UInt64) throws {
        let database = try Database(path: file.path, mode: .readWrite(create: true))
        try database.execute("PRAGMA foreign_keys = ON")
        try Schema.migrate(database)
        try database.transaction {
            let builder = DemoBuilder(database: database, seed: seed, photoFolder: photoFolder)
            try builder.build()
            // Inside the transaction: if a photo cannot be written, no row points at a missing file.
            try PhotoRenderer.render(builder.photoJobs, into: photoRoot)
        }
    }
}

/// Why the demo shop could not be written.
struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
