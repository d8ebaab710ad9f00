import DanjuGeometry
import Foundation

/// How far a printer puts things from where they should be, measured on `danju calibrate`'s page.
/// Pre-printed paper (套打) is drawn shifted by this offset.
public struct PrinterOffset: Sendable, Hashable {
    /// Points to the right and down.
    public let x, y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Reads printer `name` from a calibration file:
    /// ```yaml
    /// front-desk: {x: 1.5, y: -0.8}   # millimetres right and down
    /// ```
    public static func load(printer name: String, from file: String) throws -> PrinterOffset {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw TemplateError("cannot read the printer calibration file", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let printers = try YAMLNode.parse(text, file: file).mapping(what: "the printer calibrations")
        guard let entry = printers[name] else {
            throw RequestError("no printer “\(name)” in \(file); calibrated: \(printers.entries.map(\.key).joined(separator: ", "))")
        }
        let offset = try entry.mapping(what: "printer \(name)", allowed: ["x", "y"])
        return PrinterOffset(x: points(mm: try offset.required("x").number(what: "x")),
                             y: points(mm: try offset.required("y").number(what: "y")))
    }
}
