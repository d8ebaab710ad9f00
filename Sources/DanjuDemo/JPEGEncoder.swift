import CTurboJPEG

/// Baseline JPEG compression of RGB pixels through libturbojpeg. One encoder per thread: a TurboJPEG handle
/// must not be shared between threads.
final class JPEGEncoder {
    private let handle: tjhandle

    init() throws {
        guard let handle = tjInitCompress() else {
            throw DemoError("cannot initialise libturbojpeg: \(String(cString: tjGetErrorStr2(nil)))")
        }
        self.handle = handle
    }

    deinit { tjDestroy(handle) }

    /// 4:2:0 subsampling, accurate integer DCT: the same pixels give the same bytes on every run.
    func encode(_ image: RGBImage, quality: Int) throws -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let rc = image.pixels.withUnsafeBufferPointer { pixels in
            tjCompress2(handle, pixels.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(TJPF_RGB.rawValue),
                        &output, &size, Int32(TJSAMP_420.rawValue), Int32(quality), TJFLAG_ACCURATEDCT)
        }
        defer { tjFree(output) }
        guard rc == 0, let output else {
            throw DemoError("JPEG compression failed: \(String(cString: tjGetErrorStr2(handle)))")
        }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}

/// Marks a JPEG as needing rotation for display: replaces the JFIF APP0 segment with an EXIF APP1 segment
/// holding only the Orientation tag (6 = rotate 90° clockwise), as a phone camera held upright would.
func withEXIFOrientation(_ jpeg: [UInt8], _ orientation: UInt8) -> [UInt8] {
    precondition(jpeg.count > 4 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG")
    var rest = jpeg[2...]
    if rest.count > 4, rest[rest.startIndex] == 0xFF, rest[rest.startIndex + 1] == 0xE0 {
        let length = Int(rest[rest.startIndex + 2]) << 8 | Int(rest[rest.startIndex + 3])
        rest = rest.dropFirst(2 + length)
    }
    let tiff: [UInt8] = [
        0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD0 at offset 8
        0x00, 0x01, // one entry
        0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation, SHORT, 1
        0x00, 0x00, 0x00, 0x00, // no next IFD
    ]
    let payload = Array("Exif".utf8) + [0, 0] + tiff
    let length = payload.count + 2
    return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + rest
}
