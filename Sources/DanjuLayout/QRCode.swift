import CQREncode

/// A QR code's modules, encoded by libqrencode (error correction M, 8-bit mode).
public struct QRCode: Sendable, Hashable {
    public let size: Int
    /// Row-major, true = dark.
    public let modules: [Bool]

    public init(encoding text: String) throws {
        let bytes = Array(text.utf8)
        guard let code = QRcode_encodeData(Int32(bytes.count), bytes, 0, QR_ECLEVEL_M) else {
            throw LayoutError("cannot encode “\(text)” as a QR code")
        }
        defer { QRcode_free(code) }
        size = Int(code.pointee.width)
        modules = (0..<size * size).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }
}
