#!/usr/bin/env bash
# Before/after figure of an analyzer change: the corpus project rebuilt with the analyzer of another
# checkout (BASE, its src/LegalRules.CodeFixes and Annotations built in Release), with this
# checkout's, and with no analyzer, in the same rounds, their order rotated; LegalRules' analyzer
# time and the Csc task's time from -p:ReportAnalyzer=true. Optionally, the two checkouts'
# `legalrules audit` over the corpus's loose drop, alternated (wall, peak memory, and whether their
# SARIF logs are the same bytes).
#
#   bash eng/bench-compare.sh BASE_CHECKOUT [LINES] [RUNS] [OUT]   defaults: 100000 3 artifacts/bench/compare
#   BENCH_SERVER=off|on      compiler server (off: every build a cold compiler; on: warmed first)
#   BENCH_COMPARE_AUDIT=N    N alternated pairs of audits (BASE's src/LegalRules.Cli built in Release); 0 by default
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"

base="$(cd "$1" && pwd)/"
lines="${2:-100000}"
runs="${3:-3}"
out="${4:-$bench_repo/artifacts/bench/compare}"
server="${BENCH_SERVER:-off}"
audits="${BENCH_COMPARE_AUDIT:-0}"
mkdir -p "$out/logs"

bench_build_tools
[ -f "$base/src/LegalRules.CodeFixes/bin/Release/netstandard2.0/LegalRules.Analyzers.dll" ] \
  || { echo "build the base first: dotnet build $base/src/LegalRules.CodeFixes -c Release" >&2; exit 2; }
if [ "$audits" -gt 0 ] && [ ! -f "$base/src/LegalRules.Cli/bin/Release/net10.0/LegalRules.Cli.dll" ]; then
  echo "build the base's command first: dotnet build $base/src/LegalRules.Cli -c Release" >&2; exit 2
fi
corpus="$(bench_corpus "$lines")"
project="$corpus/project/Corpus.csproj"
dotnet restore "$project" -nologo -v:q >/dev/null
shared=$([ "$server" = on ] && echo true || echo false)

# build WHICH LOG: base or current (LegalRules of that checkout), or none (no analyzer).
build() {
  local which="$1" log="$2" repo variant=legalrules
  case "$which" in
    base) repo="$base" ;;
    current) repo="$bench_repo/" ;;
    none) repo="$bench_repo/"; variant=none ;;
  esac
  dotnet build "$project" --no-restore -t:Rebuild -nologo -p:BenchAnalyzers="$variant" -p:LegalRulesRepository="$repo" \
    -p:UseSharedCompilation="$shared" -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log" 2>&1
}

tsv="$out/compare.tsv"
echo -e "round\tanalyzer\twall_s\tcsc_ms\tlegalrules_s\tload" > "$tsv"
dotnet build-server shutdown >/dev/null 2>&1 || true
if [ "$server" = on ]; then
  for which in base current none; do build "$which" "$out/logs/warmup-$which.log"; done
fi
orders=("base current none" "current none base" "none base current")
for round in $(seq 1 "$runs"); do
  for which in ${orders[$(( (round - 1) % 3 ))]}; do
    log="$out/logs/$round-$which.log"
    load=$(bench_load)
    start=$(bench_now)
    build "$which" "$log"
    end=$(bench_now)
    csc=$( (grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$log" || true) | tail -n 1 | awk '{print $1}')
    own=$( (grep -E '^ +[0-9.]+ +[0-9<]+ +LegalRules\.Analyzers, Version=' "$log" || true) | tail -n 1 | awk '{print $1}')
    echo -e "$round\t$which\t$(bench_elapsed "$start" "$end")\t$csc\t${own:-0}\t$load" | tee -a "$tsv"
  done
done
dotnet build-server shutdown >/dev/null 2>&1 || true

audit_tsv="$out/audit.tsv"
echo -e "round\tanalyzer\twall_s\tmaxrss_kb\tload" > "$audit_tsv"
for round in $(seq 1 "$audits"); do
  order=$([ $((round % 2)) = 1 ] && echo "base current" || echo "current base")
  for which in $order; do
    repo=$([ "$which" = base ] && echo "$base" || echo "$bench_repo/")
    load=$(bench_load)
    /usr/bin/time -f "%e\t%M" -o "$out/time.txt" dotnet "$repo/src/LegalRules.Cli/bin/Release/net10.0/LegalRules.Cli.dll" audit "$corpus/drop" \
      --as-of 2026-11-29 --fail-on none --format sarif --output "$out/audit-$which.sarif" > /dev/null 2>&1
    echo -e "$round\t$which\t$(cat "$out/time.txt")\t$load" | tee -a "$audit_tsv"
  done
done

python3 - "$tsv" "$audit_tsv" "$server" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def span(values, unit="", digits=3):
    return f"{statistics.median(values):.{digits}f}{unit} [{min(values):.{digits}f}-{max(values):.{digits}f}]"
rounds = {}
for x in rows:
    rounds.setdefault(x["round"], {})[x["analyzer"]] = x
print(f"builds, compiler server {sys.argv[3]}, {len(rounds)} rounds:")
for which in ("base", "current"):
    own = [float(r[which]["legalrules_s"]) for r in rounds.values()]
    share = [100 * float(r[which]["legalrules_s"]) / (float(r[which]["csc_ms"]) / 1000) for r in rounds.values()]
    wall = [float(r[which]["wall_s"]) / float(r["none"]["wall_s"]) for r in rounds.values()]
    print(f"  {which}: build wall / no analyzer {span(wall, 'x')}, LegalRules {span(own, ' s')}, share of Csc {span(share, ' %', 2)}")
print(f"  no analyzer: build wall {span([float(r['none']['wall_s']) for r in rounds.values()], ' s', 2)}")
audits = list(csv.DictReader(open(sys.argv[2]), delimiter="\t"))
for which in ("base", "current"):
    r = [x for x in audits if x["analyzer"] == which]
    if r:
        print(f"  audit {which}: wall {span([float(x['wall_s']) for x in r], ' s', 2)}, peak {statistics.median([int(x['maxrss_kb']) for x in r]) / 1024:.0f} MB (n={len(r)})")
PY
if [ "$audits" -gt 0 ]; then
  if cmp -s "$out/audit-base.sarif" "$out/audit-current.sarif"; then echo "  audit SARIF logs: the same bytes"; else echo "  audit SARIF logs: DIFFERENT"; fi
fi
