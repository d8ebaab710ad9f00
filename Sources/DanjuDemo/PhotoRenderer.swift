import Foundation
import Synchronization

/// Paints, compresses and writes the demo's photos, spreading them over all cores.
enum PhotoRenderer {
    static let quality = 80

    static func render(_ jobs: [PhotoJob], into root: URL) throws {
        let folders = Set(jobs.map { root.appendingPathComponent($0.path).deletingLastPathComponent().path })
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let firstError = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let encoder = try JPEGEncoder()
                for index in stride(from: worker, to: jobs.count, by: workers) {
                    guard firstError.withLock({ $0 == nil }) else { return }
                    try write(jobs[index], root: root, encoder: encoder)
                }
            } catch {
                firstError.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = firstError.withLock({ $0 }) { throw error }
    }

    private static func write(_ job: PhotoJob, root: URL, encoder: JPEGEncoder) throws {
        var jpeg = try encoder.encode(PhotoPainter.paint(job), quality: quality)
        if job.exifRotated { jpeg = withEXIFOrientation(jpeg, 6) }
        try Data(jpeg).write(to: root.appendingPathComponent(job.path), options: .withoutOverwriting)
    }
}
