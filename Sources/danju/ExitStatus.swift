import ArgumentParser
import DanjuBinding
import DanjuDatabase
import DanjuDocuments
import DanjuFlowchart
import DanjuLayout
import DanjuTemplate

/// How danju ends, for the script that runs it: what went wrong decides the status. Every error type is given its
/// status here and nowhere else; `danju --help` prints `allCases`, and a test holds the README's table to them.
enum ExitStatus: Int32, CaseIterable, Error {
    case done = 0
    case refused = 1
    case usage = 2
    case dataError = 3
    case internalError = 4
    case interrupted = 130
    case terminated = 143

    /// One line for `danju --help`; the README's table says more.
    var meaning: String {
        switch self {
        case .done: "done: everything asked for was written"
        case .refused: "refused by the shop's rules, or --keep-going left documents out"
        case .usage: "usage: the command asks for something wrong or absent"
        case .dataError: "data error: a template, a configuration file or the database is wrong"
        case .internalError: "internal: fonts missing, a file that cannot be written, a bug"
        case .interrupted: "interrupted by SIGINT (Ctrl-C); unfinished files removed"
        case .terminated: "stopped by SIGTERM; unfinished files removed"
        }
    }

    init(for error: any Error) {
        switch error {
        case let status as ExitStatus: self = status
        case let noted as DatabaseNoted: self.init(for: noted.error)
        case let row as BatchRowError: self.init(for: row.cause)
        case let batch as BatchFailure: self = batch.failures.first.map { ExitStatus(for: $0) } ?? .internalError
        case is RefusedDocument: self = .refused
        case is RequestError, is ValidationError: self = .usage
        case is TemplateError, is DatabaseError, is DatabaseFault, is LayoutError, is FlowchartError: self = .dataError
        // DocumentError (fonts, files that cannot be written, a broken invariant), RenderError, TextError, the system's.
        default: self = .internalError
        }
    }

    /// The table for `danju --help`.
    static var table: String {
        allCases.map { "  \(String($0.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0)) \($0.meaning)" }.joined(separator: "\n")
    }
}
