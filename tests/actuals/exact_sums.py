#!/usr/bin/env python3
"""Exactness of `costsite actuals`: its group totals against sums computed here
with Python's decimal module, on a generated FOCUS export.

Usage: exact_sums.py COSTSITE GEN_FOCUS_PY WORKDIR
"""
import csv
import decimal
import json
import pathlib
import shutil
import subprocess
import sys

decimal.getcontext().prec = 60  # wider than any sum here: every addition is exact


def expected(path, measure, group_by):
    sums = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            tags = json.loads(row["Tags"]) if row["Tags"] else {}
            key = tuple(tags.get(g[4:], "") if g.startswith("tag:") else row[g] for g in group_by)
            k = (key, row["BillingCurrency"])
            total, lines, empty = sums.get(k, (decimal.Decimal(0), 0, 0))
            value = row[measure]
            sums[k] = (total + (decimal.Decimal(value) if value else 0), lines + 1, empty + (0 if value else 1))
    return sums


def main():
    costsite, gen, work = sys.argv[1:4]
    work = pathlib.Path(work)
    shutil.rmtree(work, ignore_errors=True)
    (work / "actuals").mkdir(parents=True)
    data = work / "actuals" / "2024-09.csv"
    subprocess.run([sys.executable, gen, "20000", str(data), "--seed", "42"], check=True)
    failures = 0
    for measure, group_by in [("BilledCost", ["ServiceName"]), ("ContractedCost", ["ProviderName", "tag:team"]),
                              ("EffectiveCost", ["RegionId", "ChargeCategory"])]:
        out = subprocess.run([costsite, "actuals", "--source", str(work), "--measure", measure, "--group",
                              ",".join(group_by), "--json"], check=True, capture_output=True, text=True).stdout
        got = json.loads(out)
        want = expected(data, measure, group_by)
        seen = set()
        for g in got["groups"]:
            k = (tuple(g["key"][n] for n in group_by), g["currency"])
            seen.add(k)
            total, lines, empty = want.get(k, (None, 0, 0))
            if total is None or decimal.Decimal(g["total"]) != total or g["lines"] != lines or g["empty_lines"] != empty:
                print(f"{measure} {k}: costsite {g['total']} ({g['lines']} lines), decimal {total} ({lines} lines)")
                failures += 1
        if seen != set(want):
            print(f"{measure}: groups differ: {sorted(set(want) ^ seen)}")
            failures += 1
        print(f"{measure} by {','.join(group_by)}: {len(seen)} groups checked")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
