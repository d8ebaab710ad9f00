"""Turns a subset of a Noto CJK face (CFF outlines) into a TrueType-outline font: split.py chooses
and subsets the glyphs first, then this converts only the glyphs that were kept.

Used by split.py with Debian's /usr/bin/python3, python3-fonttools (4.38) and python3-freetype;
scripts/prepare-fonts caches the results. Any change to this file changes the cache key, so the
fonts are made again.

Why TrueType: cairo 1.16 keeps every CFF local subroutine when it subsets a CFF font (~930 KB of
font per PDF with the stock Noto Sans CJK); a TrueType subset of the same glyphs is ~20x smaller.

How: FreeType reads each CFF outline, unhinted, in font units (in C: fontTools' charstring
interpreter took most of the time of the former conversion); each cubic curve becomes quadratic
with fontTools' cu2qu (max error 1 unit of 1000), and the contour is reversed (CFF runs
counter-clockwise, TrueType clockwise) and closed exactly as fontTools' Cu2QuPen(reverse_direction=
True) into a TTGlyphPen does, then packed as fontTools' Glyph.compile packs it. For all 65,535
glyphs of each of the four faces this gave the same bytes as that pen pipeline (checked against
the former convert.py, which drew every glyph through it).
"""

import ctypes
import math
import struct
import sys
from array import array
from collections import namedtuple

import freetype
from fontTools.cu2qu import curve_to_quadratic
from fontTools.pens.reverseContourPen import reversedContour
from fontTools.ttLib import TTCollection, newTable
from fontTools.ttLib.tables._g_l_y_f import (Glyph, flagRepeat as REPEAT, flagXShort as X_SHORT,
                                             flagXsame as X_SAME, flagYShort as Y_SHORT, flagYsame as Y_SAME)

MAX_ERR = 1.0  # units of the 1000-unit em; cubic -> quadratic approximation error
# What the fonts need to know of a converted glyph: (xMin, yMin, xMax, yMax), numbers of points and contours.
Outline = namedtuple("Outline", "bounds points contours")
# Name IDs that identify the face; all of them are replaced so nothing says "Noto" any more
# (fontconfig would otherwise also list the face under its old family name).
IDENTITY_NAME_IDS = {1, 2, 3, 4, 5, 6, 16, 17, 18, 21, 22}


def find_face(path, face):
    """Index of the face whose family name (name ID 1, Windows English) is `face`."""
    coll = TTCollection(path, lazy=True)
    found = []
    for i, font in enumerate(coll.fonts):
        family = font["name"].getName(1, 3, 1, 0x409)
        family = family.toUnicode() if family else None
        found.append(family)
        if family == face:
            return i
    sys.exit(f"convert.py: no face named {face!r} in {path} (has: {', '.join(map(str, found))})")


class OutlineReader:
    """The CFF outlines of one face of a font file, read by FreeType."""

    LOAD_FLAGS = freetype.FT_LOAD_NO_SCALE | freetype.FT_LOAD_NO_HINTING

    def __init__(self, path, index):
        self.face = freetype.Face(path, index=index)

    def contours(self, gid):
        """The contours of glyph `gid` in font units, each as (start point, segments): a segment
        is (point,) for a line or (control 1, control 2, point) for a cubic curve. FreeType leaves
        out a closing point that repeats the start, so a last curve may end at the start point."""
        self.face.load_glyph(gid, self.LOAD_FLAGS)
        outline = self.face.glyph.outline._FT_Outline
        count = outline.n_points
        if count == 0:
            return []
        xy = array("q", ctypes.string_at(outline.points, count * 16))  # FT_Vector: two FT_Pos (long)
        tags = ctypes.string_at(outline.tags, count)
        ends = array("h", ctypes.string_at(outline.contours, outline.n_contours * 2))
        points = list(zip(xy[0::2], xy[1::2]))
        contours = []
        first = 0
        for last in ends:
            segments = []
            i = first + 1
            while i <= last:
                if tags[i] & 1:  # on the curve: a line
                    segments.append((points[i],))
                    i += 1
                else:  # two cubic control points, then the end point (or the start, closing)
                    segments.append((points[i], points[i + 1], points[i + 2] if i + 2 <= last else points[first]))
                    i += 3
            contours.append((points[first], segments))
            first = last + 1
        return contours


def truetype_glyph(contours):
    """The TrueType glyph of the cubic `contours` (see OutlineReader), with the points and flags
    that Cu2QuPen(TTGlyphPen(), MAX_ERR, reverse_direction=True) gives for the same outline.
    Returns the glyph and, if it has an outline, its Outline (bounds, numbers of points and contours)."""
    points, on_curve, ends = [], [], []
    for start, segments in contours:
        path = [("moveTo", (start,))]
        current = start
        for segment in segments:
            if len(segment) == 1:
                path.append(("lineTo", segment))
            else:
                path.append(("qCurveTo", tuple(curve_to_quadratic((current,) + segment, MAX_ERR)[1:])))
            current = segment[-1]
        path.append(("closePath", ()))
        first = len(points)
        for _, operands in reversedContour(path):
            if operands:
                points.extend(operands)
                on_curve.extend([0] * (len(operands) - 1) + [1])
        last = len(points) - 1
        if last == first:  # a lone point (a moveto without a path) is no contour
            del points[first:], on_curve[first:]
            continue
        if points[first] == points[last]:  # the closing point repeats the start
            points.pop()
            on_curve.pop()
        ends.append(len(points) - 1)
    if not ends:
        return Glyph(), None
    xs = [math.floor(x + 0.5) for x, _ in points]  # fontTools' otRound
    ys = [math.floor(y + 0.5) for _, y in points]
    outline = Outline((min(xs), min(ys), max(xs), max(ys)), len(points), len(ends))
    return Glyph(glyph_data(xs, ys, on_curve, ends, outline.bounds)), outline


