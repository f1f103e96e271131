#!/usr/bin/env python3
"""Writes the interop test tables (see README.md): survey data in the layouts
R's egor, write.csv, write.csv2, egor's onefile_to_egor and EgoWeb 2.0
produce, each next to the same data in sociogram's plain three-table form.

Run from this directory: python3 make.py   (Python 3 standard library only;
seeded, so the output is the same on every run).
"""
import csv
import os
import random

rng = random.Random(13)


def q(s):
    """A string as R's write.csv quotes it."""
    return '"' + str(s).replace('"', '""') + '"'


def rnum(x, dec="."):
    """A number as R writes it (15 significant digits, NA for None)."""
    if x is None:
        return "NA"
    s = ("%.15g" % x)
    return s.replace(".", dec)


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", newline="") as f:
        for l in lines:
            f.write(l + "\n")


def write_plain(d, egos, alters, ties, ego_key=("egoID",), weight=True):
    """sociogram's plain tables: comma-separated, NA for missing."""
    os.makedirs(d, exist_ok=True)

    def w(name, head, rows):
        with open(os.path.join(d, name), "w", newline="") as f:
            cw = csv.writer(f, lineterminator="\n")
            cw.writerow(head)
            for r in rows:
                cw.writerow(["NA" if v is None else v for v in r])
    w("egos.csv", egos[0], egos[1])
    w("alters.csv", alters[0], alters[1])
    w("aaties.csv", ties[0], ties[1])


SEXES = ["m", "w"]
AGES = ["0 - 17", "18 - 25", "26 - 35", "36 - 45", "46 - 55", "56 - 65", "66 - 100"]

# --- egor's 32-ego example (inst/extdata/egos_32.csv, alteri_32.csv,
# edges_32.csv): write.csv2 with row names, so ';', a first column "" and
# quoted row names; egoID, alterID and the ties' numbers unquoted in
# egos_32.csv and edges_32.csv, egoID quoted (a factor) in alteri_32.csv.
egos, alters, ties = [], [], []
for e in range(1, 33):
    n = [0, 1, 2][e - 1] if e <= 3 else rng.randint(3, 9)  # egos 1-3: no, one, two alters
    egos.append((e, rng.choice(SEXES), rng.choice(AGES), n))
    for a in range(1, n + 1):
        alters.append((e, a, rng.choice(SEXES), rng.choice(AGES)))
    for s in range(1, n + 1):
        for t in range(s + 1, n + 1):
            if rng.random() < 0.45:
                ties.append((e, s, t, rng.randint(1, 3)))
d = "egor32"
write_lines(f"{d}/egos_32.csv", [";".join(map(q, ["", "egoID", "sex", "age", "netsize"]))] +
            [";".join([q(i + 1), str(e), q(s), q(a), str(n)]) for i, (e, s, a, n) in enumerate(egos)])
write_lines(f"{d}/alteri_32.csv", [";".join(map(q, ["", "egoID", "alterID", "alter.sex", "alter.age"]))] +
            [";".join([q(i + 1), q(e), str(a), q(s), q(g)]) for i, (e, a, s, g) in enumerate(alters)])
write_lines(f"{d}/edges_32.csv", [";".join(map(q, ["", "egoID", "Source", "Target", "weight"]))] +
            [";".join([q(i + 1), str(e), str(s), str(t), str(w)]) for i, (e, s, t, w) in enumerate(ties)])
write_plain(f"{d}/plain", (["egoID", "sex", "age", "netsize"], egos),
            (["egoID", "alterID", "alter.sex", "alter.age"], alters),
            (["egoID", "Source", "Target", "weight"], ties))

# --- transnat-like: egor's internal names as as_egos_df(), as_alters_df()
# and as_aaties_df() give them (.egoID last in the ego table, .altID then
# .egoID first in the alter table, .egoID .srcID .tgtID first in the
# alter-alter table), written by R's write.csv with its row names: ',', a
# first column "", NA for missing values.
egos, alters, ties = [], [], []
for e in range(1, 21):
    n = rng.randint(0, 8) if e > 1 else 0
    egos.append((rng.choice(["female", "male"]), rng.randint(22, 70), rng.choice(["work", "family", "study", None]), e))
    for a in range(1, n + 1):
        alters.append((a, e, rng.choice(["female", "male", None]), rng.choice(["DE", "UK", "other"]), rng.choice(["kin", "friend", "colleague"])))
    for s in range(1, n + 1):
        for t in range(s + 1, n + 1):
            if rng.random() < 0.4:
                ties.append((e, s, t, rng.choice([1, 2, 3])))
