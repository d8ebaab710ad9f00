#!/usr/bin/python3
"""Split one converted Danju face (all of Noto CJK SC, made by convert.py) into
  * a main face keeping the family name ("Danju Hei"): the characters business forms use, and
  * an extension face ("Danju Hei Ext"): every other character of the font.

Run with Debian's /usr/bin/python3 and python3-fonttools (4.38); called by
scripts/prepare-fonts, which caches the results. Any change to this file or to
common-hanzi.txt changes the cache key, so the fonts are split again.

Why: cairo 1.16 finds the Unicode value of every glyph it puts into a PDF by walking
the font's cmap from the lowest code point (_cairo_ft_index_to_ucs4, once per distinct
glyph per PDF file). In the full font (~44,800 characters) a common hanzi is ~17,000
entries deep; in the main face (9,791 characters) ~4,900 (average over the 3,500 most common).
fontconfig falls back from the main face to its extension (fonts.conf), so rare
characters (㵘 䶮 𠀾 ...) still have glyphs.

    split.py DanjuHei-Regular.ttf OUTDIR --family "Danju Hei" --style Regular
    split.py --write-hanzi-list     # regenerate common-hanzi.txt from Unihan (unicode-data)
"""

import argparse
import bz2
import os
import struct
import sys
import time

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
HANZI_LIST = os.path.join(HERE, "common-hanzi.txt")
UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
EXT_SUFFIX = " Ext"
# Name IDs that identify the face; all of them are replaced (convert.py sets 1-6 and drops the others).
IDENTITY_NAME_IDS = {1, 2, 3, 4, 5, 6, 16, 17, 18, 21, 22}

# Besides the hanzi: whole Unicode blocks (as far as the font has them) that forms use.
# Only what lies below U+4E00 makes the cmap walk to a common hanzi longer, so the blocks
# there are kept to what forms need; kana, bopomofo, radicals and Hangul go to the extension.
MAIN_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement: × ÷ ° ± § ¥ ...
    (0x2000, 0x206F),  # General Punctuation: — … ‘’ “” ‰ ※ ...
    (0x20A0, 0x20CF),  # Currency Symbols: €
    (0x2100, 0x214F),  # Letterlike Symbols: ℃ № ℉ ™ ...
    (0x2150, 0x218F),  # Number Forms: Ⅰ Ⅱ ... ⅰ ⅱ ...
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators: ≈ ≠ ≤ ≥ ∑ √ ...
    (0x2300, 0x23FF),  # Miscellaneous Technical: ⌒ ...
    (0x2460, 0x24FF),  # Enclosed Alphanumerics: ① ⑴ ⒈ ⓐ ...
    (0x2500, 0x257F),  # Box Drawing
    (0x2580, 0x259F),  # Block Elements
    (0x25A0, 0x25FF),  # Geometric Shapes: □ ■ △ ▲ ○ ● ◎ ◇ ◆ ...
    (0x2600, 0x26FF),  # Miscellaneous Symbols: ★ ☆ ☎ ♀ ♂ ⚠ ... (Noto CJK has no ☐ ☑)
    (0x2700, 0x27BF),  # Dingbats: ✓ ❶ ➀ ...
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3220, 0x3243),  # parenthesized ideographs: ㈠ ... ㈩ ㈱ ...
    (0x3280, 0x32B0),  # circled ideographs: ㊀ ... ㊣ ...
    (0x3371, 0x33DF),  # CJK Compatibility, units: ㎡ ㎥ ㎎ ㎏ ㎜ ㎝ ㎞ ㏄ ...
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms: ︰ ﹉ ... ﹏
    (0xFE50, 0xFE6F),  # Small Form Variants
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms: ！ （ ） ， ： ； ￥ ...
]
KANA = (0x3040, 0x30FF)  # GB 2312 rows 4-5: left to the extension


