import Foundation

/// `danju.yaml`: what a shop would otherwise type on every command.
/// ```yaml
/// db: /srv/shop/shop.sqlite   # the shop database; a relative path is taken from this file's folder
/// ```
public struct ConfigFile: Sendable {
    public let path: String
    /// The shop database, if the file names one.
    public let database: String?

    public static let name = "danju.yaml"

    public static func load(_ path: String) throws -> ConfigFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TemplateError("cannot read the configuration: \(error.localizedDescription)", at: SourceLocation(file: path, line: 1, column: 1))
        }
        // A file of comments alone sets nothing.
        guard text.split(whereSeparator: \.isNewline).contains(where: { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }) else {
            return ConfigFile(path: path, database: nil)
        }
        let settings = try YAMLNode.parse(text, file: path).mapping(what: "the configuration", allowed: ["db"])
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let database = try settings["db"].map { node in
            let path = NSString(string: try node.string(what: "db")).expandingTildeInPath
            guard !path.isEmpty else { throw node.error("db: expected the path of the shop database") }
            return URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path
        }
        return ConfigFile(path: path, database: database)
    }
}
