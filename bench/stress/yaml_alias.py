#!/usr/bin/env python3
"""yaml_alias N OUTDIR: a model whose 1 MB anchored label is used N times through aliases
(a 1 MB file that expands to N MB once the aliases are followed)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import stress_site as _site  # noqa: E402

BASE = 25  # the size bench/stress/run.sh starts from

n, out = _site.args()
lines = ["model: m", "title: &big " + "x" * (1 << 20), "params:"]
lines += [f"  p{i}: {{value: 1, label: *big}}" for i in range(n)]
_site.site(out, {"pricing/m.yaml": "\n".join(lines) + "\n"})
