#!/usr/bin/env python3
"""many_figures N OUTDIR: one model of one parameter and N independent figures, each reading it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import stress_site as _site  # noqa: E402

BASE = 10000  # the size bench/stress/run.sh starts from

n, out = _site.args()
lines = ["model: m", "title: {zh: 数字, en: Figures}", "params:", "  x: 3 h", "figures:"]
lines += [f"  f{i}: {{formula: x * {1 + i % 89}}}" for i in range(n)]
page_en = "First `=m.f0`.\n"
page_zh = "第一 `=m.f0`。\n"
_site.site(out, {"pricing/m.yaml": "\n".join(lines) + "\n"}, page_en, page_zh)
