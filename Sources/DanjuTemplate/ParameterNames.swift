extension RequestError {
    /// Throws unless `names` are exactly the template's parameters (none for a `blank` form).
    public static func checkParameters(_ names: some Collection<String>, of template: Template, blank: Bool = false) throws {
        let declared = Set(template.parameters.map(\.name))
        guard names.allSatisfy(declared.contains), blank || declared.allSatisfy(names.contains) else {
            throw RequestError(parameters: names, of: template, blank: blank)
        }
    }

    /// What is wrong with the parameter `names` given to `template`, the problem worth reading first: a name it does
    /// not take (often the misspelling of a missing one) with the nearest that it does (`ordr` → `order`), else
    /// each missing one with its label and example.
    public init(parameters names: some Collection<String>, of template: Template, blank: Bool = false) {
        let declared = template.parameters
        let named = "template “\(template.name)”"
        if let wrong = names.filter({ name in !declared.contains { $0.name == name } }).sorted().first {
            if let nearest = Spelling.nearest(to: wrong, among: declared.map(\.name)), let parameter = declared.first(where: { $0.name == nearest }) {
                self.init("\(named) has no parameter “\(wrong)”: did you mean \(parameter.usage)?")
            } else if declared.isEmpty {
                self.init("\(named) has no parameter “\(wrong)”: it takes none")
            } else {
                self.init("\(named) has no parameter “\(wrong)”; it takes " + declared.map(\.usage).joined(separator: ", "))
            }
        } else {
            let missing = blank ? [] : declared.filter { !names.contains($0.name) }
            self.init("\(named) needs " + missing.map(\.usage).joined(separator: " and "))
        }
    }
}

extension Parameter {
    /// How to give it: `--param order=… (工单号, e.g. WX20261130002)`.
    public var usage: String {
        "--param \(name)=… (\(label)\(example.map { ", e.g. \($0)" } ?? ""))"
    }
}
