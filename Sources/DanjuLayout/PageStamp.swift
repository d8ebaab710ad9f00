import DanjuGeometry
import DanjuTemplate
import DanjuText

extension Page {
    /// A line centred in the bottom margin, below the template's footer: the page's number within a bound
    /// set of documents (a claim package), which the table of contents refers to.
    public func stampBottom(_ text: String, typesetter: Typesetter) {
        let style = TextStyle(family: "Danju Hei", size: 7.5, color: Color(red: 0.2, green: 0.2, blue: 0.2), alignment: .center)
        let line = typesetter.layout(text, style: style, width: width - points(mm: 20))
        items.append(.text(line, at: Point(x: points(mm: 10), y: height - points(mm: 4) - line.height)))
    }
}
