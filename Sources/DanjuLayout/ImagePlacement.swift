import DanjuGeometry
import DanjuTemplate
import DanjuText

extension DocumentLayout {
    /// A JPEG fitted into `frame` with its aspect ratio (after EXIF orientation). A path outside the image
    /// root is always refused; a missing or unreadable file is an error naming the record and the file,
    /// or, in a draft, a marked placeholder so nothing disappears silently.
    func imageItems(_ path: String, in frame: Rect, at location: SourceLocation) throws -> [PageItem] {
        let resolved = try resolveImagePath(path, at: location)
        guard options.readImages else { return [] }
        do {
            let image = try JPEGImage(path: resolved)
            return [.image(image, in: frame.fitting(aspect: image.displayAspect))]
        } catch let error as LayoutError {
            guard options.draft else { throw TemplateError("\(options.record): \(error.description)", at: location) }
            let style = TextStyle(family: "Danju Hei", size: 8, bold: true, color: Color(red: 0.75, green: 0, blue: 0))
            let note = typesetter.layout("照片缺失或损坏\n\(path)", style: style, width: frame.width - points(mm: 4))
            return [.rect(frame, lineWidth: 1, fill: Color(red: 1, green: 0.92, blue: 0.92)),
                    .text(note, at: Point(x: frame.x + points(mm: 2), y: frame.y + (frame.height - note.height) / 2))]
        }
    }
}
