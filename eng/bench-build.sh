#!/usr/bin/env bash
# Build-level figures: the generated corpus project rebuilt with LegalRules, with SonarAnalyzer
# restricted to S109, and with no analyzer, in paired runs (the three variants one after the other
# in each round, their order rotated), with the compiler server off (every build a cold csc) and on
# (warmed first). Reads, from `dotnet build -t:Rebuild -p:ReportAnalyzer=true -v:d`, each
# analyzer assembly's time and the Csc task's time.
#
#   bash eng/bench-build.sh [LINES] [RUNS] [OUT]        defaults: 100000 5 artifacts/bench/build
#   BENCH_SERVER_MODES="off on"   which compiler-server modes to run
#   BENCH_VARIANTS="none legalrules sonar"   which variants: also floor-tree, floor-model,
#       floor-syntax, floor-operation (a do-nothing analyzer with actions of that kind:
#       bench/LegalRules.FloorAnalyzers) — the build's cost of an analyzer before it does anything;
#       floor-bind (one that asks the compiler for the operation where LegalRules' findings are, and
#       nothing else: the build's cost of binding the members of the findings, which any analyzer
#       that confirms them with the compiler pays); floor-shape and floor-shape6 (do-nothing
#       analyzers with every action LegalRules registers, in one analyzer or split over six as
#       LegalRules splits them: what the number of analyzers costs the driver)
#
# Writes OUT/builds.tsv (one line per build) and OUT/summary.md (medians and spreads, ratios).
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"

lines="${1:-100000}"
runs="${2:-5}"
out="${3:-$bench_repo/artifacts/bench/build}"
modes="${BENCH_SERVER_MODES:-off on}"
read -r -a variants <<< "${BENCH_VARIANTS:-none legalrules sonar}"
mkdir -p "$out/logs"
bench_build_tools
corpus="$(bench_corpus "$lines")"
project="$corpus/project/Corpus.csproj"
# One restore for every variant: they differ only in the analyzers handed to the compiler.
dotnet restore "$project" -nologo -v:q >/dev/null

# SonarAnalyzer restricted to S109 (on in the corpus's .editorconfig, where Sonar looks for it):
# every other Sonar rule off by its id, in the variant's global config. The bulk setting
# (dotnet_analyzer_diagnostic.severity = none) hides their findings but does not stop the compiler
# from running them (measured: all of Sonar's default rules ran, 26 s of analyzer time); an analyzer
# whose every rule is off by id is not run at all. The ids are read from the restored package.
packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')"
sonar_dir="${packages%/}/sonaranalyzer.csharp/9.32.0.97167/analyzers"
python3 - "$sonar_dir" "$corpus/project/sonar-s109.globalconfig" <<'PY'
import re, sys
ids = set()
for name in ("SonarAnalyzer.CSharp.dll", "SonarAnalyzer.dll"):
    data = open(f"{sys.argv[1]}/{name}", "rb").read()
    ids.update("S" + m.decode("utf-16le") for m in re.findall(rb"S\x00((?:[0-9]\x00){3,4})", data))
    ids.update("S" + m.decode() for m in re.findall(rb"\bS([0-9]{3,4})\b", data))
    # Sonar's utility analyzers (S9999-cpd, S9999-warning…), which feed SonarQube, not the build.
    ids.update(m.decode("utf-16le") for m in re.findall(rb"S\x009\x009\x009\x009\x00-\x00(?:[a-z]\x00)+", data))
ids.discard("S109")
with open(sys.argv[2], "w") as f:
    f.write("is_global = true\n# Written by eng/bench-build.sh: SonarAnalyzer restricted to its magic-number rule.\n")
    f.writelines(f"dotnet_diagnostic.{i}.severity = none\n" for i in sorted(ids))
PY

