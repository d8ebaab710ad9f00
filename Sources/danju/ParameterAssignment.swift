import ArgumentParser
import DanjuDocuments
import DanjuTemplate
import Foundation

/// One `--param NAME=VALUE`, split where the option is read (the value may hold `=` itself). Whether the template
/// takes NAME is checked with the template (`RequestError.checkParameters`), which suggests the nearest name.
struct ParameterAssignment: ExpressibleByArgument {
    let name: String
    let value: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals > argument.startIndex else { return nil }
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
    }

    /// Completes `NAME=` with the parameters of the template already on the command line.
    static var defaultCompletionKind: CompletionKind {
        .custom { words, _, _ in Completion.parameterNames(in: words).map { "\($0)=" } }
    }
}

extension [ParameterAssignment] {
    /// The values by name; a name given twice is an error, not a silent choice of one.
    func byName() throws -> [String: String] {
        var values: [String: String] = [:]
        for assignment in self {
            if let first = values[assignment.name], first != assignment.value {
                throw ValidationError("--param \(assignment.name) is given twice (\(first) and \(assignment.value)): give it once")
            }
            values[assignment.name] = assignment.value
        }
        return values
    }
}

/// What the shell completion script asks danju for while the user presses Tab (`--generate-completion-script`).
enum Completion {
    /// The names `danju render NAME` takes: the files in templates/.
    static func templateNames() -> [String] {
        ((try? ProjectPaths.locate().templateFiles()) ?? []).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    }

    /// The parameters of the first template named among `words`.
    static func parameterNames(in words: [String]) -> [String] {
        let names = templateNames()
        guard let paths = try? ProjectPaths.locate(), let word = words.first(where: { names.contains($0) || $0.hasSuffix(".yaml") }),
              let template = try? TemplateLoader.load(file: paths.template(word)) else { return [] }
        return template.parameters.map(\.name)
    }
}
