#!/usr/bin/env python3
"""Writes a deterministic synthetic bilingual cost-report site of N reports.

Usage: gen_corpus.py [--cost] N OUT

--cost  costsite's own workload: each report also shows five inline figures of
        its model, a `cost table` and a `cost chart` (Hugo shows the same
        numbers as text and a plain table)

OUT/costsite  the site for costsite: site.yaml, content/, pricing/ (one model per report)
OUT/hugo      the same Markdown for Hugo: file-name translations, figures as plain text
OUT/plain     the bare Markdown bodies, for the cmark-gfm floor
"""
import os
import random
import sys

WORDS_EN = ("cost instance storage token request cluster latency budget forecast capacity "
            "throughput replica region discount commitment reserved spot quantisation cache "
            "batch inference training pipeline vector index retrieval egress bandwidth").split()
WORDS_ZH = list("成本实例存储令牌请求集群延迟预算预测容量吞吐副本区域折扣承诺预留竞价量化缓存批处理推理训练流水线向量索引检索出口带宽")


def sentence(rng, lang):
    if lang == "en":
        words = [rng.choice(WORDS_EN) for _ in range(rng.randint(8, 16))]
        return " ".join(words).capitalize() + "."
    return "".join(rng.choice(WORDS_ZH) for _ in range(rng.randint(14, 30))) + "。"


def prose(rng, lang, target_bytes):
    out = []
    size = 0
    while size < target_bytes:
        para = " ".join(sentence(rng, lang) for _ in range(rng.randint(3, 6)))
        out.append(para)
        size += len(para.encode("utf-8"))
    return out


COST = False  # --cost


def cost_section(i, lang, model, figures_as_text):
    """Five figures, a table and a chart of the report's model (numbers as text for Hugo)."""
    gpu = 1 + i % 8
    price = 0.5 + (i % 40) * 0.25
    gpu_cost = gpu * price * 730
    storage = gpu * 40.0
    total = gpu_cost + storage
    if figures_as_text:
        f = {"total": f"{total:,.2f} USD/month", "gpu": f"{gpu_cost:,.2f} USD/month",
             "storage": f"{storage:,.2f} USD/month", "hourly": f"{total / 730:,.2f} USD/h",
             "annual": f"{total * 12:,.2f} USD"}
    else:
        f = {k: f"`={model}.{k}`" for k in ("total", "gpu", "storage", "hourly", "annual")}
    if lang == "zh":
        text = (f"GPU 费用为 {f['gpu']}，存储费用为 {f['storage']}，合计 {f['total']}；"
                f"折合每小时 {f['hourly']}，全年 {f['annual']}。")
    else:
        text = (f"GPU costs {f['gpu']} and storage {f['storage']}, {f['total']} in all: "
                f"{f['hourly']} an hour, {f['annual']} a year.")
    lines = [text, ""]
    if figures_as_text:
        lines += ["| item | cost |", "|---|--:|", f"| GPU | {gpu_cost:,.2f} |",
                  f"| Storage | {storage:,.2f} |", f"| Total | {total:,.2f} |", ""]
    else:
        lines += ["```cost table model=" + model, "```", "",
                  "```cost chart model=" + model + " type=breakdown", "```", ""]
    return lines


