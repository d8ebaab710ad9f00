import CJPEGDecode
import CTurboJPEG

extension JPEGImage {
    /// Photos larger than this are refused: a printed photo frame needs about 2 megapixels, and checking a
    /// progressive JPEG holds all its coefficients (up to 8 bytes a pixel).
    public static let maxPixels = 50_000_000
    /// What libjpeg may allocate to check one photo (a progressive JPEG holds all its coefficients: up to
    /// 8 bytes a pixel for four full-size components).
    static let maxDecoderMemory = 8 * maxPixels + 16 << 20

    /// Decodes the whole image once, at an eighth of its size, and refuses it on the decoder's first warning:
    /// a file whose markers look right but whose compressed data is damaged (a flipped bit, a bad copy, a bad
    /// Huffman code) fails here instead of reaching the manufacturer as a discoloured picture. What follows the
    /// end-of-image marker (padding some cameras and printers add) is not image data and is accepted.
    /// Returns the number of colour components (4 for CMYK).
    @discardableResult
    func checkDecodes() throws -> Int {
        var result = danju_jpeg_result()
        let status = bytes.withUnsafeBufferPointer {
            danju_jpeg_check($0.baseAddress, $0.count, UInt64(Self.maxPixels), Self.maxDecoderMemory, &result)
        }
        let message = withUnsafeBytes(of: result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch status {
        case DANJU_JPEG_OK: return Int(result.components)
        case DANJU_JPEG_TOO_LARGE:
            let megapixels = String(format: "%.1f", Double(result.width) * Double(result.height) / 1e6)
            let limit = message.isEmpty ? "a photo may have at most \(Self.maxPixels / 1_000_000) MP"
                : "checking it would take more than \(Self.maxDecoderMemory >> 20) MB (\(message))"
            throw LayoutError("image \(path) is \(result.width)×\(result.height) pixels (\(megapixels) MP); \(limit): attach a smaller copy "
                              + "(a printed photo needs about 2 MP)")
        default:
            throw LayoutError("image \(path) is not a readable JPEG: its data is damaged (\(message))")
        }
    }
}

extension JPEGImage {
    /// CMYK photos are printed from an RGB copy (quality 92, at most 16 MP): a PDF reader takes DeviceCMYK JPEG
    /// data as plain inks, but Photoshop, which makes most CMYK JPEGs, stores them inverted (marked by its Adobe
    /// segment) and relies on a /Decode array that cairo does not write, so the file passed through would print as
    /// a negative. Inverted or plain, the copy shows the inks as the file means them.
    func rgbCopy() throws -> JPEGImage {
        guard let decoder = tjInitDecompress() else { throw LayoutError("image \(path): cannot start the JPEG decoder") }
        defer { tjDestroy(decoder) }
        var count: Int32 = 0
        let factors = UnsafeBufferPointer(start: tjGetScalingFactors(&count), count: Int(count))
        let scaled = { (size: Int, factor: tjscalingfactor) in (size * Int(factor.num) + Int(factor.denom) - 1) / Int(factor.denom) }
        let fitting = factors.filter { $0.num <= $0.denom && scaled(pixelWidth, $0) * scaled(pixelHeight, $0) <= 16_000_000 }
        guard let factor = fitting.max(by: { Double($0.num) / Double($0.denom) < Double($1.num) / Double($1.denom) }) else {
            throw LayoutError("image \(path): no scale fits")
        }
        let width = scaled(pixelWidth, factor), height = scaled(pixelHeight, factor)
        var inks = [UInt8](repeating: 0, count: width * height * 4)
        guard tjDecompress2(decoder, bytes, UInt(bytes.count), &inks, Int32(width), 0, Int32(height), Int32(TJPF_CMYK.rawValue), TJFLAG_ACCURATEDCT) == 0 else {
            throw LayoutError("image \(path) is not a readable JPEG: \(String(cString: tjGetErrorStr2(decoder)))")
        }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for pixel in 0..<width * height {
            // Inverted inks are the light that passes: C' × K' / 255; plain ones are first turned so.
            let k = Int(adobe ? inks[pixel * 4 + 3] : 255 - inks[pixel * 4 + 3])
            for channel in 0..<3 {
                let ink = Int(adobe ? inks[pixel * 4 + channel] : 255 - inks[pixel * 4 + channel])
                rgb[pixel * 3 + channel] = UInt8((ink * k + 127) / 255)
            }
        }
        guard let encoder = tjInitCompress() else { throw LayoutError("image \(path): cannot start the JPEG encoder") }
        defer { tjDestroy(encoder) }
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        guard tjCompress2(encoder, rgb, Int32(width), 0, Int32(height), Int32(TJPF_RGB.rawValue), &output, &size,
                          Int32(TJSAMP_444.rawValue), 92, TJFLAG_ACCURATEDCT) == 0, let output else {
            throw LayoutError("image \(path): cannot make its RGB copy (\(String(cString: tjGetErrorStr2(encoder))))")
        }
        defer { tjFree(output) }
        return JPEGImage(path: path, bytes: Array(UnsafeBufferPointer(start: output, count: Int(size))), pixelWidth: width, pixelHeight: height,
                         orientation: orientation)
    }
}
