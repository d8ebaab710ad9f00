import CTurboJPEG
@testable import DanjuLayout
import Foundation
import Testing

/// Bit flips, scrambled runs and truncations over a set of JPEGs made here (baseline 4:2:0 and 4:4:4,
/// progressive, grey, CMYK). The check may never crash, and may never pass a file that is cut short or that a
/// strict full-size decode (TurboJPEG's own path, at full scale) finds damaged. A JPEG has no checksum: a flip
/// that still decodes cleanly cannot be told from a picture, and is counted, not failed.
private struct Sample: Sendable {
    let name: String
    let bytes: [UInt8]
    /// Where the end-of-image marker ends: every shorter prefix is cut short.
    var end: Int { bytes.count }
    /// Where the entropy-coded data of the first scan starts (after the first SOS segment).
    var scanStart: Int {
        var offset = 2
        while offset + 4 <= bytes.count {
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            if bytes[offset + 1] == 0xDA { return offset + 2 + length }
            offset += 2 + length
        }
        return bytes.count
    }
}

/// A photo-like picture: smooth gradients, a few shapes with sharp edges and some grain.
private func pixels(width: Int, height: Int, channels: Int, seed: UInt64) -> [UInt8] {
    var random = SplitMix(seed)
    var out = [UInt8](repeating: 0, count: width * height * channels)
    let shapes = (0..<6).map { _ in (x: Int(random.next() % UInt64(width)), y: Int(random.next() % UInt64(height)), r: 20 + Int(random.next() % 80), c: UInt8(random.next() % 256)) }
    for y in 0..<height {
        for x in 0..<width {
            for c in 0..<channels {
                var value = (x * (c + 1) * 255 / width + y * 255 / height) / 2
                for shape in shapes where (x - shape.x) * (x - shape.x) + (y - shape.y) * (y - shape.y) < shape.r * shape.r {
                    value = Int(shape.c) + c * 40
                }
                value += Int(random.next() % 24) - 12
                out[(y * width + x) * channels + c] = UInt8(clamping: value)
            }
        }
    }
    return out
}

private func encode(width: Int, height: Int, format: TJPF, subsampling: TJSAMP, flags: Int32, seed: UInt64) -> [UInt8] {
    let channels = (format == TJPF_CMYK ? 4 : format == TJPF_GRAY ? 1 : 3)
    let source = pixels(width: width, height: height, channels: channels, seed: seed)
    let handle = tjInitCompress()!
    defer { tjDestroy(handle) }
    var output: UnsafeMutablePointer<UInt8>?
    var size: UInt = 0
    let rc = source.withUnsafeBufferPointer {
        tjCompress2(handle, $0.baseAddress, Int32(width), 0, Int32(height), Int32(format.rawValue), &output, &size,
                    Int32(subsampling.rawValue), 85, flags)
    }
    precondition(rc == 0, String(cString: tjGetErrorStr2(handle)))
    defer { tjFree(output) }
    return Array(UnsafeBufferPointer(start: output, count: Int(size)))
}

private let samples: [Sample] = [
    Sample(name: "baseline 4:2:0", bytes: encode(width: 640, height: 480, format: TJPF_RGB, subsampling: TJSAMP_420, flags: 0, seed: 1)),
    Sample(name: "baseline 4:4:4", bytes: encode(width: 400, height: 300, format: TJPF_RGB, subsampling: TJSAMP_444, flags: 0, seed: 2)),
    Sample(name: "progressive", bytes: encode(width: 480, height: 360, format: TJPF_RGB, subsampling: TJSAMP_420, flags: TJFLAG_PROGRESSIVE, seed: 3)),
    Sample(name: "grey", bytes: encode(width: 320, height: 240, format: TJPF_GRAY, subsampling: TJSAMP_GRAY, flags: 0, seed: 4)),
    Sample(name: "CMYK", bytes: encode(width: 320, height: 240, format: TJPF_CMYK, subsampling: TJSAMP_444, flags: 0, seed: 5)),
]

