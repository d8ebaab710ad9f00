import CTurboJPEG

extension JPEGImage {
    /// Decodes the image at an eighth of its size, stopping at the first warning: a file whose markers look
    /// right but whose compressed data is damaged (a flipped bit, a bad copy) fails here instead of reaching
    /// the manufacturer as a broken picture. At 1/8 scale the decoder skips most of the work (about a
    /// millisecond for a phone photo), but still reads every Huffman code.
    func checkDecodes() throws {
        guard let decoder = tjInitDecompress() else { throw LayoutError("image \(path): cannot start the JPEG decoder") }
        defer { tjDestroy(decoder) }
        let width = (pixelWidth + 7) / 8, height = (pixelHeight + 7) / 8
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let rc = bytes.withUnsafeBufferPointer { jpeg in
            pixels.withUnsafeMutableBufferPointer { out in
                tjDecompress2(decoder, jpeg.baseAddress, UInt(jpeg.count), out.baseAddress, Int32(width), 0, Int32(height),
                              Int32(TJPF_RGB.rawValue), TJFLAG_STOPONWARNING)
            }
        }
        guard rc == 0 else {
            throw LayoutError("image \(path) is not a readable JPEG: its data is damaged (\(String(cString: tjGetErrorStr2(decoder))))")
        }
    }
}
