import DanjuGeometry

/// Reads body elements. Each element is a mapping whose kind key (`text`, `fields`, `table`, `signatures`, `grid`,
/// `block`, `spacer`, `chart`, `flowchart`) carries the main value and whose other keys are its options;
/// `keep-with-next` and `new-page` are options of every kind.
struct ElementReader {
    let styles: StyleSheet

    /// Options every kind of element takes.
    static let common: Set = ["keep-with-next", "new-page"]

    func bodyItem(_ node: YAMLNode) throws -> BodyItem {
        let kinds = ["text", "fields", "table", "signatures", "block", "spacer", "grid", "chart", "flowchart"]
        let map = try node.mapping(what: "an element")
        let present = map.entries.map(\.key).filter(kinds.contains)
        guard present.count == 1, let kind = present.first else {
            throw node.error("an element needs exactly one of: \(kinds.joined(separator: ", "))")
        }
        let element: Element
        switch kind {
        case "text": element = .text(try text(node))
        case "fields": element = .fields(try fields(node))
        case "table": element = .table(try table(node))
        case "signatures": element = .signatures(try signatures(node))
        case "grid": element = .grid(try grid(node))
        case "chart": element = .chart(try chart(node))
        case "flowchart": element = .flowchart(try flowchart(node))
        case "block":
            _ = try node.mapping(what: "block", allowed: Self.common.union(["block"]))
            element = .block(try block(map.required("block"), what: "block"))
        default:
            _ = try node.mapping(what: "spacer", allowed: Self.common.union(["spacer"]))
            element = .spacer(points(mm: try map.required("spacer").number(what: "spacer")))
        }
        return BodyItem(element: element, keepWithNext: try map["keep-with-next"]?.bool(what: "keep-with-next") ?? false,
                        newPage: try map["new-page"]?.bool(what: "new-page") ?? false, kind: kind, location: node.location)
    }

    private func text(_ node: YAMLNode) throws -> TextElement {
        let map = try node.mapping(what: "text", allowed: Self.common.union(["text", "style", "align", "height", "min-size"]))
        var style = try styles.style(named: map["style"])
        if let align = map["align"] { style.alignment = try StyleSheet.alignment(align) }
        return TextElement(text: try TemplateLoader.interpolation(map.required("text"), what: "text"), style: style,
                           height: try map["height"].map { points(mm: try $0.number(what: "height")) },
                           minSize: try map["min-size"]?.number(what: "min-size"), location: node.location)
    }

    private func fields(_ node: YAMLNode) throws -> FieldsElement {
        let map = try node.mapping(what: "fields", allowed: Self.common.union(["fields", "columns", "label-width", "row-height", "style", "label-style"]))
        let columns = try map["columns"]?.integer(what: "columns", range: 1...6) ?? 2
        let cells = try map.required("fields").sequence(what: "fields").map { try cell($0, columns: columns) }
        return FieldsElement(
            columns: columns,
            labelWidth: points(mm: try map["label-width"]?.number(what: "label-width") ?? 20),
            rowHeight: points(mm: try map["row-height"]?.number(what: "row-height") ?? 7),
            labelStyle: try styles.style(named: map["label-style"], or: "label"),
            valueStyle: try styles.style(named: map["style"]),
            cells: cells, location: node.location)
    }

    private func cell(_ node: YAMLNode, columns: Int) throws -> FieldCell {
        let map = try node.mapping(what: "a field", allowed: ["label", "value", "choices", "span", "height", "min-height", "min-size", "style"])
        let value = try map["value"].map { try TemplateLoader.interpolation($0, what: "value") }
            ?? Interpolation(parsing: "", at: node.location)
        let content: FieldCell.Content = if let choices = map["choices"] {
            .choices(try choices.sequence(what: "choices").map { try $0.string(what: "a choice") }, value: value)
        } else {
            .text(value)
        }
        let height = try map["height"].map { points(mm: try $0.number(what: "height")) }
        if height != nil, map["min-height"] != nil { throw node.error("a field takes height (fixed) or min-height (grows), not both") }
        return FieldCell(
            label: try map.required("label").string(what: "label"), content: content,
            span: try map["span"]?.integer(what: "span", range: 1...columns) ?? 1,
            height: height,
            minHeight: try map["min-height"].map { points(mm: try $0.number(what: "min-height")) },
            minSize: try map["min-size"]?.number(what: "min-size"),
            style: try map["style"].map { try styles.style(named: $0) },
            location: node.location)
    }

    private func table(_ node: YAMLNode) throws -> TableElement {
        let map = try node.mapping(what: "table", allowed: Self.common.union([
            "table", "title", "columns", "group", "across", "row-height", "header-style", "style", "blank-rows", "totals",
        ]))
        let totals = try map["totals"].map(tableTotals)
        let across = try map["across"]?.integer(what: "across", range: 1...4) ?? 1
        if totals != nil, across > 1 { throw node.error("a table with totals cannot be split across columns") }
        let columns = try map.required("columns").sequence(what: "columns").map(column)
        guard !columns.isEmpty else { throw node.error("a table needs at least one column") }
        return TableElement(
            title: try map["title"].map { try TemplateLoader.interpolation($0, what: "title") },
            query: try map.required("table").string(what: "table (the name of a query)"),
            columns: columns,
            group: try map["group"]?.string(what: "group"),
            across: across,
            rowHeight: points(mm: try map["row-height"]?.number(what: "row-height") ?? 6),
            headerStyle: try styles.style(named: map["header-style"], or: "label"),
            style: try styles.style(named: map["style"]),
            blankRows: try map["blank-rows"]?.integer(what: "blank-rows", range: 0...100) ?? 0,
            totals: totals,
            location: node.location)
    }

