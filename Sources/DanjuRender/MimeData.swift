import CCairo
import Glibc

/// Attaches `bytes` to a surface as mime data of `type`. Cairo keeps mime data beyond this call, so it
/// gets its own malloc'd copy, which Cairo frees.
func attachMimeData(_ surface: OpaquePointer, type: String, bytes: [UInt8]) {
    let copy = malloc(max(bytes.count, 1))!
    bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) } }
    cairo_surface_set_mime_data(surface, type, copy.assumingMemoryBound(to: UInt8.self), UInt(bytes.count), { free($0) }, copy)
}
