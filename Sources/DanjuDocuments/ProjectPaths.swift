import Foundation

/// Where danju finds its fonts configuration and templates: `DANJU_HOME` if set, else the nearest folder
/// holding `fonts/fonts.conf`, looking up from the working directory and then from the executable, else
/// `share/danju` beside the executable's folder (`PREFIX/bin/danju` installed by scripts/install).
public struct ProjectPaths: Sendable {
    public let root: String

    public var fontsConfig: String { root + "/fonts/fonts.conf" }
    public var templates: String { root + "/templates" }
    /// Printer offsets for pre-printed paper, measured with `danju calibrate`.
    public var printersFile: String { root + "/printers.yaml" }

    public init(root: String) { self.root = root }

    public static func locate() throws -> ProjectPaths {
        if let home = ProcessInfo.processInfo.environment["DANJU_HOME"] { return ProjectPaths(root: home) }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let starts = [FileManager.default.currentDirectoryPath, executable.deletingLastPathComponent().path]
        for start in starts {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("fonts/fonts.conf").path) {
                    return ProjectPaths(root: folder.path)
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/danju").path
        if FileManager.default.fileExists(atPath: installed + "/fonts/fonts.conf") { return ProjectPaths(root: installed) }
        throw DocumentError("cannot find fonts/fonts.conf above \(starts.joined(separator: " or ")) nor in \(installed); set DANJU_HOME to the danju folder")
    }

    /// A template given by name (`intake-sheet`) or by path.
    public func template(_ nameOrPath: String) throws -> String {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else { throw DocumentError("no template file \(nameOrPath)") }
            return nameOrPath
        }
        let path = "\(templates)/\(nameOrPath).yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            throw DocumentError("no template “\(nameOrPath)” in \(templates) (try `danju templates`)")
        }
        return path
    }

    /// All templates, sorted by name.
    public func templateFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: templates).filter { $0.hasSuffix(".yaml") }.sorted().map { "\(templates)/\($0)" }
    }
}

public struct DocumentError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
