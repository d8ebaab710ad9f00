import ArgumentParser
import DanjuDocuments
import DanjuTemplate
import Foundation

/// `--db`, or where the shop keeps its database path so that nobody types it each time: `DANJU_DB`, then `db:` in
/// a `danju.yaml` in the working directory, then in the danju folder (where `templates/` is found). An explicit
/// `--db` always wins.
struct DatabaseOption: ParsableArguments {
    @Option(help: ArgumentHelp("The shop database (opened read-only).",
                               discussion: "Default: $DANJU_DB, else `db:` in danju.yaml (working directory, then the danju folder)."),
            completion: .file(extensions: ["sqlite", "sqlite3", "db"]))
    var db: String?

    /// The database to read and where its path came from; an error when there is none, or no file there.
    func choice(_ paths: ProjectPaths) throws -> DatabaseChoice {
        let choice = try db.map { DatabaseChoice(path: $0, origin: .option) } ?? DatabaseChoice.configured(paths)
        guard FileManager.default.fileExists(atPath: choice.path) else {
            throw DatabaseNoted(error: RequestError("shop database \(choice.path) does not exist.\n  Check the --db path (a relative path starts from the current folder)."), choice: choice)
        }
        return choice
    }
}

/// The shop database a command reads, and where its path came from.
struct DatabaseChoice {
    enum Origin {
        case option, environment
        case config(String)
    }

    let path: String
    let origin: Origin

    static let variable = "DANJU_DB"

    /// The database `DANJU_DB` or a `danju.yaml` names.
    static func configured(_ paths: ProjectPaths) throws -> DatabaseChoice {
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            return DatabaseChoice(path: path, origin: .environment)
        }
        var folders = [FileManager.default.currentDirectoryPath]
        if !folders.contains(paths.root) { folders.append(paths.root) }
        for folder in folders {
            let file = URL(fileURLWithPath: folder).appendingPathComponent(ConfigFile.name).path
            guard FileManager.default.fileExists(atPath: file), let path = try ConfigFile.load(file).database else { continue }
            return DatabaseChoice(path: path, origin: .config(file))
        }
        throw RequestError("which shop database? give --db FILE, set \(variable)=FILE, or write “db: FILE” in \(ConfigFile.name) "
                           + "(in the working directory or \(paths.root))")
    }

    /// Runs `body`; an error it throws says which database was read when the path did not come from `--db`.
    func reading<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw noted(error) }
    }

    func reading<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw noted(error) }
    }

    private func noted(_ error: any Error) -> any Error {
        error is DatabaseNoted ? error : DatabaseNoted(error: error, choice: self)
    }

    /// `database: /srv/shop.sqlite (from DANJU_DB)`; nil when `--db` named it.
    var note: String? {
        switch origin {
        case .option: nil
        case .environment: "database: \(path) (from \(Self.variable))"
        case .config(let file): "database: \(path) (from \(file))"
        }
    }
}

/// An error met reading a database that `DANJU_DB` or a `danju.yaml` chose, with that said after it.
struct DatabaseNoted: Error, CustomStringConvertible {
    let error: any Error
    let choice: DatabaseChoice

    var description: String { choice.note.map { "\(error)\n  \($0)" } ?? "\(error)" }
}