def report(i, lang, figures_as_text):
    rng = random.Random(i * 2 + (lang == "en"))
    model = f"m{i:05d}"
    gpu = 1 + i % 8
    price = 0.5 + (i % 40) * 0.25
    total = gpu * price * 730
    title = (f"报告 {i}：GPU 成本" if lang == "zh" else f"Report {i}: GPU cost")
    lines = ["---", f"title: \"{title}\"", f"weight: {i}", "---", ""]
    body = prose(rng, lang, rng.randint(3000, 6000))
    heads = (["概览", "工作负载", "价格", "节省", "结论"] if lang == "zh"
             else ["Overview", "Workload", "Prices", "Savings", "Conclusion"])
    per_section = max(1, len(body) // len(heads))
    for h, head in enumerate(heads):
        lines += [f"## {head}", ""]
        lines += [p + "\n" for p in body[h * per_section:(h + 1) * per_section]]
        if h == 0:
            fig = (f"{total:,.2f} USD/month" if figures_as_text else f"`={model}.total`")
            gpus = (f"{gpu}" if figures_as_text else f"`={model}.gpus`")
            lines += [("月度总计为 " if lang == "zh" else "The monthly total is ") + fig +
                      ("，GPU 数量为 " if lang == "zh" else ", with GPUs: ") + gpus + "\n"]
        if h == 1:
            rows = rng.randint(8, 15)
            lines += ["| item | hours | rate | cost |", "|---|--:|--:|--:|"]
            for r in range(rows):
                hours = rng.randint(10, 730)
                rate = rng.randint(10, 500) / 100
                lines.append(f"| item {r} | {hours} | {rate:.2f} | {hours * rate:,.2f} |")
            lines.append("")
        if h == 2 and COST:
            lines += cost_section(i, lang, model, figures_as_text)
        elif h == 2:
            if figures_as_text:
                lines += ["| item | cost |", "|---|--:|", f"| GPU | {total:,.2f} |", ""]
            else:
                lines += ["```cost table model=" + model, "```", ""]
        if h == 3:
            lines += ["- [x] " + sentence(rng, lang), "- [ ] " + sentence(rng, lang),
                      "- [ ] " + sentence(rng, lang), ""]
            lines += ["```python", "def monthly(rate, hours=730):", "    return rate * hours", "```", ""]
    return "\n".join(lines) + "\n"


def model_yaml(i):
    if COST:
        return (f"model: m{i:05d}\n"
                f"title: {{zh: 模型 {i}, en: Model {i}}}\n"
                f"unit: USD/month\n"
                f"params:\n  gpus: {{value: {1 + i % 8}, label: {{zh: GPU 数量, en: GPUs}}}}\n"
                f"  hours: {{value: 730 h/month, label: {{zh: 每月小时数, en: Hours a month}}}}\n"
                f"items:\n  gpu:\n    label: {{zh: GPU, en: GPU}}\n"
                f"    formula: gpus * hours * @bench/gpu{i % 40}\n"
                f"  storage:\n    label: {{zh: 存储, en: Storage}}\n"
                f"    formula: gpus * 40 USD/month\n"
                f"figures:\n"
                f"  hourly: {{formula: \"convert(total, USD/h)\", unit: USD/h, label: {{zh: 每小时, en: Per hour}}}}\n"
                f"  annual: {{formula: total * 1 year, unit: USD, label: {{zh: 全年, en: A year}}}}\n")
    gpu = 1 + i % 8
    return (f"model: m{i:05d}\n"
            f"title: {{zh: 模型 {i}, en: Model {i}}}\n"
            f"unit: USD/month\n"
            f"params:\n  gpus: {{value: {gpu}, label: {{zh: GPU 数量, en: GPUs}}}}\n"
            f"  hours: {{value: 730 h/month, label: {{zh: 每月小时数, en: Hours a month}}}}\n"
            f"items:\n  gpu:\n    label: {{zh: GPU, en: GPU}}\n"
            f"    formula: gpus * hours * @bench/gpu{i % 40}\n")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    global COST
    args = sys.argv[1:]
    if args and args[0] == "--cost":
        COST = True
        args = args[1:]
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__.strip())
        return
    if len(args) != 2 or not args[0].isdigit():
        sys.exit("usage: gen_corpus.py [--cost] N OUT")
    n, out = int(args[0]), args[1]
    cs, hg, pl = (os.path.join(out, d) for d in ("costsite", "hugo", "plain"))
    write(os.path.join(cs, "site.yaml"),
          "title: {zh: 基准站点, en: Benchmark site}\nlanguages: [zh, en]\ndefault_language: zh\n")
    prices = ["provider: bench", "name: {zh: 基准, en: Bench}", "currency: USD",
              "source: https://example.com/prices", "date: 2025-01-01", "prices:"]
    for k in range(40):
        prices += [f"  - id: gpu{k}", f"    label: {{zh: GPU {k}, en: GPU {k}}}",
                   "    unit: USD/h", f"    price: {0.5 + k * 0.25}"]
    write(os.path.join(cs, "pricing/bench.yaml"), "\n".join(prices) + "\n")
    write(os.path.join(hg, "hugo.toml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hg, "layouts", name), text)
    for i in range(n):
        write(os.path.join(cs, f"pricing/models/m{i:05d}.yaml"), model_yaml(i))
        for lang in ("zh", "en"):
            write(os.path.join(cs, f"content/reports/r{i:05d}.{lang}.md"), report(i, lang, False))
            text = report(i, lang, True)
            write(os.path.join(hg, f"content/reports/r{i:05d}.{lang}.md"), text)
            write(os.path.join(pl, lang, f"r{i:05d}.md"), text.split("---\n", 2)[2])


HUGO_CONFIG = """baseURL = ""
relativeURLs = true
uglyURLs = false
defaultContentLanguage = "zh"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[languages.zh]
languageName = "中文"
weight = 1
title = "基准站点"
[languages.en]
languageName = "English"
weight = 2
title = "Benchmark site"
[markup.goldmark.renderer]
unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}

if __name__ == "__main__":
    main()
