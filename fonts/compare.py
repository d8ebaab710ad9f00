#!/usr/bin/python3
"""Compares two sets of Danju faces (two folders made by scripts/prepare-fonts), for a change of how
the fonts are made that must not change what they draw:
  * each face has the same characters in both, the main and extension faces share none, and
    together they have every character of the Noto CJK SC face they are made from;
  * every character has the same outline (points, on-curve flags, contours), advance and side
    bearings, horizontal and vertical, in both;
  * every single substitution of the language systems text set in Chinese uses (vert, fwid, locl
    ... of dflt and ZHS) turns each character into the same outline in both.
Glyph ids may differ. Prints what differs and exits 1 if anything does.

    compare.py OLD_DIR NEW_DIR
"""

import argparse
import os
import sys

from fontTools.ttLib import TTFont

import convert
import split

NOTO = "/usr/share/fonts/opentype/noto"
# family, source collection of each style, face in it
FAMILIES = [
    ("Danju Hei", "NotoSansCJK-{}.ttc", "Noto Sans CJK SC"),
    ("Danju Song", "NotoSerifCJK-{}.ttc", "Noto Serif CJK SC"),
]


class Face:
    """One Danju face file: its characters and, by character, what it draws."""

    def __init__(self, path):
        self.path = path
        self.font = TTFont(path, lazy=True)
        self.cmap = self.font.getBestCmap()
        self.glyf = self.font["glyf"]
        self.hmtx = self.font["hmtx"]
        self.vmtx = self.font["vmtx"] if "vmtx" in self.font else None

    def drawing(self, glyph_name):
        """The outline and metrics of a glyph, in terms that do not depend on glyph ids."""
        glyph = self.glyf[glyph_name]
        glyph.expand(self.glyf)
        outline = None
        if glyph.numberOfContours:
            outline = (list(glyph.coordinates), [flag & 1 for flag in glyph.flags], list(glyph.endPtsOfContours))
        return outline, self.hmtx[glyph_name], self.vmtx[glyph_name] if self.vmtx else None

    def single_substitutions(self):
        """{(feature, language system): {glyph name: glyph name}} of the GSUB single substitutions of
        the language systems split.py keeps for Chinese text (every script's dflt and ZHS)."""
        table = self.font["GSUB"].table
        found = {}
        for script in table.ScriptList.ScriptRecord:
            systems = [("dflt", script.Script.DefaultLangSys)] if script.Script.DefaultLangSys else []
            systems += [(r.LangSysTag.strip(), r.LangSys) for r in script.Script.LangSysRecord if r.LangSysTag == "ZHS "]
            for system_tag, system in systems:
                for index in system.FeatureIndex:
                    record = table.FeatureList.FeatureRecord[index]
                    mapping = found.setdefault((record.FeatureTag, f"{script.ScriptTag}.{system_tag}"), {})
                    for lookup_index in record.Feature.LookupListIndex:
                        lookup = table.LookupList.Lookup[lookup_index]
                        for subtable in lookup.SubTable:
                            if lookup.LookupType == 7:
                                subtable = subtable.ExtSubTable
                            if subtable.LookupType == 1:
                                for source, target in subtable.mapping.items():
                                    mapping.setdefault(source, target)
        return found


def compare_family(old_dir, new_dir, family, source, face, style, problems):
    stem = family.replace(" ", "")
    old = {part: Face(os.path.join(old_dir, f"{stem}{part}-{style}.ttf")) for part in ("", "Ext")}
    new = {part: Face(os.path.join(new_dir, f"{stem}{part}-{style}.ttf")) for part in ("", "Ext")}
    source_cmap = TTFont(source, fontNumber=convert.find_face(source, face), lazy=True).getBestCmap()

    def problem(text):
        problems.append(f"{stem}-{style}: {text}")

    for part in old:
        if set(old[part].cmap) != set(new[part].cmap):
            gone, added = set(old[part].cmap) - set(new[part].cmap), set(new[part].cmap) - set(old[part].cmap)
            problem(f"{stem}{part}: {len(gone)} characters gone (e.g. {sorted(gone)[:5]}), "
                    f"{len(added)} added (e.g. {sorted(added)[:5]})")
    if set(new[""].cmap) & set(new["Ext"].cmap):
        problem("the main and the extension face share characters")
    if set(new[""].cmap) | set(new["Ext"].cmap) != set(source_cmap):
        problem(f"main + extension do not have exactly the characters of {face} in {source}")

    checked = differ = 0
    for part in old:
        for cp, old_glyph in old[part].cmap.items():
            if cp not in new[part].cmap:
                continue
            checked += 1
            if old[part].drawing(old_glyph) != new[part].drawing(new[part].cmap[cp]):
                differ += 1
                if differ <= 5:
                    problem(f"U+{cp:04X} {chr(cp)} is drawn differently in {stem}{part}")

        old_subs, new_subs = old[part].single_substitutions(), new[part].single_substitutions()
        for key, old_mapping in old_subs.items():
            new_mapping = new_subs.get(key, {})
            for cp, old_glyph in old[part].cmap.items():
                if old_glyph not in old_mapping:
                    continue
                new_glyph = new[part].cmap.get(cp)
                checked += 1
                if new_glyph not in new_mapping or \
                        old[part].drawing(old_mapping[old_glyph]) != new[part].drawing(new_mapping[new_glyph]):
                    differ += 1
                    if differ <= 5:
                        problem(f"{key[0]} ({key[1]}) of U+{cp:04X} {chr(cp)} differs in {stem}{part}")
    print(f"{stem}-{style}: {len(new[''].cmap)} + {len(new['Ext'].cmap)} characters, {checked} drawings compared, "
          f"{differ} differ; glyphs {len(old[''].font.getGlyphOrder())} + {len(old['Ext'].font.getGlyphOrder())} "
          f"-> {len(new[''].font.getGlyphOrder())} + {len(new['Ext'].font.getGlyphOrder())}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old_dir")
    ap.add_argument("new_dir")
    args = ap.parse_args()
    problems = []
    for family, collection, face in FAMILIES:
        for style in sorted(split.STYLES, reverse=True):
            compare_family(args.old_dir, args.new_dir, family, os.path.join(NOTO, collection.format(style)),
                           face, style, problems)
    for text in problems:
        print(text)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