d = "transnat"
write_lines(f"{d}/ego.csv", [",".join(map(q, ["", "sex", "age", "migration_reason", ".egoID"]))] +
            [",".join([q(i + 1), q(s), str(a), q(m) if m else "NA", str(e)]) for i, (s, a, m, e) in enumerate(egos)])
write_lines(f"{d}/alter.csv", [",".join(map(q, ["", ".altID", ".egoID", "sex", "country", "relation"]))] +
            [",".join([q(i + 1), str(a), str(e), q(s) if s else "NA", q(c), q(r)]) for i, (a, e, s, c, r) in enumerate(alters)])
write_lines(f"{d}/aatie.csv", [",".join(map(q, ["", ".egoID", ".srcID", ".tgtID", "weight"]))] +
            [",".join([q(i + 1), str(e), str(s), str(t), str(w)]) for i, (e, s, t, w) in enumerate(ties)])
write_plain(f"{d}/plain", (["egoID", "sex", "age", "migration_reason"], [(e, s, a, m) for (s, a, m, e) in egos]),
            (["egoID", "alterID", "sex", "country", "relation"], [(e, a, s, c, r) for (a, e, s, c, r) in alters]),
            (["egoID", "Source", "Target", "weight"], ties))

# --- write.csv2(row.names = FALSE): ';', decimal comma, NA; two waves with
# the study's own key names (person, interview); some tie weights NA; a
# decimal-comma alter attribute (closeness) and tie weight.
egos, alters, ties = [], [], []
for p in range(1, 9):
    for wave in (1, 2):
        if p == 8 and wave == 2:
            continue  # drop-out between waves
        egos.append((f"P{p}", wave, rng.choice(["f", "m"])))
        n = 0 if (p == 7 and wave == 1) else rng.randint(2, 6)
        for a in range(1, n + 1):
            alters.append((f"P{p}", wave, f"A{a}", rng.choice(["family", "friend", "work"]), rng.choice([0.5, 1.25, 2.0, 3.75])))
        for s in range(1, n + 1):
            for t in range(s + 1, n + 1):
                if rng.random() < 0.5:
                    w = rng.choice([0.5, 1.5, 2.25, None])
                    ties.append((f"P{p}", wave, f"A{s}", f"A{t}", w))
d = "csv2"
write_lines(f"{d}/egos.csv", [";".join(map(q, ["person", "interview", "gender"]))] +
            [";".join([q(p), str(w), q(g)]) for (p, w, g) in egos])
write_lines(f"{d}/alters.csv", [";".join(map(q, ["person", "interview", "alterID", "role", "closeness"]))] +
            [";".join([q(p), str(w), q(a), q(r), rnum(c, ",")]) for (p, w, a, r, c) in alters])
write_lines(f"{d}/aaties.csv", [";".join(map(q, ["person", "interview", "Source", "Target", "strength"]))] +
            [";".join([q(p), str(w), q(s), q(t), rnum(x, ",")]) for (p, w, s, t, x) in ties])
E = (["person", "interview", "gender"], egos)
A = (["person", "interview", "alterID", "role", "closeness"], alters)
H = ["person", "interview", "Source", "Target", "strength"]
write_plain(f"{d}/plain_drop", E, A, (H, [r for r in ties if r[4] is not None]))
write_plain(f"{d}/plain_fill1", E, A, (H, [r[:4] + ((1 if r[4] is None else r[4]),) for r in ties]))

