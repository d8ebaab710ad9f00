import DanjuDatabase
import DanjuFormat
import DanjuLayout
import DanjuTemplate
import DanjuText
import Foundation

/// The package folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A typesetter over the project's private fonts (scripts/prepare-fonts must have run).
func makeTypesetter() throws -> Typesetter {
    Typesetter(fonts: try FontLibrary(configFile: packageRoot + "/fonts/fonts.conf", requiredFamilies: ["Danju Hei"]))
}

let hei = TextStyle(family: "Danju Hei", size: 9)

func layout(_ yaml: String, records: [String: Row] = [:], tables: [String: [Row]] = [:]) throws -> LaidOutDocument {
    let template = try TemplateLoader.load(yaml: yaml, file: "test.yaml")
    let bindings = Bindings(records: records, tables: tables, timeZone: try ShopTimeZone(identifier: "Asia/Shanghai"))
    return try DocumentLayout.layout(template, bindings: bindings, typesetter: try makeTypesetter(),
                                     options: LayoutOptions(record: "test", imageRoot: NSTemporaryDirectory()))
}

extension Page {
    var texts: [(block: TextBlock, at: Point)] {
        allItems.compactMap { if case .text(let block, let at) = $0 { (block, at) } else { nil } }
    }

    var allText: String { texts.map(\.block.text).joined(separator: "\n") }
}