def gb2312_characters():
    """Every character of GB 2312 (682 symbols and 6,763 hanzi), from Python's codec."""
    chars = set()
    for high in range(0xA1, 0xFF):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def common_hanzi():
    """The 8,105 characters of 通用规范汉字表 (2013), from common-hanzi.txt."""
    chars = set()
    with open(HANZI_LIST, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                chars.update(ord(c) for c in line if not c.isspace())
    return chars


def main_codepoints(cmap):
    """The code points of the main face: those of the font's `cmap` that forms use."""
    wanted = common_hanzi()
    wanted |= {cp for cp in gb2312_characters() if not KANA[0] <= cp <= KANA[1]}
    for first, last in MAIN_RANGES:
        wanted.update(range(first, last + 1))
    return sorted(cp for cp in cmap if cp in wanted)


def write_hanzi_list():
    """Writes common-hanzi.txt from the kTGH field of Unicode's Unihan database (Debian: unicode-data)."""
    table = []
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[1] == "kTGH":
                for value in fields[2].split():  # "2013:1234"
                    table.append((int(value.split(":")[1]), chr(int(fields[0][2:], 16))))
    table.sort()
    if len(table) != 8105 or [n for n, _ in table] != list(range(1, 8106)):
        sys.exit(f"split.py: kTGH in {UNIHAN} does not number 1..8105 ({len(table)} entries)")
    version = open("/usr/share/unicode/ReadMe.txt", encoding="utf-8").read().split("Version ")[1].split()[0] \
        if os.path.exists("/usr/share/unicode/ReadMe.txt") else "?"
    with open(HANZI_LIST + ".tmp", "w", encoding="utf-8") as out:
        out.write("# 通用规范汉字表 (2013): 8,105 characters in table order, 50 a line; level 1 is 1-3500,\n"
                  "# level 2 3501-6500, level 3 6501-8105. Made by `fonts/split.py --write-hanzi-list` from\n"
                  f"# the kTGH field of Unihan {version} (Debian unicode-data). Used by split.py.\n")
        chars = [c for _, c in table]
        for i in range(0, len(chars), 50):
            out.write("".join(chars[i:i + 50]) + "\n")
    os.replace(HANZI_LIST + ".tmp", HANZI_LIST)
    print(f"split.py: wrote {len(table)} characters to {HANZI_LIST}")


def rename(font, family, style, description):
    """Sets name IDs 1-6 for `family`/`style`; keeps copyright, licence and the other records."""
    name = font["name"]
    version = font["head"].fontRevision
    source = name.getDebugName(3).split(";from ")[-1] if name.getDebugName(3) else "?"
    conversion = name.getDebugName(5) or ""
    ps_name = family.replace(" ", "") + "-" + style
    name.names = [r for r in name.names if r.nameID not in IDENTITY_NAME_IDS]
    values = {
        1: family,
        2: style,
        3: f"{version:.3f};DANJU;{ps_name};from {source}",
        4: f"{family} {style}",
        5: f"{conversion}; {description}",
        6: ps_name,
    }
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)   # Windows, Unicode BMP, English (US)
    return ps_name


