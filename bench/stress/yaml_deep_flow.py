#!/usr/bin/env python3
"""yaml_deep_flow N OUTDIR: a model whose params value is N nested flow sequences ([[[…]]])."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import stress_site as _site  # noqa: E402

BASE = 50000  # the size bench/stress/run.sh starts from

n, out = _site.args()
text = "model: m\nparams: " + "[" * n + "]" * n + "\n"
_site.site(out, {"pricing/m.yaml": text})