# --- one-file ("wide") table as egor's onefile_to_egor reads it, written
# by write.csv2 with row names: one row per ego; alter attributes alter-wise
# (alter.sex.1, alter.age.1, alter.closeness.1, alter.sex.2, ...: the
# layout of egor's inst/extdata/alteri_32_wide.csv) for up to 5 alters, NA
# in the slots of alters not named; then the alter-alter half-matrix
# tie_1_2, tie_1_3, ..., tie_4_5 (value: tie strength 1 or 2, 0 for no tie,
# NA for a question skipped or not asked).
MAXA = 5
egos, alters, ties = [], [], []
rows = []
for e in range(1, 13):
    n = {1: 0, 2: 1, 3: 2}.get(e, rng.randint(2, MAXA))
    sex, age = rng.choice(["m", "w"]), rng.randint(20, 80)
    egos.append((e, sex, age))
    row = [q(e), str(e), q(sex), str(age)]
    for a in range(1, MAXA + 1):
        if a <= n:
            s, g, c = rng.choice(["m", "w"]), rng.randint(18, 90), rng.choice([0.5, 1.0, 1.5, 2.25])
            alters.append((e, a, s, g, c))
            row += [q(s), str(g), rnum(c, ",")]
        else:
            row += ["NA", "NA", "NA"]
    for i in range(1, MAXA + 1):
        for j in range(i + 1, MAXA + 1):
            if i > n or j > n:
                row.append("NA")  # not asked: an alter not named
                continue
            v = rng.choice([0, 0, 1, 2, None])
            row.append("NA" if v is None else str(v))
            if v:
                ties.append((e, i, j, v))
    rows.append(";".join(row))
head = ["", "egoID", "sex", "age"]
for a in range(1, MAXA + 1):
    head += [f"alter.sex.{a}", f"alter.age.{a}", f"alter.closeness.{a}"]
head += [f"tie_{i}_{j}" for i in range(1, MAXA + 1) for j in range(i + 1, MAXA + 1)]
write_lines("wide/onefile.csv", [";".join(map(q, head))] + rows)
write_plain("wide/plain", (["egoID", "sex", "age"], egos),
            (["egoID", "alterID", "sex", "age", "closeness"], alters),
            (["egoID", "Source", "Target", "weight"], ties))

# --- EgoWeb 2.0 CSV export (github.com/qualintitative/egoweb, the
# ego-alter and alter-pair exports of its interview controller): plain
# comma-joined lines, no quotes. Ego-alter file: EgoID, Interview ID, Start
# Time, End Time, the ego questions, Alter Number, Alter Name, the alter
# questions, one row per alter (an ego who named nobody: one row with an
# empty Alter Number). Alter-pair file: Interview ID, EgoID, Alter 1
# Number, Alter 1 Name, Alter 2 Number, Alter 2 Name, the pair questions,
# Alter 1 ID, Alter 2 ID; one row per pair asked about; answers 1 (they
# know each other), 0, and EgoWeb's skip codes SKIPPED / DONT_KNOW.
NAMES = ["Ann", "Bob", "Cal", "Dee", "Eve", "Fay"]
egos, alters, ties = [], [], []
arows, prows = [], []
aid = 100
for k, e in enumerate(["E01", "E02", "E03", "E04", "E05", "E06"]):
    iid = 40 + k
    start, end = f"2024-05-0{k + 1} 10:00", f"2024-05-0{k + 1} 10:40"
    age = rng.randint(25, 70)
    egos.append((e, iid, start, end, age))
    n = 0 if e == "E03" else rng.randint(2, 5)
    if n == 0:
        arows.append(",".join([e, str(iid), start, end, str(age), "", "", "", ""]))
    ids = {}
    for a in range(1, n + 1):
        rel, clo = rng.choice(["family", "friend", "coworker"]), rng.randint(1, 5)
        alters.append((e, a, NAMES[a - 1], rel, clo))
        arows.append(",".join([e, str(iid), start, end, str(age), str(a), NAMES[a - 1], rel, str(clo)]))
        aid += 1
        ids[a] = aid
    for i in range(1, n + 1):
        for j in range(i + 1, n + 1):
            ans = rng.choice(["1", "1", "0", "SKIPPED", "DONT_KNOW"])
            prows.append(",".join([str(iid), e, str(i), NAMES[i - 1], str(j), NAMES[j - 1], ans, str(ids[i]), str(ids[j])]))
            if ans == "1":
                ties.append((e, i, j))
write_lines("egoweb/study-ego-alter.csv", [",".join(["EgoID", "Interview ID", "Start Time", "End Time", "age", "Alter Number", "Alter Name", "relationship", "closeness"])] + arows)
write_lines("egoweb/study-alter-pair.csv", [",".join(["Interview ID", "EgoID", "Alter 1 Number", "Alter 1 Name", "Alter 2 Number", "Alter 2 Name", "know_each_other", "Alter 1 ID", "Alter 2 ID"])] + prows)
write_plain("egoweb/plain", (["EgoID", "Interview ID", "Start Time", "End Time", "age"], egos),
            (["EgoID", "alterID", "Alter Name", "relationship", "closeness"], alters),
            (["EgoID", "Source", "Target"], ties))
