import Foundation
import Synchronization

/// How far a long command has got, on stderr and only when stderr is a terminal: a bar when the total is known
/// (a batch's documents, a package's reports), else a count of pages. It appears once the command has run for a
/// moment, so a quick one never flickers, is redrawn at most ten times a second, and is erased at the end, before
/// the summary line (which is all a log or a pipe gets).
final class ProgressLine: Sendable {
    private let label: String
    private let unit: String
    private let start = Date()
    /// When it was last drawn; nil while nothing is shown.
    private let drawn = Mutex<Date?>(nil)

    static let isTerminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private static let delay = 0.3, interval = 0.1, width = 24

    init(_ label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    func update(_ done: Int, of total: Int? = nil) {
        guard Self.isTerminal else { return }
        let now = Date()
        drawn.withLock { last in
            guard now.timeIntervalSince(start) >= Self.delay, last.map({ now.timeIntervalSince($0) >= Self.interval }) ?? true else { return }
            last = now
            let seconds = String(format: "%.1f s", now.timeIntervalSince(start))
            let line = if let total, total > 0 {
                "\(label) \(Self.bar(done, of: total)) \(done)/\(total) \(unit)  \(seconds)"
            } else {
                "\(label) \(done) \(unit)  \(seconds)"
            }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        }
    }

    /// Erases the line, if it was shown.
    func finish() {
        drawn.withLock { last in
            if last != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            last = nil
        }
    }

    private static func bar(_ done: Int, of total: Int) -> String {
        let filled = width * min(done, total) / total
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// The seconds since the line was made, as the summary prints them.
    var elapsed: String { String(format: "%.2f s", Date().timeIntervalSince(start)) }
}

/// The one line a drawing command ends with: what it wrote, how many pages, how long it took.
func summarize(_ text: String) {
    FileHandle.standardError.write(Data("danju: \(text)\n".utf8))
}
