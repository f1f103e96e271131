"""Largest absolute and relative difference between two measure tables
(CSV, same header and node order), NA only where the other is NA.
Usage: python3 bench/maxdiff.py A.csv B.csv"""
import csv
import math
import sys

with open(sys.argv[1], newline="") as fa, open(sys.argv[2], newline="") as fb:
    a, b = list(csv.reader(fa)), list(csv.reader(fb))
assert a[0] == b[0], f"headers differ: {a[0]} vs {b[0]}"
assert len(a) == len(b), f"{len(a) - 1} rows vs {len(b) - 1}"
worst_abs, worst_rel, where = 0.0, 0.0, ""
for ra, rb in zip(a[1:], b[1:]):
    assert ra[0] == rb[0], f"node order differs: {ra[0]} vs {rb[0]}"
    for name, x, y in zip(a[0][1:], ra[1:], rb[1:]):
        if x == "NA" or y == "NA":
            assert x == y, f"{ra[0]} {name}: {x} vs {y}"
            continue
        d = abs(float(x) - float(y))
        if d > worst_abs:
            worst_abs, where = d, f"{ra[0]} {name} ({x} vs {y})"
        worst_rel = max(worst_rel, d / max(1.0, abs(float(x))))
print(f"{len(a) - 1} rows, {len(a[0]) - 1} measures: max abs diff {worst_abs:.3g} at {where}; "
      f"max diff relative to max(1,|value|) {worst_rel:.3g}")
