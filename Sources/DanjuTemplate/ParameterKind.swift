import DanjuFormat

extension Parameter {
    /// What a parameter's values must look like. A date or a month is checked before any query runs, so a
    /// mistyped `--param from=banana` is an error instead of an empty ledger.
    public enum Kind: String, Sendable, Hashable {
        case text, date, month

        /// The kind an example shows when the template does not say (`type:`): 2026-11-01 is a date, 2026-11 a month.
        init(example: String?) {
            self = if let example, Kind.date.problem(with: example) == nil { .date }
                else if let example, Kind.month.problem(with: example) == nil { .month }
                else { .text }
        }

        /// Why `value` is not of this kind; nil when it is.
        func problem(with value: String) -> String? {
            guard self != .text else { return nil }
            let fields = value.split(separator: "-", omittingEmptySubsequences: false)
            let widths = self == .date ? [4, 2, 2] : [4, 2]
            let numbers = zip(fields, widths).compactMap { field, width in
                field.count == width && field.allSatisfy { ("0"..."9").contains($0) } ? Int(field) : nil
            }
            let expected = self == .date ? "YYYY-MM-DD, e.g. 2026-11-01" : "YYYY-MM, e.g. 2026-11"
            guard fields.count == widths.count, numbers.count == widths.count else { return "is not a \(rawValue): expected \(expected)" }
            guard (1...12).contains(numbers[1]),
                  self == .month || (1...CivilCalendar.daysInMonth(year: numbers[0], month: numbers[1])).contains(numbers[2]) else {
                return "is not a \(rawValue) of the calendar (\(expected))"
            }
            return nil
        }
    }

    /// Why `values` (given for every parameter of `parameters`) cannot be used: a value not of its parameter's kind,
    /// or a range whose end lies before its start. Nil when they can.
    public static func problem(with values: [String: String], of parameters: [Parameter]) -> String? {
        for parameter in parameters {
            guard let value = values[parameter.name] else { continue }
            if let problem = parameter.kind.problem(with: value) { return "--param \(parameter.name)=\(value) \(problem)" }
        }
        for parameter in parameters {
            guard let start = parameter.notBefore, let value = values[parameter.name], let first = values[start], value < first else { continue }
            return "--param \(parameter.name)=\(value) is before --param \(start)=\(first): the range is reversed"
        }
        return nil
    }
}
