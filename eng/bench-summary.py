#!/usr/bin/env python3
"""Summaries of the eng/bench-*.sh measurements: medians, spreads and the ratios of the targets.

  bench-summary.py build  builds.tsv     -> markdown
  bench-summary.py audit  audit.tsv      -> markdown
  bench-summary.py inproc results.txt    -> markdown (RESULT lines of LegalRules.Benchmarks)
"""
import csv
import statistics
import sys
from collections import defaultdict


def med(values):
    return statistics.median(values) if values else float("nan")


def spread(values, fmt="{:.2f}"):
    if not values:
        return "—"
    return (fmt + " [" + fmt + "–" + fmt + "] (n={})").format(med(values), min(values), max(values), len(values))


def verdict(ok, measured=True):
    if not measured:
        return "not measured"
    return "met" if ok else "**not met**"


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def build(path):
    data = rows(path)
    out = ["| server | variant | build wall (s) | Csc task (s) | analyzer time (s) | warnings | load (1 min) |", "|---|---|---|---|---|---|---|"]
    targets = []
    for server in sorted({r["server"] for r in data}, reverse=True):
        by = defaultdict(dict)
        for r in data:
            if r["server"] == server:
                by[r["round"]][r["variant"]] = r
        present = {k for v in by.values() for k in v}
        order = [x for x in ("none", "legalrules", "sonar") if x in present] + sorted(x for x in present if x not in ("none", "legalrules", "sonar"))
        for variant in order:
            rs = [v[variant] for v in by.values() if variant in v]
            wall = [float(r["wall_s"]) for r in rs]
            csc = [float(r["csc_ms"]) / 1000 for r in rs if r["csc_ms"]]
            own = "legalrules_s" if variant == "legalrules" else "sonar_s" if variant == "sonar" else "analyzers_s"
            ana = [float(r[own] or 0) for r in rs]
            loads = [float(r["load"]) for r in rs]
            out.append(f"| {server} | {variant} | {spread(wall)} | {spread(csc)} | {spread(ana, '{:.3f}')} | {rs[0]['warnings'] if rs else ''} | {spread(loads, '{:.1f}')} |")
        def having(*names):
            return [v for v in by.values() if all(k in v for k in names)]
        wall_ratio = [float(v["legalrules"]["wall_s"]) / float(v["none"]["wall_s"]) for v in having("none", "legalrules")]
        sonar_ratio = [float(v["sonar"]["wall_s"]) / float(v["none"]["wall_s"]) for v in having("none", "sonar")]
        share = [100 * float(v["legalrules"]["legalrules_s"] or 0) / (float(v["legalrules"]["csc_ms"]) / 1000) for v in having("legalrules") if v["legalrules"]["csc_ms"]]
        vs_sonar = [float(v["legalrules"]["legalrules_s"] or 0) / float(v["sonar"]["sonar_s"]) for v in having("legalrules", "sonar") if float(v["sonar"]["sonar_s"] or 0) > 0]
        targets.append(f"| server {server}: LegalRules analyzer time / Csc task time | ≤ 2 % | {spread(share)} % | {verdict(med(share) <= 2, bool(share))} |")
        targets.append(f"| server {server}: LegalRules analyzer time / S109's | < 1 | {spread(vs_sonar, '{:.3f}')} | {verdict(med(vs_sonar) < 1, bool(vs_sonar))} |")
        targets.append(f"| server {server}: build wall, LegalRules / no analyzer (paired) | ≤ 1.10× | {spread(wall_ratio, '{:.3f}')} | {verdict(med(wall_ratio) <= 1.10, bool(wall_ratio))} |")
        targets.append(f"| server {server}: build wall, S109 / no analyzer (paired, for comparison) | — | {spread(sonar_ratio, '{:.3f}')} | |")
        # Do-nothing analyzers (variants floor-KIND): what the compiler pays before any analyzer does anything.
        for variant in [x for x in order if x.startswith("floor-")]:
            paired = [float(v[variant]["wall_s"]) / float(v["none"]["wall_s"]) for v in by.values() if variant in v and "none" in v]
            if variant == "floor-bind":
                # Not a do-nothing analyzer: it binds the members of LegalRules' findings, as any analyzer confirming them must.
                targets.append(f"| server {server}: build wall, analyzer binding only the findings' members / no analyzer (paired) | — | {spread(paired, '{:.3f}')} | |")
                bind_share = [100 * float(v[variant]["analyzers_s"] or 0) / (float(v[variant]["csc_ms"]) / 1000) for v in by.values() if variant in v and v[variant]["csc_ms"]]
                targets.append(f"| server {server}: its analyzer time / Csc task time (the floor under LegalRules' own ratio) | — | {spread(bind_share)} % | |")
                continue
            targets.append(f"| server {server}: build wall, do-nothing analyzer ({variant[6:]} actions) / no analyzer (paired, the floor) | — | {spread(paired, '{:.3f}')} | |")
    out += ["", "| target | goal | measured: median [min–max] | |", "|---|---|---|---|"] + targets
    return "\n".join(out)


