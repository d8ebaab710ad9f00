import DanjuBinding
import DanjuDatabase
import DanjuFormat
import DanjuGeometry
import DanjuLayout
import DanjuTemplate
import DanjuText
import Foundation
import Testing

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

/// An A5 template over the list query `items`, with “第 N 页 / 共 M 页” in its footer, around `body`: the
/// element lines that go under `body:`, indented by two spaces.
func pagedTemplate(body: String) -> String {
    """
    title: 表
    page: {size: A5, margins: 10}
    queries:
      items: {sql: SELECT 1}
    footer:
      height: 5
      items:
        - {text: "第 {{page}} 页 / 共 {{pages}} 页", at: [0, 0, 128, 5]}
    body:

    """ + body
}

/// Records an issue for anything of `page` (number `number`) below the body of a `pagedTemplate` but the footer.
func expectNothingBelowTheBody(_ page: Page, number: Int) {
    let bottom = page.height - 28.35 - 5 * 72 / 25.4
    for item in page.allItems where item.frame.maxY > bottom + 0.01 {
        if case .text(let block, _) = item { #expect(block.text.hasPrefix("第 ")) } else { Issue.record("item below the body on page \(number)") }
    }
}
