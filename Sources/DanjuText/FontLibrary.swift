import CCairo
import CPango

/// The fonts danju may use: a private fontconfig configuration (fonts/fonts.conf) and a Pango font map over it.
/// Nothing from the machine's own font setup is consulted, so output does not change with installed fonts.
/// Pango font maps are not thread-safe: make one library per task that lays out or draws.
public final class FontLibrary {
    private let config: OpaquePointer
    let fontMap: UnsafeMutablePointer<PangoFontMap>

    /// Loads `configFile` (a fontconfig XML file) and checks that every family in `requiredFamilies` has a face.
    public init(configFile: String, requiredFamilies: [String] = []) throws {
        guard let config = FcConfigCreate() else { throw TextError("fontconfig: cannot create a configuration") }
        guard FcConfigParseAndLoad(config, configFile, 1) == 1, FcConfigBuildFonts(config) == 1 else {
            FcConfigDestroy(config)
            throw TextError("fontconfig: cannot load \(configFile)")
        }
        self.config = config
        fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        pango_fc_font_map_set_config(OpaquePointer(fontMap), config)
        let available = Set(families)
        for family in requiredFamilies where !available.contains(family) {
            throw TextError("font family “\(family)” is not in \(configFile) (found: \(available.sorted().joined(separator: ", "))); run scripts/prepare-fonts")
        }
    }

    deinit {
        g_object_unref(fontMap)
        FcConfigDestroy(config)
    }

    /// Family names the configuration offers.
    public var families: [String] {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &list, &count)
        defer { g_free(list) }
        return (0..<Int(count)).compactMap { index in
            list?[index].flatMap { pango_font_family_get_name($0) }.map { String(cString: $0) }
        }.sorted()
    }
}

public struct TextError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