def audit(path):
    data = rows(path)
    out = ["| corpus | tool | wall (s) | peak memory (MB) | load (1 min) |", "|---|---|---|---|---|"]
    targets = []
    audit_walls = {}
    for corpus in sorted({r["corpus"] for r in data}, key=lambda c: int(c)):
        by = defaultdict(dict)
        for r in data:
            if r["corpus"] == corpus:
                by[r["round"]][r["tool"]] = r
        for tool in ("floor", "audit"):
            rs = [v[tool] for v in by.values() if tool in v]
            out.append(f"| {int(corpus)//1000}k lines | {tool} | {spread([float(r['wall_s']) for r in rs])} | {spread([float(r['maxrss_kb']) / 1024 for r in rs], '{:.0f}')} | {spread([float(r['load']) for r in rs], '{:.1f}')} |")
        rounds = [v for v in by.values() if "floor" in v and "audit" in v]
        wall = [float(v["audit"]["wall_s"]) / float(v["floor"]["wall_s"]) for v in rounds]
        mem = [float(v["audit"]["maxrss_kb"]) / float(v["floor"]["maxrss_kb"]) for v in rounds]
        audit_walls[int(corpus)] = [float(v["audit"]["wall_s"]) for v in rounds]
        label = f"{int(corpus)//1000}k"
        targets.append(f"| {label}: audit wall / parse-and-bind floor (paired) | ≤ 1.3× | {spread(wall, '{:.3f}')} | {verdict(med(wall) <= 1.3)} |")
        targets.append(f"| {label}: audit peak memory / floor's (paired) | ≤ 1.5× | {spread(mem, '{:.3f}')} | {verdict(med(mem) <= 1.5)} |")
    sizes = sorted(audit_walls)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        scale = med(audit_walls[large]) / med(audit_walls[small])
        targets.append(f"| audit wall, {large//1000}k lines / {small//1000}k lines (medians) | ≤ 4.5× | {scale:.2f} | {verdict(scale <= 4.5)} |")
    out += ["", "| target | goal | measured: median [min–max] | |", "|---|---|---|---|"] + targets
    return "\n".join(out)


def inproc(path):
    values = defaultdict(list)
    for line in open(path):
        if line.startswith("RESULT "):
            _, name, value = line.split()
            values[name].append(float(value))
    out = ["| measure | median [min–max] (n) |", "|---|---|"]
    for name in sorted(values):
        out.append(f"| {name} | {spread(values[name], '{:.3f}')} |")
    targets = []
    if values.get("registry.embedded.cold.ms"):
        m = med(values["registry.embedded.cold.ms"])
        targets.append(f"| embedded registry ready, cold | ≤ 20 ms | {spread(values['registry.embedded.cold.ms'], '{:.1f}')} ms | {verdict(m <= 20)} |")
    if values.get("registry.openfisca.cold.ms"):
        m = med(values["registry.openfisca.cold.ms"])
        targets.append(f"| whole OpenFisca tree parsed and merged, cold | ≤ 300 ms | {spread(values['registry.openfisca.cold.ms'], '{:.0f}')} ms | {verdict(m <= 300)} |")
    if "registry.cache.secondParses" in values:
        n = max(values["registry.cache.secondParses"])
        targets.append(f"| unchanged registry parsed again by a second compilation | 0 | {n:.0f} files | {verdict(n == 0)} |")
    out += ["", "| target | goal | measured | |", "|---|---|---|---|"] + targets
    return "\n".join(out)


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    print({"build": build, "audit": audit, "inproc": inproc}[kind](path))
