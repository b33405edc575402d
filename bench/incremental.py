#!/usr/bin/env python3
"""Incremental updates of `costsite serve` on a benchmark corpus.

Usage: incremental.py COSTSITE CORPUS SCRATCH

Copies CORPUS (a costsite site from gen_corpus.py) to SCRATCH, serves it, and
measures from the moment a source file is written to the moment the server
returns the changed page: for edits of single Markdown pages (median of
several) and for changes of one price (median of PRICE_RUNS, default 5), whose
update line (how many models changed, how many pages were re-rendered, how
long the update took inside serve, and how long until its first page was
written) is printed as serve wrote it.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as r:
        return r.read().decode("utf-8")


def changed_within(port, path, before, limit=30.0):
    """Seconds until `path` differs from `before` (polled every millisecond)."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if fetch(port, path) != before:
            return time.monotonic() - start
        time.sleep(0.001)
    raise RuntimeError(f"{path} did not change within {limit} s")


def main():
    costsite, corpus, scratch = sys.argv[1:4]
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(corpus, scratch)
    server = subprocess.Popen([costsite, "serve", "--port", "0", "--source", scratch],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = []
    port = None

    def read_output():
        for line in server.stdout:
            lines.append(line.rstrip("\n"))

    threading.Thread(target=read_output, daemon=True).start()
    try:
        start = time.monotonic()
        while port is None:
            if time.monotonic() - start > 600:
                raise RuntimeError("serve did not start")
            for line in lines:
                m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if m:
                    port = int(m.group(1))
            time.sleep(0.05)
        print(f"serve: {lines[0]}")

        # Edits of single pages.
        times = []
        for k in range(1, 8):
            name = f"r{k * 37:05d}"
            src = os.path.join(scratch, "content", "reports", name + ".en.md")
            page = f"en/reports/{name}/index.html"
            before = fetch(port, page)
            with open(src, "a", encoding="utf-8") as f:
                f.write(f"\nEdited paragraph {k}.\n")
            t0 = time.monotonic()
            times.append(changed_within(port, page, before))
            time.sleep(2.0)  # the search index is rewritten after each update (on its own thread)
        print("edit one page -> page served: median %.1f ms (runs: %s)" %
              (1000 * statistics.median(times), ", ".join("%.1f" % (1000 * t) for t in times)))
        edit_lines = [l for l in lines if l.startswith("Updated")]
        if edit_lines:
            print("  serve:", edit_lines[-1])

        # One price: gpu3 of the benchmark price list, changed PRICE_RUNS
        # times (default 5) to another value each time.
        prices = os.path.join(scratch, "pricing", "bench.yaml")
        page = "en/reports/r00003/index.html"  # model m00003 uses gpu3
        took, updates = [], []
        for k in range(int(os.environ.get("PRICE_RUNS", "5"))):
            text = open(prices, encoding="utf-8").read()
            entry = text.index("id: gpu3\n")
            at = text.index("price: ", entry)
            end = text.index("\n", at)
            before = fetch(port, page)
            count = len(lines)
            with open(prices, "w", encoding="utf-8") as f:
                f.write(text[:at] + "price: %.2f" % (9.99 - k) + text[end:])
            took.append(changed_within(port, page, before))
            waited = time.monotonic()  # serve prints its line once the update's checks ran
            while not any(l.startswith("Updated") for l in lines[count:]) and time.monotonic() - waited < 60:
                time.sleep(0.05)
            time.sleep(2.0)  # the search index is rewritten after each update (on its own thread)
            updates += [l for l in lines[count:] if l.startswith("Updated")][:1]
        print("change one price -> dependent page served: median %.0f ms (runs: %s)" %
              (1000 * statistics.median(took), ", ".join("%.0f" % (1000 * t) for t in took)))
        inside = [float(m.group(1)) * (1 if m.group(2) == "ms" else 1000)
                  for l in updates for m in [re.search(r"written in (\d+(?:\.\d+)?) (ms|s)", l)] if m]
        evaluated = [float(m.group(1)) * (1 if m.group(2) == "ms" else 1000)
                     for l in updates for m in [re.search(r"evaluated in (\d+(?:\.\d+)?) (ms|s)", l)] if m]
        first = [float(m.group(1)) * (1 if m.group(2) == "ms" else 1000)
                 for l in updates for m in [re.search(r"the first page after (\d+(?:\.\d+)?) (ms|s)", l)] if m]
        if first:
            print("  serve's update up to the first page written: median %.0f ms (runs: %s)" %
                  (statistics.median(first), ", ".join("%.0f" % t for t in first)))
        if inside:
            print("  serve's update itself: median %.0f ms (runs: %s)" %
                  (statistics.median(inside), ", ".join("%.0f" % t for t in inside)))
        if evaluated:
            print("  of which reading pricing/ and evaluating: median %.0f ms (runs: %s)" %
                  (statistics.median(evaluated), ", ".join("%.0f" % t for t in evaluated)))
        if updates:
            print("  serve:", updates[-1])
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
