#!/usr/bin/python3
"""Makes the two Danju faces of one Noto CJK SC face (CFF outlines, in a .ttc):
  * a main face with a family name of its own ("Danju Hei"): the characters business forms use, and
  * an extension face ("Danju Hei Ext"): every other character of the font,
each with the glyphs its characters reach, converted to TrueType outlines (convert.py).

Run with Debian's /usr/bin/python3, python3-fonttools (4.38) and python3-freetype; called by
scripts/prepare-fonts, which caches the results. Any change to this file, convert.py or
common-hanzi.txt changes the cache key, so the fonts are made again.

Why two faces: cairo 1.16 finds the Unicode value of every glyph it puts into a PDF by walking
the font's cmap from the lowest code point (_cairo_ft_index_to_ucs4, once per distinct
glyph per PDF file). In the full font (~44,800 characters) a common hanzi is ~17,000
entries deep; in the main face (9,791 characters) ~4,900 (average over the 3,500 most common).
fontconfig falls back from the main face to its extension (fonts.conf), so rare
characters (㵘 䶮 𠀾 ...) still have glyphs.

Why not every glyph: of the 65,535 glyphs of Noto Sans CJK SC, about 17,900 are reached only through
the Japanese, Korean and traditional Chinese language systems (mostly their locl: the regional forms
of the hanzi), which danju's text never uses, and 859 by no character at all. The two faces keep
46,749 of them, and only those are converted.

    split.py NotoSansCJK-Regular.ttc OUTDIR --face "Noto Sans CJK SC" --family "Danju Hei" --style Regular
    split.py --write-hanzi-list     # regenerate common-hanzi.txt from Unihan (unicode-data)
"""

import argparse
import bz2
import os
import sys
import time

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.unicodedata import script

import convert

HERE = os.path.dirname(os.path.abspath(__file__))
HANZI_LIST = os.path.join(HERE, "common-hanzi.txt")
UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
EXT_SUFFIX = " Ext"
STYLES = {"Regular": 400, "Bold": 700}

# The language systems HarfBuzz may pick for text danju lays out, and the scripts of the characters
# each may apply to. danju gives Pango the language zh-cn. Pango keeps it for a run of Han and for
# one of punctuation, digits and symbols alone (Common), but gives a run of another script that
# script's sample language (pango's compute_derived_language): kana are shaped as Japanese, Hangul
# as Korean, Latin as English. HarfBuzz takes the script's language system for that language (ZHS,
# JAN, KOR) if the font has one, else the script's default (dflt). Punctuation and marks take the
# script of the run they stand in.
LANGUAGE_SYSTEMS = [
    (("dflt", "ZHS"), None),                             # every script: all characters
    (("kana.JAN",), {"Hira", "Kana", "Zyyy", "Zinh"}),   # a run of kana (with punctuation, marks)
    (("hang.KOR",), {"Hang", "Zyyy", "Zinh"}),           # a run of Hangul
]

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


def language_system_tags(font, systems):
    """fontTools' layout_scripts tags for `systems`: "kana.JAN" as it is, "ZHS" for every script of the font."""
    scripts = {record.ScriptTag for tag in ("GSUB", "GPOS") if tag in font
               for record in font[tag].table.ScriptList.ScriptRecord}
    tags = set()
    for system in systems:
        tags.update([system] if "." in system else (f"{s}.{system}" for s in scripts))
    return sorted(tags)


def closure(source, index, codepoints):
    """The glyphs of face `index` of `source` that `codepoints` reach, directly or through any
    layout feature of a language system HarfBuzz may pick for them (LANGUAGE_SYSTEMS); fontTools'
    subsetter follows cmap and GSUB."""
    glyphs = set()
    for systems, of_scripts in LANGUAGE_SYSTEMS:
        chars = [cp for cp in codepoints if of_scripts is None or script(chr(cp)) in of_scripts]
        if not chars:
            continue
        font = TTFont(source, fontNumber=index, lazy=True)
        font.getGlyphOrder()    # read from the CFF charset, before the CFF table goes
        options = subset_options(language_system_tags(font, systems))
        # cmap and GSUB need no outlines, and a converted glyph is a whole outline (FreeType
        # resolves seac accents, the only glyph references in CFF): the CFF table is dropped
        # rather than decoded.
        options.drop_tables += ["CFF"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=chars)
        subsetter._prune_pre_subset(font)   # fontTools has no public call for the closure alone
        subsetter._closure_glyphs(font)
        glyphs |= subsetter.glyphs_retained
    return glyphs


