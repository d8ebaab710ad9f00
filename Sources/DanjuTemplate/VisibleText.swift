/// Characters a stored text may hold that would print as nothing, cut the text short (a NUL ends a C string), or
/// silently change how the text around them reads (a right-to-left override prints a phone number backwards).
/// Bound values show each as a visible mark and the document reports it (`PrintNotes`), so the paper says what the
/// data says.
public enum VisibleText {
    /// `text` with every such character replaced by a mark the fonts can print, and a phrase naming what was
    /// found; nil when the text has none. NUL becomes `[NUL]`, any other its code point in brackets (`[U+202E]`).
    public static func marking(_ text: String) -> (text: String, found: String)? {
        guard text.unicodeScalars.contains(where: needsMark) else { return nil }
        var marked = String.UnicodeScalarView()
        var found: [String] = []
        for scalar in text.unicodeScalars {
            guard needsMark(scalar) else { marked.append(scalar); continue }
            let mark = mark(scalar)
            marked.append(contentsOf: mark.unicodeScalars)
            let name = "\(describe(scalar)) as \(mark)"
            if !found.contains(name) { found.append(name) }
        }
        return (String(marked), "holds what would not print: " + found.prefix(4).joined(separator: ", ") + (found.count > 4 ? ", …" : ""))
    }

    static func needsMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x20..<0x7F: false
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFD: true
        default: [.unassigned, .privateUse, .surrogate].contains(scalar.properties.generalCategory)
        }
    }

    /// `[NUL]`, or the code point in brackets: `[U+202E]`. (The control pictures ␀ … ␟ are in none of the fonts.)
    static func mark(_ scalar: Unicode.Scalar) -> String {
        guard scalar.value != 0 else { return "[NUL]" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: "a NUL"
        case 0x00..<0x20, 0x7F...0x9F: "a control character"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: "a bidi control"
        case 0xFFFD: "a replacement character (text that was not valid UTF-8)"
        default: scalar.properties.generalCategory == .privateUse ? "a private-use character" : "an unassigned code point"
        }
    }
}
