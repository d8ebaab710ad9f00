"""Helpers of bench/flowchart: add a random process to a database; draw each process with Graphviz dot
(lanes as clusters) and count the crossings of its edges from the output geometry."""
import random, shlex, sqlite3, subprocess, sys, time


def add_random(path, code, steps, lanes):
    """A main path wandering between lanes; decisions answer 是 to the next step and 否 forward past a few
    steps or back to rework an earlier one (the shape of the tests' random processes)."""
    rng = random.Random(120)
    names = ["服务顾问", "车间主任", "配件中心", "质检", "客户", "财务", "索赔员", "总经理"]
    words = ["接车", "检查故障原因", "填写技术报告书并拍照留档", "通知客户", "审核资料是否齐全，符合厂家要求", "配件出库",
             "质检签字", "结算", "回访并记录客户意见，整理档案", "派工", "试车", "核对配件编号、数量与订货单是否一致"]
    questions = ["合格?", "有现货?", "客户同意?", "在保修期内且资料齐全?", "能当场解决?"]
    db = sqlite3.connect(path)
    pid = db.execute("SELECT max(id) + 1 FROM processes").fetchone()[0]
    db.execute("INSERT INTO processes (id, code, name, version, effective_date) VALUES (?, ?, ?, 'V1.0', '2024-10-01')",
               (pid, code, f"随机流程 {steps} 步"))
    for i in range(lanes):
        db.execute("INSERT INTO process_lanes (process_id, code, name, seq) VALUES (?, ?, ?, ?)", (pid, f"L{i}", names[i], i))
    kinds, lane = [], 0
    for i in range(steps):
        if rng.randrange(3) == 0:
            lane = rng.randrange(lanes)
        kind = "start" if i == 0 else "end" if i == steps - 1 else rng.choice(["task", "task", "task", "decision", "doc", "subprocess"])
        kinds.append(kind)
        label = rng.choice(questions) if kind == "decision" else rng.choice(words)
        db.execute("INSERT INTO process_nodes (process_id, code, lane_code, seq, kind, label, time_limit, form_name) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (pid, f"N{i}", f"L{lane}", i, kind, label,
                                                       "≤2h" if rng.randrange(7) == 0 else None, f"单据{i}" if kind == "doc" else None))
    edges = []
    for i in range(steps - 1):
        if kinds[i] == "decision":
            edges.append((i, i + 1, "是"))
            target = max(0, i - rng.randint(1, 6)) if rng.randrange(3) == 0 else min(steps - 1, i + rng.randint(2, 5))
            edges.append((i, steps - 1 if target == i else target, "否"))
        else:
            edges.append((i, i + 1, None))
    eid = db.execute("SELECT coalesce(max(id), 0) + 1 FROM process_edges").fetchone()[0]
    for seq, (a, b, label) in enumerate(edges):
        db.execute("INSERT INTO process_edges (id, process_id, from_code, to_code, label, seq) VALUES (?, ?, ?, ?, ?, ?)",
                   (eid + seq, pid, f"N{a}", f"N{b}", label, seq))
    db.commit()


def dot_source(db, code):
    pid = db.execute("SELECT id FROM processes WHERE code = ?", (code,)).fetchone()[0]
    shapes = {"start": "ellipse", "end": "ellipse", "task": "box", "decision": "diamond", "doc": "note", "subprocess": "box"}
    wrap = lambda text: "\\n".join(text[i:i + 10] for i in range(0, len(text), 10))
    lines = ['digraph G {', 'rankdir=TB; newrank=true; fontname="Noto Sans CJK SC";', 'node [fontname="Noto Sans CJK SC", fontsize=9];',
             'edge [fontname="Noto Sans CJK SC", fontsize=8];']
    for lane, name in db.execute("SELECT code, name FROM process_lanes WHERE process_id = ? ORDER BY seq", (pid,)):
        lines.append(f'subgraph "cluster_{lane}" {{ label="{name}";')
        for node, kind, label in db.execute("SELECT code, kind, label FROM process_nodes WHERE process_id = ? AND lane_code = ? ORDER BY seq", (pid, lane)):
            lines.append(f'  "{node}" [shape={shapes[kind]}, label="{wrap(label)}"];')
        lines.append("}")
    for a, b, label in db.execute("SELECT from_code, to_code, label FROM process_edges WHERE process_id = ? ORDER BY seq", (pid,)):
        lines.append(f'"{a}" -> "{b}"' + (f' [label="{label}"]' if label else "") + ";")
    lines.append("}")
    return "\n".join(lines)


def crossings(plain):
    """Crossings between the edges' splines (sampled), not counting where two edges meet at their ends
    (within 0.1 inch of an end: arrows joining at a node). Node boxes are not excluded: a diamond's box
    has empty corners where dot's edges do cross."""
    paths = []
    for line in plain.splitlines():
        parts = shlex.split(line)
        if parts[0] == "edge":
            n = int(parts[3])
            pts = [(float(parts[4 + 2 * i]), float(parts[5 + 2 * i])) for i in range(n)]
            poly = []
            for k in range(0, n - 1, 3):
                p0, p1, p2, p3 = pts[k:k + 4]
                for s in range(17):
                    t = s / 16
                    u = 1 - t
                    poly.append((u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                                 u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]))
            paths.append(poly)
    near_end = lambda p, ends: any((p[0] - e[0]) ** 2 + (p[1] - e[1]) ** 2 < 0.01 for e in ends)
    count = 0
    for i in range(len(paths)):
        for j in range(i + 1, len(paths)):
            ends = [paths[i][0], paths[i][-1], paths[j][0], paths[j][-1]]
            for a, b in zip(paths[i], paths[i][1:]):
                for c, d in zip(paths[j], paths[j][1:]):
                    p = intersection(a, b, c, d)
                    if p and not near_end(p, ends):
                        count += 1
    return count


def intersection(a, b, c, d):
    r = (b[0] - a[0], b[1] - a[1]); s = (d[0] - c[0], d[1] - c[1])
    den = r[0] * s[1] - r[1] * s[0]
    if abs(den) < 1e-12:
        return None
    t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den
    u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den
    if 0 < t <= 1 and 0 < u <= 1:
        return (a[0] + t * r[0], a[1] + t * r[1])
    return None


def compare(path, danju_tsv, work, codes):
    db = sqlite3.connect(path)
    ours = {row.split("\t")[0]: row.split("\t") for row in open(danju_tsv).read().splitlines()[1:]}
    print(f"{'chart':<6} {'steps':>5} {'lanes':>5} {'danju ms':>9} {'font pt':>7} {'danju ×':>8} {'dot ×':>6} {'dot ms':>7}  danju edge length")
    for code in codes:
        source = dot_source(db, code)
        start = time.perf_counter()
        plain = subprocess.run(["dot", "-Tplain"], input=source, capture_output=True, text=True, check=True).stdout
        dot_ms = (time.perf_counter() - start) * 1000
        with open(f"{work}/{code}.dot", "w") as f:
            f.write(source)
        _, steps, lanes, ours_x, length, font, ms = ours[code]
        print(f"{code:<6} {steps:>5} {lanes:>5} {float(ms):>9.1f} {float(font):>7.2f} {ours_x:>8} {crossings(plain):>6} {dot_ms:>7.0f}  {length} pt")


if __name__ == "__main__":
    if sys.argv[1] == "add-random":
        add_random(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        compare(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