def glyph_data(xs, ys, on_curve, ends, bounds):
    """The glyf entry of a simple glyph without instructions, byte for byte as fontTools'
    Glyph.compile packs it (compileDeltasGreedy: the shortest form for each coordinate, runs
    of equal flags repeated), in one pass rather than fontTools' several."""
    flags, x_data, y_data = bytearray(), bytearray(), bytearray()
    last_x = last_y = 0
    last_flag = None
    repeat = 0
    for flag, x, y in zip(on_curve, xs, ys):
        dx, dy = x - last_x, y - last_y
        last_x, last_y = x, y
        if dx == 0:
            flag |= X_SAME
        elif -255 <= dx <= 255:
            flag |= X_SHORT | X_SAME if dx > 0 else X_SHORT
            x_data.append(abs(dx))
        else:
            x_data += dx.to_bytes(2, "big", signed=True)
        if dy == 0:
            flag |= Y_SAME
        elif -255 <= dy <= 255:
            flag |= Y_SHORT | Y_SAME if dy > 0 else Y_SHORT
            y_data.append(abs(dy))
        else:
            y_data += dy.to_bytes(2, "big", signed=True)
        if flag == last_flag and repeat != 255:
            repeat += 1
            if repeat == 1:
                flags.append(flag)
            else:
                flags[-2] = flag | REPEAT
                flags[-1] = repeat
        else:
            repeat = 0
            flags.append(flag)
        last_flag = flag
    return b"".join((struct.pack(f">5h{len(ends)}Hh", len(ends), *bounds, *ends, 0), flags, x_data, y_data))


def to_truetype(font, reader, source_order, vertical_origins):
    """Replaces the stub `glyf` of `font` (a subset whose glyph names are those of the source face,
    see split.py) by the converted outlines; sets the side bearings, font-wide bounds and maxima
    that depend on them. `vertical_origins` is the source's VORG table: TrueType has none, so
    the vertical origin becomes the top side bearing (origin - yMax)."""
    source_gid = {name: gid for gid, name in enumerate(source_order)}
    glyphs = font["glyf"].glyphs
    hmtx = font["hmtx"]
    vmtx = font["vmtx"] if "vmtx" in font else None
    outlines = {}
    for name in font.getGlyphOrder():
        glyphs[name], outline = truetype_glyph(reader.contours(source_gid[name]))
        if outline is None:
            continue
        outlines[name] = outline
        hmtx[name] = (hmtx[name][0], outline.bounds[0])
        if vmtx is not None and vertical_origins is not None:
            origin = vertical_origins.VOriginRecords.get(name, vertical_origins.defaultVertOriginY)
            vmtx[name] = (vmtx[name][0], origin - outline.bounds[3])
    set_font_bounds(font, outlines)
    font.recalcBBoxes = False  # set above, from the glyphs' own bounds


def set_font_bounds(font, outlines):
    """Font-wide bounds and maxima (head, hhea, vhea, maxp) from the glyphs' `outlines`, as
    fontTools' recalc would compute them without decoding every glyph again."""
    bounds = {name: outline.bounds for name, outline in outlines.items()}
    hmtx, vmtx = font["hmtx"], font["vmtx"] if "vmtx" in font else None
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
    maxp.maxPoints = max(outline.points for outline in outlines.values())
    maxp.maxContours = max(outline.contours for outline in outlines.values())
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


def stub_truetype(font):
    """Makes the CFF font `font` a TrueType font whose glyphs are all empty, so that fontTools'
    subsetter can choose glyphs without touching (or decoding) the CFF outlines; returns the VORG
    table it removes (see to_truetype)."""
    order = font.getGlyphOrder()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {name: Glyph() for name in order}
    del font["CFF "]
    vertical_origins = font["VORG"] if "VORG" in font else None
    if vertical_origins is not None:
        del font["VORG"]

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    maxp.maxZones = 1
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
                  "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxComponentDepth"):
        setattr(maxp, field, 0)
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    return vertical_origins


def rename(font, family, style, description):
    """Sets name IDs 1-6 for `family`/`style`; keeps copyright, licence and the other records."""
    name = font["name"]
    version = font["head"].fontRevision
    source = name.getDebugName(6)
    ps_name = family.replace(" ", "") + "-" + style
    name.names = [r for r in name.names if r.nameID not in IDENTITY_NAME_IDS]
    values = {
        1: family,
        2: style,
        3: f"{version:.3f};DANJU;{ps_name};from {source}",
        4: f"{family} {style}",
        5: f"Version {version:.3f}; {source} converted to TrueType outlines "
           f"(cu2qu max error {MAX_ERR:g}) for danju; {description}",
        6: ps_name,
    }
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)   # Windows, Unicode BMP, English (US)
    return ps_name
