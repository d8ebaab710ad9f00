// swift-tools-version: 6.1
// danju: SQLite → template → layout → Cairo → PDF for after-sales service shops.
import PackageDescription

/// A Debian C library reached through pkg-config; the apt provider tells SwiftPM what to suggest.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(name: name, path: "Sources/\(name)", pkgConfig: pkgConfig, providers: [.apt([apt])])
}

let package = Package(
    name: "danju",
    products: [
        .executable(name: "danju", targets: ["danju"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries from Debian, each behind one module map and one shim header.
        systemLibrary("CSQLite", pkgConfig: "sqlite3", apt: "libsqlite3-dev"),
        systemLibrary("CCairo", pkgConfig: "cairo", apt: "libcairo2-dev"),
        systemLibrary("CPango", pkgConfig: "pangoft2", apt: "libpango1.0-dev"),
        systemLibrary("CQREncode", pkgConfig: "libqrencode", apt: "libqrencode-dev"),
        systemLibrary("CTurboJPEG", pkgConfig: "libturbojpeg", apt: "libturbojpeg0-dev"),
        // libjpeg's decoder behind one C function: its errors jump with longjmp, which Swift cannot call.
        .target(name: "CJPEGDecode", linkerSettings: [.linkedLibrary("jpeg")]),

        // Points, rectangles, colours and vector shapes: the plain values every stage below shares.
        .target(name: "DanjuGeometry"),
        // Pipeline stages, in the order data flows through them.
        .target(name: "DanjuDatabase", dependencies: ["CSQLite"]),
        .target(name: "DanjuFormat"),
        // Optimised even in debug builds: the tests make demo shops, and painting 1,200 photos unoptimised takes minutes.
        .target(name: "DanjuDemo", dependencies: ["DanjuDatabase", "DanjuFormat", "CTurboJPEG"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "DanjuTemplate", dependencies: ["DanjuFormat", "DanjuGeometry", .product(name: "Yams", package: "Yams")]),
        // A template's queries run against the shop: parameters checked, refusals, rows bound; the SQL functions.
        .target(name: "DanjuBinding", dependencies: ["DanjuDatabase", "DanjuFormat", "DanjuTemplate", "DanjuWarranty"]),
        .target(name: "DanjuText", dependencies: ["DanjuGeometry", "CPango", "CCairo"]),
        // Charts: pure Swift like the flowchart, measuring text through a closure.
        .target(name: "DanjuChart", dependencies: ["DanjuGeometry"]),
        // Swimlane flowchart layout: pure Swift, measuring text through a closure, testable without a PDF.
        .target(name: "DanjuFlowchart", dependencies: ["DanjuGeometry"]),
        .target(name: "DanjuLayout", dependencies: ["DanjuGeometry", "DanjuText", "DanjuDatabase", "DanjuTemplate", "DanjuBinding", "DanjuFormat", "DanjuChart", "DanjuFlowchart", "CQREncode", "CJPEGDecode", "CTurboJPEG"]),
        // TurboJPEG decodes a photo's pixels for PNG output; a PDF embeds the JPEG file as it is.
        .target(name: "DanjuRender", dependencies: ["DanjuGeometry", "DanjuLayout", "DanjuText", "CCairo", "CTurboJPEG"]),
        // Warranty rules (eligibility), also callable from a template's SQL.
        .target(name: "DanjuWarranty", dependencies: ["DanjuDatabase", "DanjuFormat"]),
        .target(name: "DanjuDocuments", dependencies: ["DanjuDatabase", "DanjuGeometry", "DanjuTemplate", "DanjuBinding", "DanjuText", "DanjuLayout", "DanjuFlowchart", "DanjuRender", "DanjuFormat"]),
        .executableTarget(name: "danju", dependencies: [
            "DanjuDocuments", "DanjuDemo", "DanjuGeometry", "DanjuTemplate", "DanjuBinding", "DanjuDatabase", "DanjuLayout", "DanjuFlowchart",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The workshop's measuring commands (bench/), apart from the shop's binary.
        .executableTarget(name: "danju-bench", dependencies: [
            "DanjuDocuments", "DanjuTemplate", "DanjuFlowchart", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "DanjuDatabaseTests", dependencies: ["DanjuDatabase", "DanjuDemo"]),
        .testTarget(name: "DanjuFormatTests", dependencies: ["DanjuFormat"]),
        .testTarget(name: "DanjuWarrantyTests", dependencies: ["DanjuWarranty", "DanjuDatabase"]),
        .testTarget(name: "DanjuGeometryTests", dependencies: ["DanjuGeometry"]),
        .testTarget(name: "DanjuChartTests", dependencies: ["DanjuGeometry", "DanjuChart", "DanjuText"]),
        .testTarget(name: "DanjuFlowchartTests", dependencies: ["DanjuGeometry", "DanjuFlowchart", "DanjuLayout", "DanjuRender", "DanjuText", "DanjuTemplate", "DanjuDatabase", "DanjuDemo"]),
        .testTarget(name: "DanjuTemplateTests", dependencies: ["DanjuGeometry", "DanjuTemplate", "DanjuBinding", "DanjuDatabase"]),
        .testTarget(name: "DanjuLayoutTests", dependencies: ["DanjuGeometry", "DanjuLayout", "DanjuText", "DanjuTemplate", "DanjuBinding", "DanjuDatabase", "DanjuFormat", "CTurboJPEG"]),
        // Runs the built `danju` executable on a generated demo shop and reads its PDFs with poppler and qpdf.
        .testTarget(name: "DanjuEndToEndTests", dependencies: ["danju", "DanjuDatabase", "DanjuFormat", "CTurboJPEG"]),
    ]
)
