import CTurboJPEG
import DanjuDatabase
import Foundation
import Testing

/// Photos a clerk may attach by accident: damaged, cut short, empty paths, links out of the photo root, huge
/// files; and what printers take that danju used to refuse (CMYK, padding after the end of the image). Every
/// refusal names the claim and the file and writes nothing; a draft prints a marked placeholder instead.

/// A copy of the demo shop whose photos are hard links to the originals (replacing one spoils nothing), and one
/// claim of it with its first photo.
private struct PhotoShop {
    let folder: String
    let root: String
    let claimNo: String
    let photo: String
    var database: String { folder + "/demo.sqlite" }
    var photoFile: String { root + "/" + photo }

    init() throws {
        folder = newPath("photo-shop")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let rootName = try #require(try demoRows("SELECT value FROM settings WHERE key = 'photo_root'").first?["value"]?.text)
        root = folder + "/" + rootName
        try run("cp", [demoDatabase, folder + "/demo.sqlite"])
        try run("cp", ["-rl", "\(demoFolder)/\(rootName)", root])
        let first = try #require(try demoRows("""
            SELECT c.claim_no, f.path FROM claim_photos f JOIN warranty_claims c ON c.id = f.claim_id ORDER BY f.id LIMIT 1
            """).first)
        claimNo = first["claim_no"]!.text!
        photo = first["path"]!.text!
    }

    /// Replaces the claim's first photo file by `bytes` (a new file: the original keeps its own).
    func replacePhoto(with bytes: [UInt8]) throws {
        try FileManager.default.removeItem(atPath: photoFile)
        try Data(bytes).write(to: URL(fileURLWithPath: photoFile))
    }

    func setPath(_ path: String) throws {
        try Database(path: database, mode: .readWrite(create: false)).prepare("""
            UPDATE claim_photos SET path = ? WHERE path = ?
            """).run([.text(path), .text(photo)])
    }

    func original() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: photoFile))) }

    func render(draft: Bool = false, to output: String) throws -> Output {
        try danju(["render", "warranty-report", "--db", database, "--param", "claim=\(claimNo)", "-o", output] + (draft ? ["--draft"] : []))
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

private func danju(_ arguments: [String]) throws -> Output { try run(danjuExecutable, arguments) }

/// The refusal every bad photo gets: exit 1, the claim, the file and `says` named, nothing written; and with
/// `--draft` the report printed with the placeholder.
private func expectRefused(_ shop: PhotoShop, naming file: String, says: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let output = newPath("refused.pdf")
    let result = try shop.render(to: output)
    #expect(result.status == 3, "a data error: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains("claim=\(shop.claimNo)") && result.stderr.contains(file) && result.stderr.contains(says),
            "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: output), sourceLocation: sourceLocation)

    let draft = newPath("draft.pdf")
    defer { try? FileManager.default.removeItem(atPath: draft) }
    let drafted = try shop.render(draft: true, to: draft)
    #expect(drafted.status == 0, "\(drafted.stderr)", sourceLocation: sourceLocation)
    #expect(try compactText(draft).contains("照片缺失或损坏"), "a draft marks the photo", sourceLocation: sourceLocation)
}

/// Where the entropy-coded data starts (after the first SOS segment).
private func scanStart(_ bytes: [UInt8]) -> Int {
    var offset = 2
    while offset + 4 <= bytes.count, bytes[offset + 1] != 0xDA { offset += 2 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])) }
    return offset + 2 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
}

enum PhotoDamage: String, CaseIterable, Sendable {
    /// A transfer cut off a quarter before the end.
    case cutShort
    /// Only the end-of-image marker lost.
    case endMarkerMissing
    /// A run of one-bits in the middle of the compressed data (stuffed 0xFF bytes): no Huffman table has such a
    /// code, so the decoder meets a bad Huffman code where the picture would turn discoloured.
    case badHuffmanCodes
    /// Two bytes of the compressed data turned into an end-of-image marker: the data stops half way.
    case endMarkerInTheMiddle

    func apply(to original: [UInt8]) -> [UInt8] {
        var bytes = original
        let middle = scanStart(bytes) + (bytes.count - scanStart(bytes)) / 2
        switch self {
        case .cutShort: return Array(bytes.prefix(bytes.count * 3 / 4))
        case .endMarkerMissing: return Array(bytes.dropLast(2))
        case .badHuffmanCodes: bytes.replaceSubrange(middle..<middle + 32, with: Array(repeating: [0xFF, 0x00], count: 16).joined())
        case .endMarkerInTheMiddle: bytes.replaceSubrange(middle..<middle + 2, with: [0xFF, 0xD9])
        }
        return bytes
    }

    var says: String {
        switch self {
        case .cutShort, .endMarkerMissing: "Premature end of JPEG file"
        case .badHuffmanCodes: "bad Huffman code"
        case .endMarkerInTheMiddle: "premature end of data segment"
        }
    }
}

@Test(arguments: PhotoDamage.allCases)
func aDamagedPhotoIsRefusedNamingClaimAndFile(_ damage: PhotoDamage) throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    try shop.replacePhoto(with: damage.apply(to: try shop.original()))
    try expectRefused(shop, naming: shop.photo, says: damage.says)
}

@Test func anEmptyPhotoPathIsAnErrorNotASilentGap() throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    try shop.setPath("")
    try expectRefused(shop, naming: "{{path}}", says: "is empty")
    let draft = newPath("draft.pdf")
    defer { try? FileManager.default.removeItem(atPath: draft) }
    #expect(try shop.render(draft: true, to: draft).status == 0)
    #expect(try compactText(draft).contains("照片缺失或损坏（无路径）"))
}

@Test func aLinkInsideThePhotoRootLeadingOutOfItIsRefused() throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    // A good JPEG outside the photo root, and a link to it where the claim's photo was.
    let outside = shop.folder + "/elsewhere.jpg"
    try FileManager.default.copyItem(atPath: shop.photoFile, toPath: outside)
    try FileManager.default.removeItem(atPath: shop.photoFile)
    try FileManager.default.createSymbolicLink(atPath: shop.photoFile, withDestinationPath: outside)
    let output = newPath("link.pdf")
    let result = try shop.render(to: output)
    #expect(result.status == 3)
    #expect(result.stderr.contains("claim=\(shop.claimNo)") && result.stderr.contains("is a link to \(outside)")
            && result.stderr.contains("outside the photo root"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
    let draft = newPath("link-draft.pdf")
    #expect(try shop.render(draft: true, to: draft).status == 3, "refused even in a draft, like any path out of the root")
    #expect(!FileManager.default.fileExists(atPath: draft))
}

@Test func linksThatStayInsideThePhotoRootAreFollowed() throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    // The claim's photo a link to another photo of the root, and the root itself a link to the real folder.
    let other = try #require(try demoRows("SELECT path FROM claim_photos ORDER BY id DESC LIMIT 1").first?["path"]?.text)
    try FileManager.default.removeItem(atPath: shop.photoFile)
    try FileManager.default.createSymbolicLink(atPath: shop.photoFile, withDestinationPath: shop.root + "/" + other)
    let real = shop.folder + "/real-photos"
    try FileManager.default.moveItem(atPath: shop.root, toPath: real)
    try FileManager.default.createSymbolicLink(atPath: shop.root, withDestinationPath: real)
    let output = newPath("inside.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try shop.render(to: output)
    #expect(result.status == 0, "\(result.stderr)")
}

/// The image streams of a PDF, as stored.
private func imageStreams(_ pdf: String) throws -> [Data] {
    let objects = try run("pdfimages", ["-list", pdf]).stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true)[10] }
    return try Set(objects).map { try run("qpdf", ["--show-object=\($0)", "--raw-stream-data", pdf]).data }
}

@Test func aCompleteJPEGFollowedByPaddingIsAcceptedAndEmbeddedAsItIs() throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    for padding in [[UInt8](repeating: 0, count: 4_096), [UInt8](repeating: 0xFF, count: 3), Array("trailing camera data".utf8)] {
        let padded = try shop.original() + padding
        try shop.replacePhoto(with: padded)
        let output = newPath("padded.pdf")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try shop.render(to: output)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try imageStreams(output).contains(Data(padded)), "the file itself, padding and all")
    }
}

/// A CMYK JPEG as Photoshop writes it: inks stored inverted, marked by an Adobe segment (TurboJPEG writes the
/// segment; the inversion is ours). All pure red: no cyan, full magenta and yellow, no black.
private func photoshopRedCMYK(width: Int = 96, height: Int = 64) throws -> [UInt8] {
    let inks = [UInt8](repeating: 0, count: width * height * 4).enumerated().map { index, _ in
        UInt8(255 - [0, 255, 255, 0][index % 4])
    }
    let handle = try #require(tjInitCompress())
    defer { tjDestroy(handle) }
    var output: UnsafeMutablePointer<UInt8>?
    var size: UInt = 0
    #expect(tjCompress2(handle, inks, Int32(width), 0, Int32(height), Int32(TJPF_CMYK.rawValue), &output, &size, Int32(TJSAMP_444.rawValue), 95, 0) == 0)
    defer { tjFree(output) }
    let bytes = Array(UnsafeBufferPointer(start: output, count: Int(size)))
    #expect(bytes.indices.contains { $0 + 9 < bytes.count && bytes[$0] == 0xFF && bytes[$0 + 1] == 0xEE && Array(bytes[$0 + 4..<$0 + 9]) == Array("Adobe".utf8) })
    return bytes
}

@Test func aCMYKPhotoIsAcceptedAndPrintsItsColours() throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    try shop.replacePhoto(with: try photoshopRedCMYK())
    let output = newPath("cmyk.pdf")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try shop.render(to: output)
    #expect(result.status == 0, "\(result.stderr)")
    // The photo page, drawn: the frame's centre is red, not the negative a DeviceCMYK passthrough would give.
    let photoPage = try #require(try pdfInfo(output)["Pages"].flatMap { Int($0) })
    let list = try run("pdfimages", ["-list", "-f", "\(photoPage)", "-l", "\(photoPage)", output]).stdout
    #expect(list.contains(" rgb "), "printed from an RGB copy: \(list)")
    let ppm = try run("pdftoppm", ["-f", "\(photoPage)", "-l", "\(photoPage)", "-r", "20", output]).data
    let pixels = try #require(PPM(ppm))
    let reds = pixels.count { $0.r > 200 && $0.g < 60 && $0.b < 60 }
    #expect(reds > 20, "the red photo prints red (\(reds) red pixels)")
}

/// A binary PPM (P6) as read back from pdftoppm.
private struct PPM {
    let pixels: [(r: UInt8, g: UInt8, b: UInt8)]
    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var fields: [String] = [], index = 0
        while fields.count < 4, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A { index += 1 }
            fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        guard fields.first == "P6" else { return nil }
        let body = bytes[(index + 1)...]
        pixels = stride(from: body.startIndex, to: body.endIndex - 2, by: 3).map { (body[$0], body[$0 + 1], body[$0 + 2]) }
    }
    func count(where test: ((r: UInt8, g: UInt8, b: UInt8)) -> Bool) -> Int { pixels.filter(test).count }
}

@Test func aPhotoOfTooManyPixelsIsRefusedWithItsSize() throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    // The photo's frame header made to claim 16,320 × 12,240 pixels (a 200-megapixel phone mode).
    var bytes = try shop.original()
    var offset = 2
    while !(0xC0...0xC2).contains(bytes[offset + 1]) { offset += 2 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])) }
    bytes.replaceSubrange(offset + 5..<offset + 9, with: [0x2F, 0xD0, 0x3F, 0xC0])
    try shop.replacePhoto(with: bytes)
    try expectRefused(shop, naming: shop.photo, says: "16320×12240 pixels (199.8 MP); a photo may have at most 50 MP")
}

@Test func aHugeFileIsRefusedBeforeItIsRead() throws {
    let shop = try PhotoShop()
    defer { shop.remove() }
    try shop.replacePhoto(with: try shop.original() + [UInt8](repeating: 0, count: 65 << 20))
    try expectRefused(shop, naming: shop.photo, says: "a photo may be at most 64 MB")
}
