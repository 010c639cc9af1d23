#!/usr/bin/env bash
# Audit figures: `legalrules audit` over the loose drops of the generated corpus (100k and 400k
# lines by default) against the floor — LegalRules.AuditFloor parsing and binding the same files
# in one process, with the same compiler, references and runtime settings, without analyzers —
# in paired runs (floor and audit one after the other, order alternated), wall time and peak
# memory from /usr/bin/time -v.
#
#   bash eng/bench-audit.sh [RUNS] [OUT] [LINES...]     defaults: 3 artifacts/bench/audit 100000 400000
#
# Writes OUT/audit.tsv and OUT/summary.md.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"

runs="${1:-3}"
out="${2:-$bench_repo/artifacts/bench/audit}"
shift $(( $# > 2 ? 2 : $# )) || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 400000)
mkdir -p "$out/logs"

bench_require_time
bench_build_tools
cli="$bench_repo/src/LegalRules.Cli/bin/Release/net10.0/LegalRules.Cli.dll"
floor="$bench_repo/bench/LegalRules.AuditFloor/bin/Release/net10.0/LegalRules.AuditFloor.dll"

tsv="$out/audit.tsv"
echo -e "corpus\tround\ttool\twall_s\tmaxrss_kb\tload" > "$tsv"

run_once() { # lines round tool drop
  local lines="$1" round="$2" tool="$3" drop="$4" log="$out/logs/$1-$2-$3.log" load
  load=$(bench_load)
  if [ "$tool" = audit ]; then
    /usr/bin/time -v dotnet "$cli" audit "$drop" --as-of 2026-11-29 --fail-on none --format sarif --output "$out/logs/$lines.sarif" > "$log" 2>&1
  else
    /usr/bin/time -v dotnet "$floor" "$drop" > "$log" 2>&1
  fi
  local wall rss
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34"
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk -F': ' '{print $2}' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f", s }')
  rss=$(grep 'Maximum resident set size' "$log" | awk -F': ' '{print $2}')
  echo -e "$lines\t$round\t$tool\t$wall\t$rss\t$load" >> "$tsv"
}

for lines in "${sizes[@]}"; do
  corpus="$(bench_corpus "$lines")"
  # Unmeasured: the files in the page cache for both tools alike.
  run_once "$lines" warmup floor "$corpus/drop"
  for round in $(seq 1 "$runs"); do
    if [ $((round % 2)) -eq 1 ]; then order=(floor audit); else order=(audit floor); fi
    for tool in "${order[@]}"; do run_once "$lines" "$round" "$tool" "$corpus/drop"; done
    echo "audit: $lines lines, round $round/$runs done (load $(bench_load))"
  done
done
sed -i '/\twarmup\t/d' "$tsv"

python3 "$bench_repo/eng/bench-summary.py" audit "$tsv" > "$out/summary.md"
cat "$out/summary.md"