def recalc_metrics(font):
    """Font-wide bounds and maxima (head, hhea, vhea, maxp) of the subset, like fontTools' recalc, but
    from each glyph's 10-byte header, without decoding its outline. The glyphs stay as convert.py
    wrote them (with exact bounding boxes), so saving copies them; letting fontTools recalculate
    would decode and re-encode all of them, which took 80% of the time. All glyphs are simple."""
    glyphs = font["glyf"].glyphs
    hmtx, vmtx = font["hmtx"], font["vmtx"] if "vmtx" in font else None
    bounds = {}
    max_points = max_contours = 0
    for name in font.getGlyphOrder():
        glyph = glyphs[name]
        if hasattr(glyph, "data"):
            if not glyph.data:
                continue
            contours, x_min, y_min, x_max, y_max = struct.unpack(">hhhhh", glyph.data[:10])
            if contours < 0:
                sys.exit(f"split.py: {name} is a composite glyph; expected simple glyphs only (convert.py)")
            points = struct.unpack(">H", glyph.data[8 + 2 * contours:10 + 2 * contours])[0] + 1
        else:  # decoded by the subsetter
            if glyph.numberOfContours == 0:
                continue
            if glyph.isComposite():
                sys.exit(f"split.py: {name} is a composite glyph; expected simple glyphs only (convert.py)")
            contours, x_min, y_min, x_max, y_max = (glyph.numberOfContours, glyph.xMin, glyph.yMin,
                                                    glyph.xMax, glyph.yMax)
            points = len(glyph.coordinates)
        bounds[name] = (x_min, y_min, x_max, y_max)
        max_points, max_contours = max(max_points, points), max(max_contours, contours)

    head = font["head"]
    head.xMin = min(b[0] for b in bounds.values())
    head.yMin = min(b[1] for b in bounds.values())
    head.xMax = max(b[2] for b in bounds.values())
    head.yMax = max(b[3] for b in bounds.values())
    if all(hmtx[name][1] == b[0] for name, b in bounds.items()):
        head.flags |= 0x2
    else:
        head.flags &= ~0x2
    maxp = font["maxp"]
    maxp.maxPoints, maxp.maxContours = max_points, max_contours
    maxp.maxCompositePoints = maxp.maxCompositeContours = maxp.maxComponentElements = maxp.maxComponentDepth = 0

    hhea = font["hhea"]
    hhea.advanceWidthMax = max(adv for adv, _ in hmtx.metrics.values())
    hhea.minLeftSideBearing = min(hmtx[n][1] for n in bounds)
    hhea.minRightSideBearing = min(hmtx[n][0] - hmtx[n][1] - (b[2] - b[0]) for n, b in bounds.items())
    hhea.xMaxExtent = max(hmtx[n][1] + (b[2] - b[0]) for n, b in bounds.items())
    if vmtx is not None and "vhea" in font:
        vhea = font["vhea"]
        vhea.advanceHeightMax = max(adv for adv, _ in vmtx.metrics.values())
        vhea.minTopSideBearing = min(vmtx[n][1] for n in bounds)
        vhea.minBottomSideBearing = min(vmtx[n][0] - vmtx[n][1] - (b[3] - b[1]) for n, b in bounds.items())
        vhea.yMaxExtent = max(vmtx[n][1] + (b[3] - b[1]) for n, b in bounds.items())


def make_subset(source, codepoints, output, family, style, description):
    options = subset.Options(
        layout_features=["*"],      # every GSUB/GPOS feature (vert, locl, fwid, palt, ...)
        layout_scripts=["*"],
        name_IDs=["*"], name_languages=["*"], name_legacy=True,
        glyph_names=False,
        hinting=False,
        notdef_outline=True,
        recalc_bounds=False,        # see recalc_metrics
        recalc_timestamp=False,     # head dates are kept: reproducible output
        prune_unicode_ranges=True,
    )
    options.drop_tables = [t for t in options.drop_tables if t != "BASE"]
    options.no_subset_tables += ["BASE"]   # baselines only (BaseCoord format 1: no glyph ids)
    font = TTFont(source, recalcBBoxes=False, recalcTimestamp=False, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    recalc_metrics(font)
    ps_name = rename(font, family, style, description)
    tmp = f"{output}.tmp{os.getpid()}"
    font.save(tmp)
    os.replace(tmp, output)
    return ps_name, len(font.getGlyphOrder()), len(font.getBestCmap())


def main():
    if sys.argv[1:] == ["--write-hanzi-list"]:
        return write_hanzi_list()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", help="a full face made by convert.py, e.g. DanjuHei-Regular.ttf")
    ap.add_argument("outdir")
    ap.add_argument("--family", required=True, help='e.g. "Danju Hei"; the extension gets "Danju Hei Ext"')
    ap.add_argument("--style", required=True, choices=["Regular", "Bold"])
    args = ap.parse_args()

    start = time.monotonic()
    cmap = TTFont(args.source, lazy=True).getBestCmap()
    main_cps = main_codepoints(cmap)
    main_set = set(main_cps)
    ext_cps = sorted(cp for cp in cmap if cp not in main_set)
    ext_family = args.family + EXT_SUFFIX
    for family, cps, description in (
        (args.family, main_cps, f"main part: {len(main_cps)} characters (forms), the rest in {ext_family}"),
        (ext_family, ext_cps, f"extension: the {len(ext_cps)} characters not in {args.family}"),
    ):
        out = os.path.join(args.outdir, family.replace(" ", "") + "-" + args.style + ".ttf")
        ps_name, glyphs, chars = make_subset(args.source, cps, out, family, args.style, description)
        print(f"  {ps_name}: {chars} characters, {glyphs} glyphs, {os.path.getsize(out) / 1e6:.1f} MB, "
              f"{time.monotonic() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
