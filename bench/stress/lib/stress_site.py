"""Shared by the stress generators: a minimal bilingual site around the pricing files a case writes."""
import os
import sys

SITE_YAML = "title: {zh: 压力测试, en: Stress}\nlanguages: [zh, en]\ndefault_language: zh\n"

PRICES = """provider: gpu
name: {zh: 显卡云, en: GPU cloud}
currency: USD
source: https://example.com/pricing
date: 2025-01-02
prices:
  - id: a100
    label: {zh: A100, en: A100}
    unit: USD/h
    price: 3.20
    variants: {spot: 1.10}
"""


def args():
    """(N, OUTDIR) from the command line."""
    if len(sys.argv) != 3:
        sys.exit(f"usage: {os.path.basename(sys.argv[0])} N OUTDIR")
    return int(sys.argv[1]), sys.argv[2]


def write(out, rel, text):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def site(out, pricing, page_en="Body.\n", page_zh="正文。\n"):
    """Writes site.yaml, a home page, one report page and `pricing` ({relative path: text})."""
    write(out, "site.yaml", SITE_YAML)
    write(out, "content/_index.en.md", "---\ntitle: Home\n---\nWelcome.\n")
    write(out, "content/_index.zh.md", "---\ntitle: 首页\n---\n欢迎。\n")
    write(out, "content/reports/r.en.md", "---\ntitle: Report\n---\n## Overview\n\n" + page_en)
    write(out, "content/reports/r.zh.md", "---\ntitle: 报告\n---\n## 概览\n\n" + page_zh)
    write(out, "pricing/gpu.yaml", PRICES)
    for rel, text in pricing.items():
        write(out, rel, text)