    private func tableTotals(_ node: YAMLNode) throws -> TableTotals {
        let map = try node.mapping(what: "totals", allowed: ["sum", "sections", "section-title", "subtotal-label", "carry", "total-label"])
        let carry = try map["carry"].map { node in
            let labels = try node.sequence(what: "carry").map { try $0.string(what: "a carry label") }
            guard labels.count == 2 else { throw node.error("expected two labels for carry, e.g. [过次页, 承前页]") }
            return (forward: labels[0], back: labels[1])
        }
        return TableTotals(column: try map.required("sum").string(what: "sum (an INTEGER fen column)"),
                           sections: try map["sections"]?.string(what: "sections"),
                           sectionTitle: try map["section-title"].map { try TemplateLoader.interpolation($0, what: "section-title") },
                           subtotalLabel: try map["subtotal-label"]?.string(what: "subtotal-label") ?? "小计",
                           carry: carry,
                           totalLabel: try map["total-label"]?.string(what: "total-label") ?? "合计")
    }

    private func column(_ node: YAMLNode) throws -> TableColumn {
        let map = try node.mapping(what: "a column", allowed: ["title", "width", "value", "check", "when", "align"])
        let content: TableColumn.Content
        switch (map["value"], map["check"], map["when"]) {
        case (let value?, nil, nil): content = .text(try TemplateLoader.interpolation(value, what: "value"))
        case (nil, let check?, let when?):
            content = .check(try TemplateLoader.interpolation(check, what: "check"), when: try when.string(what: "when"))
        default: throw node.error("a column takes value, or check together with when")
        }
        return TableColumn(title: try map["title"]?.string(what: "title") ?? "", width: try width(map["width"]),
                           content: content, alignment: try map["align"].map(StyleSheet.alignment))
    }

    /// `25` (mm) or `2fr` (a share of the width the fixed columns leave); missing means `1fr`.
    private func width(_ node: YAMLNode?) throws -> Width {
        guard let node else { return .fraction(1) }
        let text = try node.string(what: "width")
        if text.hasSuffix("fr"), let share = Double(text.dropLast(2)), share > 0 { return .fraction(share) }
        if let mm = Double(text), mm > 0 { return .fixed(points(mm: mm)) }
        throw node.error("expected a width in millimetres (25) or a share (1fr)")
    }

    private func signatures(_ node: YAMLNode) throws -> SignaturesElement {
        let map = try node.mapping(what: "signatures", allowed: Self.common.union(["signatures", "height", "style"]))
        let boxes = try map.required("signatures").sequence(what: "signatures").map { box in
            let entry = try box.mapping(what: "a signature", allowed: ["label", "name", "date"])
            return SignatureBox(label: try entry.required("label").string(what: "label"),
                                name: try entry["name"].map { try TemplateLoader.interpolation($0, what: "name") },
                                date: try entry["date"]?.bool(what: "date") ?? true)
        }
        guard !boxes.isEmpty else { throw node.error("signatures needs at least one box") }
        return SignaturesElement(boxes: boxes, height: points(mm: try map["height"]?.number(what: "height") ?? 22),
                                 style: try styles.style(named: map["style"]), location: node.location)
    }

    func block(_ node: YAMLNode, what: String) throws -> Block {
        let map = try node.mapping(what: what, allowed: ["height", "items"])
        let height = points(mm: try map.required("height").number(what: "height"))
        let items = try map["items"]?.sequence(what: "items").map(placedItem) ?? []
        for item in items where item.frame.maxY > height + 0.01 {
            throw TemplateError("this item reaches below the \(what)'s height", at: item.location)
        }
        return Block(height: height, items: items, location: node.location)
    }

    private func placedItem(_ node: YAMLNode) throws -> PlacedItem {
        let map = try node.mapping(what: "an item", allowed: ["text", "qr", "image", "box", "line", "at", "style", "align", "min-size", "width"])
        let at = try map.required("at")
        let numbers = try at.sequence(what: "at").map { points(mm: try $0.number(what: "a coordinate")) }
        guard numbers.count == 4, numbers[2] >= 0, numbers[3] >= 0 else {
            throw at.error("expected at: [x, y, width, height] in millimetres")
        }
        let frame = Rect(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
        let lineWidth = try map["width"]?.number(what: "width") ?? 0.5
        let kind: PlacedItem.Kind
        if let text = map["text"] {
            var style = try styles.style(named: map["style"])
            if let align = map["align"] { style.alignment = try StyleSheet.alignment(align) }
            kind = .text(try TemplateLoader.interpolation(text, what: "text"), style, minSize: try map["min-size"]?.number(what: "min-size"))
        } else if let qr = map["qr"] {
            kind = .qr(try TemplateLoader.interpolation(qr, what: "qr"))
        } else if let image = map["image"] {
            kind = .image(try TemplateLoader.interpolation(image, what: "image"))
        } else if map["box"] != nil {
            kind = .box(lineWidth: lineWidth)
        } else if map["line"] != nil {
            kind = .line(lineWidth: lineWidth)
        } else {
            throw node.error("an item needs one of: text, qr, image, box, line")
        }
        return PlacedItem(kind: kind, frame: frame, location: node.location)
    }
}