# floor-bind reads where LegalRules reports: from one LegalRules build before the measured ones.
if [[ " ${variants[*]} " == *" floor-bind "* ]]; then
  dotnet build "$project" --no-restore -t:Rebuild -nologo -p:BenchAnalyzers=legalrules -p:UseSharedCompilation=false \
    > "$out/logs/bind-floor-findings.log" 2>&1 || { echo "build failed: $out/logs/bind-floor-findings.log" >&2; exit 1; }
  python3 - "$out/logs/bind-floor-findings.log" "$corpus/project/bind-floor.tsv" <<'PY'
import re, sys
places = sorted({m.groups() for m in re.finditer(r"^\s*(\S+\.cs)\((\d+),(\d+)\): warning LR\d+", open(sys.argv[1]).read(), re.M)})
with open(sys.argv[2], "w") as f:
    f.writelines(f"{path}\t{line}\t{column}\n" for path, line, column in places)
print(f"floor-bind: {len(places)} places of LegalRules findings")
if not places:
    sys.exit("floor-bind: the LegalRules build reported nothing, so the floor would bind nothing (see the log above)")
PY
fi

tsv="$out/builds.tsv"
echo -e "server\tround\tvariant\twall_s\tcsc_ms\tanalyzers_s\tlegalrules_s\tsonar_s\twarnings\terrors\tload" > "$tsv"

build_once() { # server round variant
  local server="$1" round="$2" variant="$3" log="$out/logs/$1-$2-$3.log" shared start end
  shared=$([ "$server" = on ] && echo true || echo false)
  start=$(bench_now)
  dotnet build "$project" --no-restore -t:Rebuild -nologo -p:BenchAnalyzers="$variant" -p:UseSharedCompilation="$shared" \
    -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log" 2>&1 || { echo "build failed: $log" >&2; return 1; }
  end=$(bench_now)
  [ "$round" = warmup ] && return 0
  local csc analyzers legalrules sonar warnings errors
  # A variant's log lacks the other variants' lines: a missing line is a missing figure, not a failure.
  csc=$( (grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$log" || true) | tail -n 1 | awk '{print $1}')
  analyzers=$( (grep -oE 'Total analyzer execution time: [0-9.]+' "$log" || true) | tail -n 1 | awk '{print $NF}')
  legalrules=$( (grep -E '^ +[0-9.]+ +[0-9<]+ +LegalRules\.Analyzers, Version=' "$log" || true) | tail -n 1 | awk '{print $1}')
  sonar=$( (grep -E '^ +[0-9.]+ +[0-9<]+ +SonarAnalyzer\.CSharp, Version=' "$log" || true) | tail -n 1 | awk '{print $1}')
  warnings=$( (grep -oE '[0-9]+ Warning\(s\)' "$log" || true) | tail -n 1 | awk '{print $1}')
  errors=$( (grep -oE '[0-9]+ Error\(s\)' "$log" || true) | tail -n 1 | awk '{print $1}')
  echo -e "$server\t$round\t$variant\t$(bench_elapsed "$start" "$end")\t${csc:-}\t${analyzers:-0}\t${legalrules:-0}\t${sonar:-0}\t${warnings:-}\t${errors:-}\t$(bench_load)" >> "$tsv"
}

for server in $modes; do
  dotnet build-server shutdown >/dev/null 2>&1 || true
  if [ "$server" = on ]; then
    # Warm the compiler server (and the analyzers it has loaded) before measuring.
    for variant in "${variants[@]}"; do build_once on warmup "$variant"; done
  fi
  for round in $(seq 1 "$runs"); do
    for i in "${!variants[@]}"; do
      build_once "$server" "$round" "${variants[$(( (round + i) % ${#variants[@]} ))]}"
    done
    echo "build: server $server, round $round/$runs done (load $(bench_load))"
  done
done
dotnet build-server shutdown >/dev/null 2>&1 || true

python3 "$bench_repo/eng/bench-summary.py" build "$tsv" > "$out/summary.md"
cat "$out/summary.md"
