import DanjuGeometry

/// A form as data: page, styles, the queries that feed it and the elements that draw it.
/// Lengths are in points (the YAML gives millimetres). Loaded by `TemplateLoader`.
public struct Template: Sendable {
    public let name: String
    public let file: String
    public let title: Interpolation
    public let subject: Interpolation?
    public let author: Interpolation?
    /// The PDF's creation date, from the data (ISO 8601), so output never depends on the clock.
    public let date: Interpolation?
    public let page: PageSetup
    /// Labels of the copies (一式N联: 第一联 存根, 第二联 客户 …); each copy is a full set of pages and
    /// prints its label through `{{copy}}`. One unlabelled copy by default.
    public let copies: [String]
    public let parameters: [Parameter]
    public let queries: [Query]
    /// Conditions under which the document must not be printed (an unpaid order's gate pass).
    public let refusals: [Refusal]
    public let header: Block?
    public let footer: Block?
    public internal(set) var body: [BodyItem]

    public func query(named name: String) -> Query? { queries.first { $0.name == name } }
}

public struct PageSetup: Sendable, Hashable {
    public let width: Double
    public let height: Double
    public let margins: Insets

    /// The width between the left and right margins.
    public var contentWidth: Double { width - margins.left - margins.right }
}

public struct Parameter: Sendable, Hashable {
    public let name: String
    public let label: String
    public let example: String?
    /// `type:`, or what the example shows (see `Kind`).
    public var kind = Kind.text
    /// `not-before:` another parameter of the same kind: a range's end names its start.
    public var notBefore: String?
}

/// A named SQL query. `single` queries give the record behind `{{name.column}}`; the others feed tables.
public struct Query: Sendable, Hashable {
    public let name: String
    public let sql: String
    public let single: Bool
    public let location: SourceLocation
    /// Run once per document and read by the queries below it as a table of its name: its rows are stored as
    /// a temporary table (`Database.createTemporaryTable`), so a report whose figures all derive from one costly
    /// computation (the complaint rules) computes it once, not once per table.
    public var share = false
    /// A single query's words for finding no row (`missing:`, e.g. 工单 {{param.order}} 不存在): the error a wrong
    /// order or claim number gets, in the shop's language. It may use the parameters and the single queries above.
    public var missing: Interpolation?
}

/// A query whose rows are reasons to refuse the document; `message` is printed for each row.
public struct Refusal: Sendable {
    public let sql: String
    public let message: Interpolation
    public let location: SourceLocation
    /// Whether `--draft` may print the document anyway, marked as a draft: not when there is nothing sensible
    /// to print (a malformed month, an unknown process), only a statement the data does not support yet.
    public var draftable = true
}

/// A body element and how it goes with what follows.
public struct BodyItem: Sendable {
    public let element: Element
    /// Never left at the bottom of a page without the next element (a declaration above its signatures,
    /// a table's last rows above its totals).
    public let keepWithNext: Bool
    /// Starts on a new page (the photo pages after a report).
    public let newPage: Bool
    /// The element's key (`table`, `fields` …) and where it is written, for reports about it.
    public let kind: String
    public let location: SourceLocation
}

/// One thing in the page flow, top to bottom.
public enum Element: Sendable {
    case text(TextElement)
    case fields(FieldsElement)
    case table(TableElement)
    case signatures(SignaturesElement)
    case block(Block)
    case spacer(Double)
    case grid(GridElement)
    case chart(ChartElement)
    case flowchart(FlowchartElement)
}

/// A paragraph across the content width. With `height` it is a fixed box: wrapped, then shrunk to `minSize`.
public struct TextElement: Sendable {
    public let text: Interpolation
    public let style: TextStyle
    public let height: Double?
    public let minSize: Double?
    public let location: SourceLocation
}

/// A ruled grid of label/value cells, `columns` pairs a row; cells flow left to right.
public struct FieldsElement: Sendable {
    public let columns: Int
    public let labelWidth: Double
    public let rowHeight: Double
    public let labelStyle: TextStyle
    public let valueStyle: TextStyle
    public let cells: [FieldCell]
    public let location: SourceLocation
}

public struct FieldCell: Sendable {
    public enum Content: Sendable {
        case text(Interpolation)
        /// Tick boxes, one per choice; the one equal to the value is ticked.
        case choices([String], value: Interpolation)
    }

    public let label: String
    public let content: Content
    /// Label/value pairs this cell spans.
    public let span: Int
    /// Fixed height: the text is shrunk to `minSize` and reported if it still does not fit.
    public let height: Double?
    /// Least height; the row grows beyond it with its text.
    public let minHeight: Double?
    public let minSize: Double?
    public let style: TextStyle?
    public let location: SourceLocation
}

/// Rows of a query drawn as a ruled table; header repeated on each page, rows never split.
public struct TableElement: Sendable {
    public let title: Interpolation?
    public let query: String
    public let columns: [TableColumn]
    /// Column whose equal consecutive values are printed once, as a merged cell.
    public let group: String?
    /// Number of side-by-side column sets the rows are split into (a checklist in two halves).
    public let across: Int
    public let rowHeight: Double
    public let headerStyle: TextStyle
    public let style: TextStyle
    /// Empty rows drawn on a blank form when the query has no rows.
    public let blankRows: Int
    public let totals: TableTotals?
    public let location: SourceLocation
}

/// Money totals of a table: an INTEGER fen column summed into section subtotals, a running total carried
/// over page breaks (过次页 at the foot of a page, 承前页 at the head of the next) and a grand total.
public struct TableTotals: Sendable {
    public let column: String
    /// Column whose runs of equal values are sections, each with a heading and a subtotal (工时 / 配件 …).
    public let sections: String?
    /// A section's heading, from its first row; the section value itself by default.
    public let sectionTitle: Interpolation?
    public let subtotalLabel: String
    /// Labels of the carried-total lines at the foot and head of pages; nil: no carried totals.
    public let carry: (forward: String, back: String)?
    public let totalLabel: String
}

public struct TableColumn: Sendable {
    public enum Content: Sendable {
        case text(Interpolation)
        /// A drawn tick box, ticked when the value equals `when`.
        case check(Interpolation, when: String)
    }

    public let title: String
    public let width: Width
    public let content: Content
    public let alignment: TextStyle.Alignment?
}

/// A column width: millimetres converted to points, or a share of what is left.
public enum Width: Sendable, Hashable {
    case fixed(Double)
    case fraction(Double)
}

/// Signature boxes side by side: label, line to sign on, optional printed name and date.
public struct SignaturesElement: Sendable {
    public let boxes: [SignatureBox]
    public let height: Double
    public let style: TextStyle
    public let location: SourceLocation
}

public struct SignatureBox: Sendable {
    public let label: String
    public let name: Interpolation?
    public let date: Bool
}

/// A fixed-height band with items placed at absolute positions inside it (header, footer, title block).
public struct Block: Sendable {
    public let height: Double
    public let items: [PlacedItem]
    public let location: SourceLocation
}

public struct PlacedItem: Sendable {
    public enum Kind: Sendable {
        case text(Interpolation, TextStyle, minSize: Double?)
        case qr(Interpolation)
        case image(Interpolation)
        case box(lineWidth: Double)
        case line(lineWidth: Double)
    }

    public let kind: Kind
    /// Position and size relative to the block's top left corner.
    public let frame: Rect
    public let location: SourceLocation
}