def subset_options(language_systems):
    options = subset.Options(
        layout_features=["*"],      # every GSUB/GPOS feature (vert, locl, fwid, palt, ...) ...
        layout_scripts=language_systems,  # ... of these language systems
        name_IDs=["*"], name_languages=["*"], name_legacy=True,
        glyph_names=False,
        hinting=False,
        notdef_outline=True,
        recalc_bounds=False,        # convert.py sets them from the converted glyphs
        recalc_timestamp=False,     # head dates are kept: reproducible output
        prune_unicode_ranges=True,
    )
    options.drop_tables = [t for t in options.drop_tables if t != "BASE"]
    options.no_subset_tables += ["BASE"]   # baselines only (BaseCoord format 1: no glyph ids)
    return options


def keep_only(font, codepoints):
    """Drops from the cmap every character but `codepoints`. The subsetter keeps all characters of a
    glyph that was asked for, so a glyph shared with a character of the other face (一 U+4E00 and
    the radical ⼀ U+2F00) would bring that character along."""
    wanted = set(codepoints)
    for table in font["cmap"].tables:
        if table.format == 14:  # variation sequences
            table.uvsDict = {selector: kept for selector, pairs in table.uvsDict.items()
                             if (kept := [(cp, glyph) for cp, glyph in pairs if cp in wanted])}
        else:
            table.cmap = {cp: glyph for cp, glyph in table.cmap.items() if cp in wanted}
    font["OS/2"].recalcUnicodeRanges(font, pruneOnly=True)   # as the subsetter does, for these characters


def make_face(source, index, codepoints, output, family, style, description):
    """Writes the subset of face `index` of `source` with `codepoints` as a TrueType font: chooses the
    glyphs, subsets the font with empty glyphs, then converts the glyphs kept (convert.py)."""
    font = TTFont(source, fontNumber=index, recalcBBoxes=False, recalcTimestamp=False, lazy=True)
    glyphs = closure(source, index, codepoints)
    source_order = font.getGlyphOrder()
    options = subset_options(language_system_tags(font, [tag for systems, _ in LANGUAGE_SYSTEMS for tag in systems]))
    vertical_origins = convert.stub_truetype(font)
    options.layout_closure = False          # the glyphs are chosen above, per language system
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints, glyphs=glyphs)
    subsetter.subset(font)
    keep_only(font, codepoints)
    convert.to_truetype(font, convert.OutlineReader(source, index), source_order, vertical_origins)
    ps_name = convert.rename(font, family, style, description)
    tmp = f"{output}.tmp{os.getpid()}"
    font.save(tmp)
    os.replace(tmp, output)
    return ps_name, len(font.getGlyphOrder()), len(font.getBestCmap())


def main():
    if sys.argv[1:] == ["--write-hanzi-list"]:
        return write_hanzi_list()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", help="a Noto CJK collection, e.g. NotoSansCJK-Regular.ttc")
    ap.add_argument("outdir")
    ap.add_argument("--face", required=True, help='family in the .ttc, e.g. "Noto Sans CJK SC"')
    ap.add_argument("--family", required=True, help='e.g. "Danju Hei"; the extension gets "Danju Hei Ext"')
    ap.add_argument("--style", required=True, choices=sorted(STYLES))
    args = ap.parse_args()

    start = time.monotonic()
    index = convert.find_face(args.source, args.face)
    font = TTFont(args.source, fontNumber=index, lazy=True)
    weight = font["OS/2"].usWeightClass
    if weight != STYLES[args.style]:
        sys.exit(f"split.py: {args.face} in {args.source} has weight {weight}, not {args.style}")
    cmap = font.getBestCmap()
    main_cps = main_codepoints(cmap)
    main_set = set(main_cps)
    ext_cps = sorted(cp for cp in cmap if cp not in main_set)
    ext_family = args.family + EXT_SUFFIX
    for family, cps, description in (
        (args.family, main_cps, f"main part: {len(main_cps)} characters (forms), the rest in {ext_family}"),
        (ext_family, ext_cps, f"extension: the {len(ext_cps)} characters not in {args.family}"),
    ):
        out = os.path.join(args.outdir, family.replace(" ", "") + "-" + args.style + ".ttf")
        ps_name, glyphs, chars = make_face(args.source, index, cps, out, family, args.style, description)
        print(f"  {ps_name}: {chars} characters, {glyphs} glyphs, {os.path.getsize(out) / 1e6:.1f} MB, "
              f"{time.monotonic() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
