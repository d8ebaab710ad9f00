import DanjuGeometry
import DanjuLayout
import DanjuRender
import DanjuTemplate
import DanjuText

/// `danju calibrate`: the ruler page a shop prints to measure a printer's offset for pre-printed paper.
public enum Calibration {
    public static func write(paper: PaperSize, to output: String, paths: ProjectPaths) throws {
        let typesetter = Typesetter(fonts: try FontLibrary(configFile: paths.fontsConfig, requiredFamilies: ["Danju Hei"]))
        let page = CalibrationSheet.page(width: paper.width, height: paper.height, typesetter: typesetter)
        let size = "\(Int(paper.widthMM))×\(Int(paper.heightMM)) mm"
        try AtomicFile.write(to: output) { temporary in
            let writer = try PDFWriter(path: temporary, metadata: PDFMetadata(title: "套打校准页 \(size)", author: "danju", subject: "套打校准",
                                                                              date: PDFMetadata.undated))
            try writer.add([page])
            try writer.finish()
        }
    }
}
