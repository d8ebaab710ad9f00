import DanjuText
import Testing

/// Chinese punctuation that must never begin a line (and openers that must never end one).
private let noLineStart = Set("，。、；：！？）》」』”’")
private let noLineEnd = Set("（《「『“‘")

/// Pango keeps these rules down to boxes about four characters wide; forms never use narrower text cells.
@Test(arguments: [40.0, 45.0, 60.0, 90.0, 140.0])
func chinesePunctuationNeverStartsALine(width: Double) throws {
    let typesetter = try makeTypesetter()
    let text = String(repeating: "挖掘机大臂油缸漏油，回转有异响。客户要求：“尽快修好”，（加急）处理；检查、更换密封件！", count: 6)
    let block = typesetter.layout(text, style: hei, width: width)
    #expect(block.lineCount > 2)
    for (index, line) in block.lines.enumerated() {
        if index > 0, let first = line.first { #expect(!noLineStart.contains(first), "line \(index) starts with \(first): \(line)") }
        if let last = line.last, index < block.lineCount - 1 { #expect(!noLineEnd.contains(last), "line \(index) ends with \(last)") }
    }
    #expect(block.lines.joined() == text, "no character lost or added by wrapping")
    #expect(block.width <= width + 0.01)
}

@Test func textShrinksToFitThenReportsWhatDoesNot() throws {
    let typesetter = try makeTypesetter()
    let text = String(repeating: "发动机启动困难，冒黑烟。", count: 8)
    let roomy = typesetter.fit(text, style: hei, width: 200, height: 90, minSize: 6)
    #expect(roomy.fits && roomy.block.style.size == 9)

    let tight = typesetter.fit(text, style: hei, width: 200, height: 30, minSize: 6)
    #expect(tight.fits)
    #expect(tight.block.style.size < 9 && tight.block.style.size >= 6)
    #expect(tight.block.height <= 30)

    let hopeless = typesetter.fit(text, style: hei, width: 100, height: 10, minSize: 7)
    #expect(!hopeless.fits)
    #expect(hopeless.block.style.size == 7)
    #expect(abs(hopeless.overflow - (hopeless.block.height - 10)) < 0.001)
}

@Test func measuredWidthDoesNotDependOnRounding() throws {
    // 7.5 pt Chinese must advance 7.5 pt per character, not 8 (Pango's default rounding on PDF surfaces).
    let block = try makeTypesetter().layout(String(repeating: "检", count: 40), style: hei.withSize(7.5))
    #expect(abs(block.width - 300) < 0.5, "\(block.width)")
}

@Test func theRareCharactersOfTheDemoHaveGlyphs() throws {
    let block = try makeTypesetter().layout("㵘䶮 王𠀾", style: hei)
    #expect(block.missingGlyphs == 0)
}

@Test func boldIsARealFace() throws {
    let fonts = try FontLibrary(configFile: packageRoot + "/fonts/fonts.conf")
    #expect(fonts.families.contains("Danju Hei"))
    #expect(!fonts.families.contains { $0.hasPrefix("Noto") || $0.hasPrefix("DejaVu") }, "\(fonts.families)")
}

@Test func aBlockKeepsTheGlyphsPangoPlacedAndTheTextTheyShow() throws {
    let text = "保修 SP2611-0267\n旧件回运，㵘䶮"
    let block = try makeTypesetter().layout(text, style: hei, width: 200)
    #expect(block.lines == ["保修 SP2611-0267", "旧件回运，㵘䶮"])
    // Every character but the line break is one cluster of one glyph, in a font, left to right on its line;
    // the clusters' bytes are the text itself (what pdftotext reads back).
    let glyphs = block.runs.flatMap(\.glyphs)
    #expect(glyphs.count == text.count - 1 && glyphs.allSatisfy { $0.index != nil })
    #expect(block.runs.allSatisfy { run in
        run.font != nil && run.clusters.allSatisfy { $0.num_glyphs == 1 } && run.clusters.map(\.num_bytes).reduce(0, +) == run.utf8.count
    })
    #expect(String(decoding: block.runs.flatMap { $0.utf8.map { UInt8(bitPattern: $0) } }, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: ""))
    let baselines = Array(Set(block.runs.map(\.y))).sorted()
    #expect(baselines.count == 2 && Double(baselines[1] - baselines[0]) / 1024 >= hei.size)
    for run in block.runs { #expect(zip(run.glyphs, run.glyphs.dropFirst()).allSatisfy { $0.dx < $1.dx }) }
}
