#!/usr/bin/env python3
"""Derives a benchmark shop from a demo shop: one maker gets months 2099-01 (CLAIMS claims) and 2099-02
(SMALL claims), each claim a copy of a demo claim (parts, labour, history) with PHOTOS distinct JPEG files
of its own (hard links to the demo's claim photos, so every photo in a package is a different file).
Usage: bench/claims-db.py DEMO.sqlite OUT.sqlite [MAKER [CLAIMS [SMALL [PHOTOS]]]]"""
import os, shutil, sqlite3, sys

demo, out = sys.argv[1], sys.argv[2]
maker = sys.argv[3] if len(sys.argv) > 3 else "SANY"
months = [("2099-01", int(sys.argv[4]) if len(sys.argv) > 4 else 200), ("2099-02", int(sys.argv[5]) if len(sys.argv) > 5 else 50)]
per_claim = int(sys.argv[6]) if len(sys.argv) > 6 else 4

shutil.copyfile(demo, out)
db = sqlite3.connect(out)
demo_root = os.path.join(os.path.dirname(os.path.abspath(demo)), db.execute("SELECT value FROM settings WHERE key = 'photo_root'").fetchone()[0])
root_name = os.path.basename(out) + "-photos"
root = os.path.join(os.path.dirname(os.path.abspath(out)), root_name)
shutil.rmtree(root, ignore_errors=True)
for path, in db.execute("SELECT path FROM claim_photos UNION ALL SELECT path FROM work_order_photos"):
    os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
    os.link(os.path.join(demo_root, path), os.path.join(root, path))
db.execute("UPDATE settings SET value = ? WHERE key = 'photo_root'", (root_name,))

maker_id = db.execute("SELECT id FROM manufacturers WHERE code = ?", (maker,)).fetchone()[0]
# The maker's own approved claims: in warranty under its policies (the demo's makers approve no other), so that the
# package requests every copy.
sources = [r[0] for r in db.execute("SELECT id FROM warranty_claims WHERE manufacturer_id = ? AND status IN ('终审通过', '已结算') ORDER BY id",
                                    (maker_id,))]
pictures = db.execute("SELECT path, subject, caption, taken_at FROM claim_photos ORDER BY id").fetchall()
assert max(n for _, n in months) * per_claim <= len(pictures), "not enough distinct photos"

def copy_rows(table, claim, new_claim, overrides={}):
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    for row in db.execute(f"SELECT * FROM {table} WHERE claim_id = ?", (claim,)).fetchall():
        values = dict(zip(columns, row), id=None, claim_id=new_claim, **overrides)
        db.execute(f"INSERT INTO {table} ({','.join(values)}) VALUES ({','.join('?' * len(values))})", list(values.values()))

claim_columns = [r[1] for r in db.execute("PRAGMA table_info(warranty_claims)")]
for month, count in months:
    for i in range(count):
        source = sources[i % len(sources)]
        row = dict(zip(claim_columns, db.execute("SELECT * FROM warranty_claims WHERE id = ?", (source,)).fetchone()))
        row.update(id=None, claim_no=f"BX{month[2:4]}{month[5:]}-{i + 1:04d}", manufacturer_id=maker_id, claim_month=month, status="已提报")
        new = db.execute(f"INSERT INTO warranty_claims ({','.join(row)}) VALUES ({','.join('?' * len(row))})", list(row.values())).lastrowid
        copy_rows("claim_parts", source, new)
        copy_rows("claim_labour", source, new)
        copy_rows("warranty_claim_events", source, new)
        for j in range(per_claim):
            path, subject, caption, taken = pictures[i * per_claim + j]
            target = f"bench/{month}/{i + 1:04d}-{j + 1}.jpg"
            os.makedirs(os.path.dirname(os.path.join(root, target)), exist_ok=True)
            os.link(os.path.join(demo_root, path), os.path.join(root, target))
            db.execute("INSERT INTO claim_photos (claim_id, seq, subject, path, caption, taken_at) VALUES (?, ?, ?, ?, ?, ?)",
                       (new, j + 1, subject, target, caption, taken))
db.commit()
print(out)
