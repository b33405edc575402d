#!/usr/bin/env python3
"""A site whose one report holds N inline figures (`=m.total` code spans).

    bench/stress/figure_spans.py N OUTDIR
    time build/costsite build --source OUTDIR --out /tmp/spans-out
"""
import pathlib
import sys

BASE = 20000  # the size bench/stress/run.sh starts from

PROVIDER = """provider: cloud
name: Cloud
currency: USD
source: https://example.com/pricing
date: 2025-01-02
prices:
  - id: vm
    label: VM
    unit: USD/h
    price: 0.5
"""

MODEL = """model: m
title: VM
unit: USD/month
params:
  n: {value: 2, label: VMs}
items:
  vm: {label: VM, quantity: n * 730 h/month, price: "@cloud/vm"}
"""


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    for d in ("content/reports", "pricing/providers", "pricing/models"):
        (out / d).mkdir(parents=True, exist_ok=True)
    (out / "site.yaml").write_text("title: Figure spans\nlanguages: [en]\n")
    (out / "content/_index.en.md").write_text("---\ntitle: Home\n---\nMany figures.\n")
    (out / "pricing/providers/cloud.yaml").write_text(PROVIDER)
    (out / "pricing/models/m.yaml").write_text(MODEL)
    spans = ["`=m.total` and `=m.vm`, about 123.4 a day."] * (n // 2) + ["`=m.n`."] * (n % 2)
    lines = [" ".join(spans[i:i + 10]) for i in range(0, len(spans), 10)]
    page = "---\ntitle: Spans\n---\n## Figures\n\n" + "\n".join(lines) + "\n"
    (out / "content/reports/spans.en.md").write_text(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
