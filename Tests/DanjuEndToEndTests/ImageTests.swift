import Foundation
import Testing

/// A small template drawing one intake photo twice: in the header of every page and in the body.
private let photoTemplate = """
    title: 照片 {{photo.caption}}
    date: "{{photo.taken_at}}"
    page: {size: A5}
    parameters:
      id: {label: 照片}
    queries:
      photo:
        single: true
        sql: SELECT path, caption, taken_at FROM work_order_photos WHERE id = :id
    header:
      height: 30
      items:
        - {image: "{{photo.path}}", at: [0, 0, 40, 30]}
    body:
      - block:
          height: 80
          items:
            - {image: "{{photo.path}}", at: [0, 0, 120, 80]}
            - {text: "{{photo.caption}}", at: [0, 70, 120, 8]}
    """

private func writeTemplate(_ text: String) throws -> String {
    let path = newPath("photo.yaml")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Test func aPhotoIsEmbeddedUnchangedAndOnce() throws {
    let photo = try #require(try demoRows("SELECT id, path FROM work_order_photos ORDER BY id LIMIT 1").first)
    let root = try #require(try demoRows("SELECT value FROM settings WHERE key = 'photo_root'").first?["value"]?.text)
    let source = try Data(contentsOf: URL(fileURLWithPath: "\(demoFolder)/\(root)/\(photo["path"]!.text!)"))
    let output = newPath("photo.pdf")
    let result = try danju("render", try writeTemplate(photoTemplate), "--db", demoDatabase, "--param", "id=\(photo["id"]!.integer!)", "-o", output)
    #expect(result.status == 0, "\(result.stderr)")

    let images = try run("pdfimages", ["-list", output]).stdout.split(separator: "\n").dropFirst(2)
    #expect(images.count == 2, "drawn twice")
    let objects = Set(images.map { $0.split(separator: " ", omittingEmptySubsequences: true)[10] })
    #expect(objects.count == 1, "stored once: \(images)")
    #expect(images.allSatisfy { $0.contains("jpeg") })

    let object = String(objects.first!)
    let stream = try run("qpdf", ["--show-object=\(object)", "--raw-stream-data", output]).data
    #expect(stream == source, "the PDF's image stream is the JPEG file, byte for byte")
}

@Test func aPhotoPathLeavingThePhotoRootIsRefused() throws {
    let escaping = photoTemplate.replacingOccurrences(of: "SELECT path,", with: "SELECT '../../etc/passwd' AS path,")
    let output = newPath("escape.pdf")
    let id = try #require(try demoRows("SELECT id FROM work_order_photos LIMIT 1").first?["id"]?.integer)
    let result = try danju("render", try writeTemplate(escaping), "--db", demoDatabase, "--param", "id=\(id)", "-o", output)
    #expect(result.status == 3)
    #expect(result.stderr.contains("outside the photo root"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}

@Test func aCorruptPhotoIsAClearErrorNamingTheFile() throws {
    let broken = newPath("broken.jpg")
    try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A]).write(to: URL(fileURLWithPath: broken))
    let corrupt = photoTemplate.replacingOccurrences(of: "SELECT path,", with: "SELECT '\(URL(fileURLWithPath: broken).lastPathComponent)' AS path,")
    // The photo root is the demo's photo folder; put the broken file there for the test.
    let root = try #require(try demoRows("SELECT value FROM settings WHERE key = 'photo_root'").first?["value"]?.text)
    let inRoot = "\(demoFolder)/\(root)/\(URL(fileURLWithPath: broken).lastPathComponent)"
    try FileManager.default.moveItem(atPath: broken, toPath: inRoot)
    defer { try? FileManager.default.removeItem(atPath: inRoot) }
    let id = try #require(try demoRows("SELECT id FROM work_order_photos LIMIT 1").first?["id"]?.integer)
    let output = newPath("corrupt.pdf")
    let result = try danju("render", try writeTemplate(corrupt), "--db", demoDatabase, "--param", "id=\(id)", "-o", output)
    #expect(result.status == 3)
    #expect(result.stderr.contains(URL(fileURLWithPath: broken).lastPathComponent) && result.stderr.contains("not a readable JPEG"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
}
