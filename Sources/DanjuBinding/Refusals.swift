import DanjuTemplate

/// A document the shop's rules refuse to issue as it stands (a gate pass for an unpaid order, a settlement whose
/// discount nobody authorised): the command is right and the data sound, but the document may not be printed
/// (exit status 1).
public struct RefusedDocument: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}

extension RequestError {
    /// A single query found no row for the parameters: the template's `missing:` words in the shop's language
    /// (工单 WX20261130099 不存在), or else the parameters and their labels; then which query of which file
    /// found nothing, for whoever keeps the templates.
    public init(noRowFor query: Query, of template: Template, bindings: Bindings) throws {
        let said = try query.missing.map { try bindings.text($0) }
            ?? "nothing found for " + template.parameters.compactMap { parameter in
                bindings.parameters[parameter.name].map { "--param \(parameter.name)=\($0) (\(parameter.label))" }
            }.joined(separator: ", ")
        self.init("\(said)\n  query “\(query.name)” (\(query.location)) found no row")
    }
}
