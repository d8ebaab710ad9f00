import CJPEGDecode

extension JPEGImage {
    /// Photos larger than this are refused: a printed photo frame needs about 2 megapixels, and a 200-megapixel
    /// file would cost its width × height × 4 bytes wherever it is drawn as pixels.
    public static let maxPixels = 50_000_000
    /// What libjpeg may allocate to check one photo (a progressive JPEG holds all its coefficients: up to
    /// 8 bytes a pixel for four full-size components).
    static let maxDecoderMemory = 8 * maxPixels + 16 << 20

    /// Decodes the whole image once, at an eighth of its size, and refuses it on the decoder's first warning:
    /// a file whose markers look right but whose compressed data is damaged (a flipped bit, a bad copy, a bad
    /// Huffman code) fails here instead of reaching the manufacturer as a discoloured picture. What follows the
    /// end-of-image marker (padding some cameras and printers add) is not image data and is accepted.
    func checkDecodes() throws {
        var result = danju_jpeg_result()
        let status = bytes.withUnsafeBufferPointer {
            danju_jpeg_check($0.baseAddress, $0.count, UInt64(Self.maxPixels), Self.maxDecoderMemory, &result)
        }
        let message = withUnsafeBytes(of: result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch status {
        case DANJU_JPEG_OK: return
        case DANJU_JPEG_TOO_LARGE:
            let megapixels = Double(result.width) * Double(result.height) / 1e6
            throw LayoutError("image \(path) is \(result.width)×\(result.height) pixels (\(String(format: "%.1f", megapixels)) MP); a photo may have at most "
                              + "\(Self.maxPixels / 1_000_000) MP (\(message.isEmpty ? "print needs about 2" : message)): attach a smaller copy")
        default:
            throw LayoutError("image \(path) is not a readable JPEG: its data is damaged (\(message))")
        }
    }
}
