#include "app/init_command.h"

#include <fstream>

namespace costsite::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSiteYaml = R"(title: {zh: 我的成本报告, en: My cost reports}
description: {zh: 用 costsite 生成的成本报告。, en: Cost reports generated with costsite.}
languages: [zh, en]
default_language: zh
# Pin prices and exchange rates so the site reads the same whichever day it is built.
as_of: 2025-01-31
toc_min_headings: 4
# base_url: https://reports.example.com   # enables sitemap.xml, canonical links and 404.html
)";

constexpr const char* kHomeZh = R"(---
title: 成本报告
---
这里汇集了用 costsite 生成的成本报告。每个数字都由 `pricing/` 中带日期、带出处的价格计算得出。
)";

constexpr const char* kHomeEn = R"(---
title: Cost reports
---
Cost reports generated with costsite. Every figure is computed from the dated, cited prices in
`pricing/`.
)";

constexpr const char* kReportZh = R"(---
title: 示例：推理服务成本
description: 两台 GPU 实例与对象存储的月度成本
weight: 1
---
## 概览

这项推理服务每月总成本为 `=example.total`，其中 GPU 实例为 `=example.gpu`。

## 明细

```cost table model=example
```

修改 `pricing/providers/examplecloud.yaml` 中的价格后重新构建，本页的数字会随之更新。
)";

constexpr const char* kReportEn = R"(---
title: "Example: inference service cost"
description: Monthly cost of two GPU instances and object storage
weight: 1
---
## Overview

This inference service costs `=example.total` in total, of which `=example.gpu` are GPU instances.

## Details

```cost table model=example
```

Change a price in `pricing/providers/examplecloud.yaml` and rebuild: the figures on this page follow.
)";

constexpr const char* kProvider = R"(provider: examplecloud
name: {zh: 示例云, en: Example Cloud}
currency: USD
source: https://example.com/pricing
date: 2025-01-15
prices:
  - id: gpu.small
    label: {zh: 小型 GPU 实例, en: Small GPU instance}
    unit: USD/h
    price: 1.20
  - id: storage
    label: {zh: 对象存储, en: Object storage}
    unit: USD/GB/month
    price: 0.023
)";

constexpr const char* kFx = R"(rates:
  - {base: USD, quote: CNY, rate: 7.1, date: 2025-01-01, source: https://example.com/fx}
)";

constexpr const char* kModel = R"(model: example
title: {zh: 示例推理服务, en: Example inference service}
unit: USD/month
params:
  gpus: {value: 2, label: {zh: GPU 数量, en: GPUs}}
items:
  gpu:
    label: {zh: GPU 实例, en: GPU instances}
    formula: gpus * @examplecloud/gpu.small
    unit: USD/month
  storage:
    label: {zh: 对象存储, en: Object storage}
    quantity: 500 GB
    price: "@examplecloud/storage"
)";

bool WriteNew(const fs::path& root, const std::vector<std::pair<std::string, std::string>>& files,
              std::ostream& out, std::ostream& err) {
  std::error_code ec;
  for (const auto& [rel, text] : files) {
    if (fs::exists(root / rel, ec)) {
      err << "costsite: " << (root / rel).string() << " already exists; nothing was written\n";
      return false;
    }
  }
  for (const auto& [rel, text] : files) {
    fs::create_directories((root / rel).parent_path(), ec);
    std::ofstream f(root / rel, std::ios::binary);
    f << text;
    if (!f.flush()) {
      err << "costsite: cannot write " << (root / rel).string() << "\n";
      return false;
    }
    out << "created " << (root / rel).string() << "\n";
  }
  return true;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t p = 0; (p = text.find(from, p)) != std::string::npos; p += to.size())
    text.replace(p, from.size(), to);
  return text;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> InitSiteFiles() {
  return {{"site.yaml", kSiteYaml},
          {"content/_index.zh.md", kHomeZh},
          {"content/_index.en.md", kHomeEn},
          {"content/reports/example.zh.md", kReportZh},
          {"content/reports/example.en.md", kReportEn},
          {"pricing/providers/examplecloud.yaml", kProvider},
          {"pricing/fx.yaml", kFx},
          {"pricing/models/example.yaml", kModel}};
}

bool IsValidReportName(const std::string& name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

std::vector<std::pair<std::string, std::string>> NewReportFiles(const std::string& name) {
  std::string model = Replace(name, "-", "_");
  std::string zh = "---\ntitle: " + name + "\ndescription: 一句话摘要\n---\n## 概览\n\n每月总成本为 `=" +
                   model + ".total`。\n\n```cost table model=" + model + "\n```\n";
  std::string en = "---\ntitle: " + name + "\ndescription: A one-line summary\n---\n## Overview\n\n"
                   "The monthly total is `=" + model + ".total`.\n\n```cost table model=" + model +
                   "\n```\n";
  std::string yaml = "model: " + model + "\ntitle: {zh: " + name + ", en: " + name +
                     "}\nunit: USD/month\nparams:\n  count: {value: 1, label: {zh: 数量, en: Count}}\n"
                     "items:\n  example:\n    label: {zh: 示例项目, en: Example item}\n"
                     "    formula: count * 100 USD/month\n";
  return {{"content/reports/" + name + ".zh.md", zh},
          {"content/reports/" + name + ".en.md", en},
          {"pricing/models/" + model + ".yaml", yaml}};
}

int RunInit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    out << "Usage: costsite init DIR\n\nCreates a minimal bilingual site in DIR (new or empty).\n";
    return 0;
  }
  if (args.size() != 1 || args[0].rfind("--", 0) == 0) {
    err << "costsite: init needs one folder\nUsage: costsite init DIR\n";
    return 2;
  }
  if (!WriteNew(args[0], InitSiteFiles(), out, err)) return 1;
  out << "Next: costsite build --source " << args[0] << "\n";
  return 0;
}

int RunNew(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* usage = "Usage: costsite new report NAME [--source DIR]\n";
  std::vector<std::string> rest;
  fs::path source = ".";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      out << usage << "\nScaffolds content/reports/NAME.zh.md, NAME.en.md and pricing/models/NAME.yaml.\n";
      return 0;
    }
    if (args[i] == "--source" && i + 1 < args.size()) source = args[++i];
    else rest.push_back(args[i]);
  }
  if (rest.size() != 2 || rest[0] != "report") {
    err << "costsite: new needs 'report NAME'\n" << usage;
    return 2;
  }
  if (!IsValidReportName(rest[1])) {
    err << "costsite: report names are lowercase letters, digits, '_' and '-': '" << rest[1] << "'\n";
    return 2;
  }
  std::error_code ec;
  if (!fs::exists(source / "site.yaml", ec)) {
    err << "costsite: no site.yaml in " << source.string() << " (run it in a site folder or pass --source)\n";
    return 1;
  }
  return WriteNew(source, NewReportFiles(rest[1]), out, err) ? 0 : 1;
}

}  // namespace costsite::app
