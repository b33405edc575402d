#!/usr/bin/env python3
"""Writes a deterministic FOCUS 1.0 billing export for tests and benchmarks.

Usage: bench/gen_focus.py LINES OUT.csv[.gz] [--seed N] [--month YYYY-MM]

The same seed and line count always give the same bytes. Lines come from
several providers (AWS and Google Cloud in USD, Alibaba Cloud in CNY), with
usage charges, negative credits, amounts under a cent, an empty
ContractedCost now and then, descriptions that need CSV quoting, and a Tags
JSON object (team, env) on most lines.
"""
import argparse
import calendar
import gzip
import random
import sys

COLUMNS = [
    "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd",
    "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "ChargeDescription", "ProviderName",
    "PublisherName", "InvoiceIssuerName", "ServiceName", "ServiceCategory", "RegionId", "ResourceId", "SkuId",
    "PricingQuantity", "PricingUnit", "ConsumedQuantity", "ConsumedUnit", "ListUnitPrice", "ListCost",
    "ContractedCost", "BilledCost", "EffectiveCost", "Tags",
]

PROVIDERS = [
    # provider, currency, regions, [(service, category, unit, unit price)]
    ("AWS", "USD", ["us-east-1", "eu-west-1", "ap-northeast-1"], [
        ("Amazon Elastic Compute Cloud", "Compute", "Hours", "0.0416"),
        ("Amazon Simple Storage Service", "Storage", "GB-Mo", "0.023"),
        ("Amazon Relational Database Service", "Databases", "Hours", "0.171"),
        ("AWS Lambda", "Compute", "Requests", "0.0000002"),
        ("Amazon CloudFront", "Networking", "GB", "0.085"),
        ("Amazon Bedrock", "AI and Machine Learning", "1K tokens", "0.003"),
    ]),
    ("Google Cloud", "USD", ["us-central1", "europe-west4", "asia-east1"], [
        ("Compute Engine", "Compute", "Hours", "0.0475"),
        ("Cloud Storage", "Storage", "GiB-Mo", "0.02"),
        ("BigQuery", "Analytics", "TiB", "6.25"),
        ("Vertex AI", "AI and Machine Learning", "1K characters", "0.000125"),
    ]),
    ("Alibaba Cloud", "CNY", ["cn-hangzhou", "cn-beijing", "cn-shanghai"], [
        ("Elastic Compute Service", "Compute", "Hours", "0.62"),
        ("Object Storage Service", "Storage", "GB-Mo", "0.12"),
        ("Model Studio", "AI and Machine Learning", "1K tokens", "0.0008"),
    ]),
]
TEAMS = ["data", "web", "ml", "platform", "finance"]
ENVS = ["prod", "staging", "dev"]


def money(value, rng_digits):
    """A decimal string with `rng_digits` decimals, trailing zeros kept as a bill writes them."""
    return f"{value:.{rng_digits}f}"


def lines(n, seed, month):
    rng = random.Random(seed)
    year, mon = int(month[:4]), int(month[5:])
    days = calendar.monthrange(year, mon)[1]
    period_start = f"{month}-01T00:00:00Z"
    next_month = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}-01T00:00:00Z"
    for i in range(n):
        provider, currency, regions, services = PROVIDERS[rng.randrange(len(PROVIDERS))]
        service, category, unit, price = services[rng.randrange(len(services))]
        day = rng.randrange(days) + 1
        hour = rng.randrange(24)
        start = f"{month}-{day:02d}T{hour:02d}:00:00Z"
        end = f"{month}-{day:02d}T{hour:02d}:59:59Z" if hour == 23 else f"{month}-{day:02d}T{hour + 1:02d}:00:00Z"
        kind = rng.random()
        quantity = rng.randrange(1, 500000) / 100
        list_cost = quantity * float(price)
        if kind < 0.04:  # a credit
            category_charge, billed = "Credit", -round(rng.random() * 50, 2)
            list_cost, quantity = 0.0, 0.0
            description = f"Promotional credit, \"{TEAMS[i % len(TEAMS)]}\" program"
        elif kind < 0.20:  # under a cent
            category_charge, billed = "Usage", rng.randrange(1, 9999) / 10 ** 7
            list_cost = billed
            description = f"{service} requests, {regions[0]}"
        else:
            category_charge = "Usage"
            billed = list_cost * (0.7 + rng.random() * 0.3)
            description = f"{service} usage, {unit}"
        digits = 2 if category_charge == "Credit" else 10 if kind < 0.20 else rng.choice([2, 6, 10])
        billed_s = money(billed, digits)
        effective_s = billed_s if rng.random() < 0.8 else money(billed * 0.97, 10)
        contracted_s = "" if rng.random() < 0.05 else money(list_cost * 0.9, 8)
        if rng.random() < 0.85:
            tags = '{"team": "%s", "env": "%s"}' % (TEAMS[rng.randrange(len(TEAMS))], ENVS[rng.randrange(len(ENVS))])
        else:
            tags = "{}" if rng.random() < 0.5 else ""
        row = [
            f"{100000000000 + rng.randrange(5):012d}", f"Account {rng.randrange(5)}", currency, period_start,
            next_month, start, end, category_charge, description, provider, provider, provider, service, category,
            regions[rng.randrange(len(regions))], f"res-{rng.randrange(10 ** 8):08d}", "SKU-" + service.split()[-1].upper()[:8],
            money(quantity, 2), unit, money(quantity, 2), unit, price, money(list_cost, 10), contracted_s, billed_s,
            effective_s, tags,
        ]
        yield row


def quote(field):
    if any(c in field for c in ',"\n\r'):
        return '"' + field.replace('"', '""') + '"'
    return field


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lines", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--month", default="2024-09")
    args = ap.parse_args()
    opener = gzip.open if args.out.endswith(".gz") else open
    with opener(args.out, "wt", encoding="utf-8", newline="") as f:
        f.write(",".join(COLUMNS) + "\n")
        buf = []
        for row in lines(args.lines, args.seed, args.month):
            buf.append(",".join(quote(x) for x in row))
            if len(buf) >= 10000:
                f.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            f.write("\n".join(buf) + "\n")


if __name__ == "__main__":
    sys.exit(main())
