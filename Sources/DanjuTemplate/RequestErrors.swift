/// What was asked cannot be done as asked: a parameter the template does not take or lacks, a record the
/// parameters name that is not in the database (工单 WX… 不存在), an output that would replace an input. The
/// command, not the data, must change (exit status 2).
public struct RequestError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
