import DanjuDocuments
import DanjuTemplate
import Foundation

/// What `-o` names and the format it is written in. The extension says the format (`x.png` writes PNG);
/// `--format` may say it too, never the opposite, and must say it for a name without one.
enum OutputName {
    static let standardOutput = "-"

    /// The format `output` is written in by a command that writes `formats` (the first when `-o -` and no `--format`).
    static func format(of output: String, asked: OutputFormat?, command: String, writes formats: [OutputFormat] = OutputFormat.allCases) throws -> OutputFormat {
        let named = output == standardOutput ? nil : OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased())
        if let named, let asked, named != asked {
            throw RequestError("-o \(output) names a \(named.name) file, but --format \(asked.rawValue) asks for \(asked.name): "
                               + "drop --format, or name the file \(renamed(output, to: asked))")
        }
        guard let format = named ?? asked ?? (output == standardOutput ? formats.first : nil) else {
            throw RequestError("cannot tell the format of -o \(output) from its name: name it "
                               + formats.map { renamed(output, to: $0) }.joined(separator: " or ")
                               + (formats.count > 1 ? ", or give --format" : ""))
        }
        guard formats.contains(format) else {
            throw RequestError("-o \(output): danju \(command) writes \(formats.map(\.name).joined(separator: " or ")), not \(format.name): "
                               + "name it \(renamed(output, to: formats[0])) (or - for standard output)")
        }
        return format
    }

    /// `x.png` → `x.pdf`, `x.txt` → `x.pdf`, `x` → `x.pdf`.
    private static func renamed(_ output: String, to format: OutputFormat) -> String {
        let suffix = URL(fileURLWithPath: output).pathExtension
        return "\(suffix.isEmpty ? output : String(output.dropLast(suffix.count + 1))).\(format.rawValue)"
    }
}

extension OutputFormat {
    /// `a PDF`, `a PNG`: the kind of file, for messages.
    var name: String { rawValue.uppercased() }
}
