#!/usr/bin/env python3
"""A site whose one report is a GFM table N columns wide with N one-cell rows
(or ROWS rows).

cmark-gfm pads every short row to the header's width, so the table costs
N x N cells: the case costsite's table limits (docs/authoring.md) bound.

    bench/stress/wide_table.py N OUTDIR [ROWS]
    time build/costsite build --source OUTDIR --out /tmp/wide-out
"""
import pathlib
import sys

BASE = 100  # the size bench/stress/run.sh starts from; 4x passes the 256-column limit


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    rows_n = int(sys.argv[3]) if len(sys.argv) == 4 else n
    (out / "content/reports").mkdir(parents=True, exist_ok=True)
    (out / "site.yaml").write_text("title: Wide table\nlanguages: [en]\n")
    (out / "content/_index.en.md").write_text("---\ntitle: Home\n---\nA wide table.\n")
    header = "|" + "|".join(f" c{i} " for i in range(n)) + "|\n"
    delimiter = "|" + "|".join("---" for _ in range(n)) + "|\n"
    rows = "".join(f"| r{i} |\n" for i in range(rows_n))
    page = "---\ntitle: Wide\n---\n## Table\n\n" + header + delimiter + rows
    (out / "content/reports/wide.en.md").write_text(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
