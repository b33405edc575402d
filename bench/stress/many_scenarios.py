#!/usr/bin/env python3
"""many_scenarios N OUTDIR: one model of 4 params, 4 items and 3 figures with N scenarios,
each overriding one parameter (every fourth also switching to spot prices)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import stress_site as _site  # noqa: E402

BASE = 2500  # the size bench/stress/run.sh starts from

n, out = _site.args()
lines = ["model: m", "title: {zh: 场景, en: Scenarios}", "unit: USD/month", "params:",
         "  gpus: {value: 8, label: {zh: GPU, en: GPUs}}", "  hours: 730 h/month",
         "  storage: 500 GB", "  calls: 10000 calls/month",
         "items:",
         "  gpu: {quantity: gpus * hours, price: \"@gpu/a100\"}",
         "  disk: {formula: storage * 0.1 USD/GB/month}",
         "  api: {formula: calls * 0.002 USD/calls}",
         "  fixed: {formula: 100 USD/month}",
         "figures:",
         "  per_gpu: {formula: total / gpus, unit: USD/month}",
         "  yearly: {formula: total * 12 month, unit: USD}",
         "  gpu_heavy: {formula: share(gpu) > 50%}",
         "scenarios:"]
names = ["gpus", "hours", "storage", "calls"]
values = ["{} ", "{} h/month", "{} GB", "{} calls/month"]
for i in range(n):
    k = i % 4
    extra = ", variant: spot" if i % 4 == 0 else ""
    value = values[k].format(1 + i).strip()
    lines.append(f"  s{i}: {{params: {{{names[k]}: {value}}}{extra}}}")
page_en = "Total `=m.total`, yearly `=m.yearly`.\n"
page_zh = "合计 `=m.total`，全年 `=m.yearly`。\n"
_site.site(out, {"pricing/m.yaml": "\n".join(lines) + "\n"}, page_en, page_zh)
