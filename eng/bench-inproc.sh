#!/usr/bin/env bash
# In-process figures: the registry cold (each measure in a fresh process), the cache across
# compilations, the analyzers' cost over the corpus with CompilationWithAnalyzers (per analyzer,
# per rule group), and the BenchmarkDotNet suites (registry warm; the path of one literal, with
# allocations).
#
#   bash eng/bench-inproc.sh [LINES] [OUT]        defaults: 100000 artifacts/bench/inproc
#   BENCH_COLD_RUNS (15)  BENCH_ANALYZER_RUNS (5)  BENCH_DOCUMENT_EDITS (40)  BENCH_BDN_ARGS (extra BenchmarkDotNet arguments)
#
# Writes OUT/results.txt (RESULT lines), OUT/analyzer.txt, OUT/analyzer-serial.txt, OUT/document.txt, OUT/bdn/ and OUT/summary.md.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"

lines="${1:-100000}"
out="${2:-$bench_repo/artifacts/bench/inproc}"
cold_runs="${BENCH_COLD_RUNS:-15}"
analyzer_runs="${BENCH_ANALYZER_RUNS:-5}"
mkdir -p "$out"
out="$(cd "$out" && pwd)" # absolute: BenchmarkDotNet runs from inside it

bench_build_tools
corpus="$(bench_corpus "$lines")"
bench="dotnet $bench_repo/bench/LegalRules.Benchmarks/bin/Release/net10.0/LegalRules.Benchmarks.dll"
results="$out/results.txt"
: > "$results"

echo "== registry, cold (fresh processes), load $(bench_load)"
for i in $(seq 1 "$cold_runs"); do $bench registry-cold embedded | tee -a "$results" | grep -v '^RESULT'; done
for i in $(seq 1 $(( (cold_runs + 1) / 2 ))); do $bench registry-cold openfisca | tee -a "$results" | grep -v '^RESULT'; done

echo "== registry cache across compilations"
$bench registry-cache | tee -a "$results" | grep -v '^RESULT'

echo "== analyzers in one process over $lines lines, load $(bench_load)"
# Beside the rule groups, two do-nothing analyzers: one syntax-tree action per file, and syntax-node
# actions on literals and binary expressions (the shape of LegalRules' rules): the driver's floor.
$bench analyzer --corpus "$corpus/drop" --runs "$analyzer_runs" --groups "${BENCH_ANALYZER_GROUPS:-statutory,arithmetic,all,tree-floor,syntax-floor}" | tee "$out/analyzer.txt" | tee -a "$results" | grep -v '^RESULT'

echo "== the same on one thread, load $(bench_load)"
# --serial: the compiler and the analyzers on one thread, so that each analyzer's execution time is
# the processor time it costs (on two cores, a callback's time also counts the threads it waits behind).
# New trees for each compilation, as in a build; beside the rules, the analyzer that only binds the
# members where they report (bind-floor): the part of their time any confirming analyzer pays.
# Kept apart from results.txt: its RESULT lines have the same names.
$bench analyzer --corpus "$corpus/drop" --runs "$analyzer_runs" --groups all,syntax-floor,bind-floor --serial --fresh-trees | tee "$out/analyzer-serial.txt" | grep -v '^RESULT'

echo "== after a keystroke in the IDE: one file's diagnostics in a compilation with that file replaced, load $(bench_load)"
$bench document --corpus "$corpus/drop" --edits "${BENCH_DOCUMENT_EDITS:-40}" --groups all,syntax-floor | tee "$out/document.txt" | tee -a "$results" | grep -v '^RESULT'

echo "== BenchmarkDotNet, load $(bench_load)"
# In-process toolchain: no project is generated and built inside the repository (whose
# Directory.Build.props and central package versions would apply to it).
(cd "$out" && $bench bdn --filter '*' --inProcess --artifacts "$out/bdn" --exporters github ${BENCH_BDN_ARGS:-}) > "$out/bdn.log" 2>&1
grep -E '^\|' "$out/bdn.log" || { tail -n 30 "$out/bdn.log"; exit 1; }

echo "load at the end: $(bench_load)" >> "$out/analyzer.txt"
python3 "$bench_repo/eng/bench-summary.py" inproc "$results" > "$out/summary.md"
cat "$out/summary.md"
