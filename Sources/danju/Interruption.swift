import DanjuDocuments
import Dispatch
import Foundation

/// SIGINT (Ctrl-C) or SIGTERM while drawing: the unfinished temporary files are removed and danju exits with
/// 130 or 143 (128 + the signal, as a shell reports a killed command). A run interrupted before its files were
/// renamed into place leaves nothing; one interrupted after leaves them whole.
enum Interruption {
    /// Call once, before anything is written. Also ignores SIGPIPE, so that a reader of `-o -` that goes away
    /// makes the write fail with an error (and the cleanup) instead of killing danju on the spot.
    static func removeUnfinishedFiles() {
        signal(SIGPIPE, SIG_IGN)
        _ = sources
    }

    /// Kept for the life of the process; a signal source that is let go stops listening.
    nonisolated(unsafe) private static let sources: [DispatchSourceSignal] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].compactMap { signal, name in
        // The default action would end the process before the handler could clean up. A signal ignored already
        // (SIGINT for a job a script put in the background) stays ignored, as the shell meant.
        let previous = Foundation.signal(signal, SIG_IGN)
        guard previous.map({ unsafeBitCast($0, to: Int.self) }) != unsafeBitCast(SIG_IGN, to: Int.self) else { return nil }
        let source = DispatchSource.makeSignalSource(signal: signal, queue: DispatchQueue(label: "danju.\(name)"))
        source.setEventHandler {
            FileHandle.standardError.write(Data("\ndanju: interrupted by \(name): unfinished files removed\n".utf8))
            TemporaryFiles.removeAllAndExit(status: 128 + signal)
        }
        source.resume()
        return source
    }
}
