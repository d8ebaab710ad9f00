import DanjuDatabase
import DanjuGeometry
import DanjuTemplate
import DanjuText
import Foundation

extension DocumentLayout {
    /// The JPEG `interpolation` names for `row`, fitted into `frame` with its aspect ratio (after EXIF
    /// orientation). A path outside the image root is always refused; an empty path, a missing or unreadable
    /// file is an error naming the record and the file, or, in a draft, a marked placeholder, so nothing
    /// disappears silently. Only a query that found no row (a blank form) leaves the frame empty.
    func imageItems(_ interpolation: Interpolation, row: Row?, in frame: Rect, at location: SourceLocation) throws -> [PageItem] {
        guard !bindings.isUnbound(interpolation) else { return [] }
        let path = try bindings.text(interpolation, row: row)
        do {
            guard !path.isEmpty else {
                throw LayoutError("the photo path (\(interpolation.references.map { "{{\($0.description)}}" }.joined(separator: " "))) is empty")
            }
            let resolved = try resolveImagePath(path, at: location)
            guard options.readImages else { return [] }
            let image = try JPEGImage(path: resolved)
            return [.image(image, in: frame.fitting(aspect: image.displayAspect))]
        } catch let error as LayoutError {
            guard options.draft else { throw TemplateError("\(options.record): \(error.description)", at: location) }
            guard options.readImages else { return [] }
            let style = TextStyle(family: "Danju Hei", size: 8, bold: true, color: Color(red: 0.75, green: 0, blue: 0))
            let note = typesetter.layout("照片缺失或损坏\n\(path.isEmpty ? "（无路径）" : path)", style: style, width: frame.width - points(mm: 4))
            return [.rect(frame, lineWidth: 1, fill: Color(red: 1, green: 0.92, blue: 0.92)),
                    .text(note, at: Point(x: frame.x + points(mm: 2), y: frame.y + (frame.height - note.height) / 2))]
        }
    }

    /// Resolves an image path inside the image root: `..` or an absolute path that leaves it is refused, and so is
    /// a symbolic link inside it that leads out, which is found by resolving the real path and checking again.
    func resolveImagePath(_ path: String, at location: SourceLocation) throws -> String {
        let root = URL(fileURLWithPath: options.imageRoot).standardizedFileURL.path
        let resolved = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: root).appendingPathComponent(path))
            .standardizedFileURL.path
        guard Self.isInside(resolved, root) else {
            throw TemplateError("image path “\(path)” (\(options.record)) leads outside the photo root \(root)", at: location)
        }
        // A missing file has no real path; reading it then fails with a message of its own.
        guard let real = Self.realPath(resolved), let realRoot = Self.realPath(root) else { return resolved }
        guard Self.isInside(real, realRoot) else {
            throw TemplateError("image path “\(path)” (\(options.record)) is a link to \(real), outside the photo root \(root)", at: location)
        }
        return real
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The path with every symbolic link resolved (realpath(3)); nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
