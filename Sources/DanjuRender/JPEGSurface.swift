import CCairo
import CTurboJPEG
import DanjuLayout

/// A Cairo image surface for a JPEG, carrying the file's bytes as JPEG mime data (the PDF stores them
/// unchanged) and a unique id derived from the bytes (a photo drawn twice is stored once).
///
/// The surface has the photo's size divided by 1, 2, 4 or 8, the least that keeps it within `maxPixels`: the PDF
/// takes the JPEG data as it is, whatever the surface's size, and a preview needs no more. A full-size surface
/// would cost width × height × 4 bytes (cairo copies it when the page is recorded): 200 MB for a 50 MP photo.
final class JPEGSurface {
    let handle: OpaquePointer
    /// The surface's size in pixels.
    let width: Int, height: Int

    static let maxPixels = 4_000_000

    init(_ image: JPEGImage, decode: Bool) throws {
        let divisor = [1, 2, 4, 8].first { Self.scaled(image.pixelWidth, $0) * Self.scaled(image.pixelHeight, $0) <= Self.maxPixels } ?? 8
        (width, height) = (Self.scaled(image.pixelWidth, divisor), Self.scaled(image.pixelHeight, divisor))
        handle = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        guard cairo_surface_status(handle) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(handle)
            throw RenderError("image \(image.path): cannot make a \(width)×\(height) surface")
        }
        if decode { try decodePixels(image) }
        attachMimeData(handle, type: CAIRO_MIME_TYPE_JPEG, bytes: image.bytes)
        attachMimeData(handle, type: CAIRO_MIME_TYPE_UNIQUE_ID, bytes: Array("jpeg-\(Self.fingerprint(image.bytes))".utf8))
    }

    deinit { cairo_surface_destroy(handle) }

    private func decodePixels(_ image: JPEGImage) throws {
        guard let decoder = tjInitDecompress() else { throw RenderError("image \(image.path): cannot start the JPEG decoder") }
        defer { tjDestroy(decoder) }
        cairo_surface_flush(handle)
        let data = cairo_image_surface_get_data(handle)
        let stride = cairo_image_surface_get_stride(handle)
        let rc = image.bytes.withUnsafeBufferPointer {
            tjDecompress2(decoder, $0.baseAddress, UInt($0.count), data, Int32(width), stride, Int32(height), Int32(TJPF_BGRX.rawValue), 0)
        }
        guard rc == 0 else { throw RenderError("image \(image.path) is corrupt: \(String(cString: tjGetErrorStr2(decoder)))") }
        cairo_surface_mark_dirty(handle)
    }

    /// `size` divided by `divisor`, rounded up as TurboJPEG's scaled decoding does.
    private static func scaled(_ size: Int, _ divisor: Int) -> Int { (size + divisor - 1) / divisor }

    /// FNV-1a over the bytes: stable across runs, so output stays byte-identical.
    private static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16) + "-\(bytes.count)"
    }
}
