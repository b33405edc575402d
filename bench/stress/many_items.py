#!/usr/bin/env python3
"""many_items N OUTDIR: one model of N line items in 10 groups, with a total (so a share per item
and per group) and a figure reading the total."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import stress_site as _site  # noqa: E402

BASE = 6250  # the size bench/stress/run.sh starts from

n, out = _site.args()
lines = ["model: m", "title: {zh: 明细, en: Items}", "unit: USD/month", "params:", "  hours: 730 h/month",
         "groups:"] + [f"  g{g}: {{zh: 组 {g}, en: Group {g}}}" for g in range(10)] + ["items:"]
for i in range(n):
    if i % 2:
        lines.append(f"  i{i}: {{group: g{i % 10}, quantity: hours, price: \"@gpu/a100\"}}")
    else:
        lines.append(f"  i{i}: {{group: g{i % 10}, formula: {1 + i % 97} USD/month}}")
lines += ["figures:", "  yearly: {formula: total * 12 month, unit: USD}"]
page_en = "Total `=m.total`.\n"
page_zh = "合计 `=m.total`。\n"
_site.site(out, {"pricing/m.yaml": "\n".join(lines) + "\n"}, page_en, page_zh)
