import Foundation

/// A JPEG file kept as its bytes (they go into the PDF unchanged; a CMYK file as an RGB copy, see `rgbCopy`)
/// with the facts layout needs: pixel size from the SOF marker and the EXIF orientation.
public struct JPEGImage: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let pixelWidth: Int
    public let pixelHeight: Int
    /// EXIF orientation 1…8 (1 = as stored).
    public let orientation: Int
    /// The file has an Adobe APP14 marker: CMYK inks are then stored inverted (Photoshop's convention).
    let adobe: Bool

    /// Width over height as the image should be seen, after applying its orientation.
    public var displayAspect: Double {
        let aspect = Double(pixelWidth) / Double(pixelHeight)
        return (5...8).contains(orientation) ? 1 / aspect : aspect
    }

    /// Files larger than this are refused before they are read: a 50-megapixel photo takes about 25 MB.
    public static let maxFileBytes = 64 << 20

    /// Reads the file and checks that it decodes, so a damaged photo is an error here, not a broken picture in print.
    public init(path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int ?? 0
        guard size <= Self.maxFileBytes else {
            throw LayoutError("image \(path) is \(size >> 20) MB; a photo may be at most \(Self.maxFileBytes >> 20) MB: attach a smaller copy")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LayoutError("image \(path) is missing or unreadable")
        }
        try self.init(path: path, bytes: Array(data))
        if try checkDecodes() == 4 { self = try rgbCopy() }
    }

    public init(path: String, bytes: [UInt8]) throws {
        self.path = path
        self.bytes = bytes
        let reader = MarkerReader(bytes: bytes, path: path)
        let header = try reader.readHeader()
        pixelWidth = header.width
        pixelHeight = header.height
        orientation = header.orientation
        adobe = header.adobe
    }

    init(path: String, bytes: [UInt8], pixelWidth: Int, pixelHeight: Int, orientation: Int) {
        (self.path, self.bytes, self.pixelWidth, self.pixelHeight, self.orientation, adobe) = (path, bytes, pixelWidth, pixelHeight, orientation, false)
    }
}

/// Walks JPEG markers up to the first frame header, noting the EXIF orientation on the way.
private struct MarkerReader {
    let bytes: [UInt8]
    let path: String

    func fail(_ why: String) -> LayoutError { LayoutError("image \(path) is not a readable JPEG: \(why)") }

    func readHeader() throws -> (width: Int, height: Int, orientation: Int, adobe: Bool) {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw fail("no JPEG start marker") }
        var offset = 2
        var orientation = 1, adobe = false
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { throw fail("bad marker at byte \(offset)") }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let segment = offset + 4
            guard length >= 2, segment + length - 2 <= bytes.count else { throw fail("truncated segment at byte \(offset)") }
            switch marker {
            case 0xE1: orientation = exifOrientation(in: segment..<segment + length - 2) ?? orientation
            case 0xEE: adobe = adobe || bytes[segment..<segment + length - 2].starts(with: Array("Adobe".utf8))
            case 0xC0...0xCF where ![0xC4, 0xC8, 0xCC].contains(marker):
                guard length >= 7 else { throw fail("short frame header") }
                let height = Int(bytes[segment + 1]) << 8 | Int(bytes[segment + 2])
                let width = Int(bytes[segment + 3]) << 8 | Int(bytes[segment + 4])
                guard width > 0, height > 0 else { throw fail("zero image size") }
                // Whether the data after the header is complete, the decoder judges (`checkDecodes`).
                return (width, height, orientation, adobe)
            default: break
            }
            offset = segment + length - 2
        }
        throw fail("no frame header")
    }

    /// The orientation tag (0x0112) of an APP1 Exif segment's first IFD.
    private func exifOrientation(in range: Range<Int>) -> Int? {
        let exif = Array(bytes[range])
        guard exif.count > 14, exif.starts(with: Array("Exif\0\0".utf8)) else { return nil }
        let tiff = 6
        let little = exif[tiff] == 0x49
        func u16(_ at: Int) -> Int? {
            guard at + 2 <= exif.count else { return nil }
            return little ? Int(exif[at]) | Int(exif[at + 1]) << 8 : Int(exif[at]) << 8 | Int(exif[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(little ? at + 2 : at), let low = u16(little ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard let ifd = u32(tiff + 4), let count = u16(tiff + ifd) else { return nil }
        for index in 0..<count {
            let entry = tiff + ifd + 2 + index * 12
            if u16(entry) == 0x0112, let value = u16(entry + 8), (1...8).contains(value) { return value }
        }
        return nil
    }
}