/// Whether TurboJPEG, decoding at full size on its fast path, finds the file damaged (any warning). CMYK is
/// decoded as CMYK: TurboJPEG converts it to nothing else.
private func strictDecodeFails(_ bytes: [UInt8]) -> Bool {
    let handle = tjInitDecompress()!
    defer { tjDestroy(handle) }
    var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
    guard tjDecompressHeader3(handle, bytes, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0 else { return true }
    let format = colorspace == TJCS_CMYK.rawValue || colorspace == TJCS_YCCK.rawValue ? TJPF_CMYK : TJPF_RGB
    var out = [UInt8](repeating: 0, count: Int(width) * Int(height) * 4)
    return tjDecompress2(handle, bytes, UInt(bytes.count), &out, width, 0, height, Int32(format.rawValue), TJFLAG_STOPONWARNING) != 0
}

private func checked(_ bytes: [UInt8]) -> Result<Void, any Error> {
    Result { try JPEGImage(path: "fuzz.jpg", bytes: bytes).checkDecodes() }
}

@Test func everySampleIsAccepted() throws {
    for sample in samples {
        #expect(throws: Never.self, "\(sample.name)") { try checked(sample.bytes).get() }
        #expect(!strictDecodeFails(sample.bytes), "\(sample.name): the oracle itself accepts the intact file")
    }
}

@Test func paddingAfterTheEndOfImageIsAccepted() throws {
    var random = SplitMix(11)
    for sample in samples {
        for padding in [[UInt8](repeating: 0, count: 1), [UInt8](repeating: 0, count: 4_096), [UInt8](repeating: 0xFF, count: 37),
                        (0..<500).map { _ in UInt8(truncatingIfNeeded: random.next()) }] {
            #expect(throws: Never.self, "\(sample.name) + \(padding.count) bytes") { try checked(sample.bytes + padding).get() }
        }
    }
}

@Test func everyTruncationIsRefused() throws {
    var random = SplitMix(12 &+ fuzzSeed)
    var cases = 0
    for sample in samples {
        // Cuts anywhere, and the last bytes one by one: even a file missing only its end-of-image marker is cut short.
        let cuts = (0..<fuzzRounds / 2).map { _ in Int(random.next() % UInt64(sample.end)) } + Array(sample.end - 4..<sample.end)
        for cut in cuts {
            cases += 1
            guard case .failure(let error) = checked(Array(sample.bytes.prefix(cut))) else {
                Issue.record("\(sample.name) cut at \(cut) of \(sample.end) bytes was accepted")
                continue
            }
            #expect("\(error)".contains("not a readable JPEG"), "\(error)")
        }
    }
    #expect(cases > 200)
}

/// Rounds per sample and the seed: `bench/fuzz` runs many more (DANJU_FUZZ_ROUNDS, DANJU_FUZZ_SEED).
let fuzzRounds = Int(ProcessInfo.processInfo.environment["DANJU_FUZZ_ROUNDS"] ?? "") ?? 80
let fuzzSeed = UInt64(ProcessInfo.processInfo.environment["DANJU_FUZZ_SEED"] ?? "") ?? 0

@Test func damagedDataIsRefusedWheneverADecoderCanTell() throws {
    var random = SplitMix(13 &+ fuzzSeed)
    var refused = 0, undetectable = 0, cases = 0
    var byKind = [[Int]](repeating: [0, 0], count: 3)
    for sample in samples {
        for round in 0..<fuzzRounds {
            var bytes = sample.bytes
            let start = sample.scanStart, span = sample.end - 2 - start
            let at = start + Int(random.next() % UInt64(span - 64))
            switch round % 3 {
            case 0:  // one to three flipped bits
                for _ in 0...random.next() % 3 { bytes[at + Int(random.next() % 64)] ^= 1 << (random.next() % 8) }
            case 1:  // a run of bytes scrambled, as a bad copy does
                for offset in 0..<40 { bytes[at + offset] ^= 0x5A }
            default:  // a run overwritten with noise
                for offset in 0..<1 + Int(random.next() % 60) { bytes[at + offset] = UInt8(truncatingIfNeeded: random.next()) }
            }
            cases += 1
            byKind[round % 3][0] += 1
            let result = checked(bytes)
            if case .failure = result { refused += 1; byKind[round % 3][1] += 1; continue }
            #expect(!strictDecodeFails(bytes), "\(sample.name), round \(round): passed although a strict decode finds it damaged")
            undetectable += 1
        }
    }
    print("JPEG fuzz: \(cases) damaged files, \(refused) refused, \(undetectable) decode cleanly at full size too; refused by kind:"
          + " bit flips \(byKind[0][1])/\(byKind[0][0]), scrambled runs \(byKind[1][1])/\(byKind[1][0]), noise runs \(byKind[2][1])/\(byKind[2][0])")
    #expect(cases >= 400 && refused > cases / 2)
}

/// The case the 1/8-scale TurboJPEG check let through: damage that leaves a bad Huffman code, which the
/// decoder's fast path reads as zero without a word. Found by a fixed search, so the same file every run.
@Test func aBadHuffmanCodeTheFastDecoderSkipsIsRefused() throws {
    var random = SplitMix(14)
    let sample = samples[0]
    var found: (bytes: [UInt8], error: String)?
    for _ in 0..<4_000 where found == nil {
        var bytes = sample.bytes
        let at = sample.scanStart + Int(random.next() % UInt64(sample.end - 2 - sample.scanStart - 64))
        for offset in 0..<8 { bytes[at + offset] ^= UInt8(truncatingIfNeeded: random.next()) }
        guard !strictDecodeFails(bytes), case .failure(let error) = checked(bytes) else { continue }
        found = (bytes, "\(error)")
    }
    let (bytes, error) = try #require(found, "no damage that only the checking decoder notices")
    #expect(error.contains("Huffman"), "\(error)")
    #expect(!strictDecodeFails(bytes))
}

@Test func aPhotoOverThePixelCapIsRefusedByItsHeader() throws {
    // A frame header claiming 10,000 × 6,000 pixels in front of a small picture's data: refused before decoding.
    var bytes = samples[0].bytes
    var offset = 2
    while bytes[offset + 1] != 0xC0 { offset += 2 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])) }
    bytes.replaceSubrange(offset + 5..<offset + 9, with: [0x17, 0x70, 0x27, 0x10])
    guard case .failure(let error) = checked(bytes) else { Issue.record("accepted"); return }
    #expect("\(error)".contains("10000×6000 pixels") && "\(error)".contains("at most 50 MP"), "\(error)")
}

struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
