#!/usr/bin/env bash
# Before/after figure of an analyzer change at build level: the corpus project rebuilt with the
# analyzer of another checkout (BASE, its src/LegalRules.CodeFixes and Annotations built in
# Release) and with this checkout's, alternately, compiler server off; LegalRules' analyzer time
# and the Csc task's time from -p:ReportAnalyzer=true.
#
#   bash eng/bench-compare.sh BASE_CHECKOUT [LINES] [RUNS] [OUT]   defaults: 100000 3 artifacts/bench/compare
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"

base="$(cd "$1" && pwd)/"
lines="${2:-100000}"
runs="${3:-3}"
out="${4:-$bench_repo/artifacts/bench/compare}"
mkdir -p "$out/logs"

bench_build_tools
[ -f "$base/src/LegalRules.CodeFixes/bin/Release/netstandard2.0/LegalRules.Analyzers.dll" ] \
  || { echo "build the base first: dotnet build $base/src/LegalRules.CodeFixes -c Release" >&2; exit 2; }
corpus="$(bench_corpus "$lines")"
project="$corpus/project/Corpus.csproj"
dotnet restore "$project" -nologo -v:q >/dev/null

tsv="$out/compare.tsv"
echo -e "round\tanalyzer\twall_s\tcsc_ms\tlegalrules_s\tload" > "$tsv"
for round in $(seq 1 "$runs"); do
  for which in base current; do
    repo=$([ "$which" = base ] && echo "$base" || echo "$bench_repo/")
    log="$out/logs/$round-$which.log"
    load=$(bench_load)
    start=$(bench_now)
    dotnet build "$project" --no-restore -t:Rebuild -nologo -p:BenchAnalyzers=legalrules -p:LegalRulesRepository="$repo" \
      -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log" 2>&1
    end=$(bench_now)
    csc=$( (grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$log" || true) | tail -n 1 | awk '{print $1}')
    own=$( (grep -E '^ +[0-9.]+ +[0-9<]+ +LegalRules\.Analyzers, Version=' "$log" || true) | tail -n 1 | awk '{print $1}')
    echo -e "$round\t$which\t$(bench_elapsed "$start" "$end")\t$csc\t$own\t$load" | tee -a "$tsv"
  done
done
python3 - "$tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for which in ("base", "current"):
    r = [x for x in rows if x["analyzer"] == which]
    own = [float(x["legalrules_s"]) for x in r]
    csc = [float(x["csc_ms"]) / 1000 for x in r]
    share = [100 * a / c for a, c in zip(own, csc)]
    print(f"{which}: LegalRules {statistics.median(own):.3f} s [{min(own):.3f}-{max(own):.3f}], Csc {statistics.median(csc):.1f} s, share {statistics.median(share):.2f} % (n={len(r)})")
PY
