#!/usr/bin/env bash
# CI smoke run of the benchmarks, on a small corpus: every benchmark tool and script path runs
# once, end to end, so that none of them rots. It asserts nothing about time (CI machines are
# shared); it fails only when a tool fails, or when an unchanged registry is parsed twice
# (a correctness property of the cache, checked by counting parses). Under 2 minutes.
#
#   bash eng/bench-smoke.sh [OUT]            default: artifacts/bench/smoke
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"

out="${1:-$bench_repo/artifacts/bench/smoke}"
rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)" # absolute: BenchmarkDotNet runs from inside it
export BENCH_CORPUS_DIR="$out/corpus"
start=$(bench_now)

bench_build_tools
lines=3000
corpus="$(bench_corpus "$lines")"
bench="dotnet $bench_repo/bench/LegalRules.Benchmarks/bin/Release/net10.0/LegalRules.Benchmarks.dll"

echo "== registry: cold embedded, cold OpenFisca tree, cache across compilations"
$bench registry-cold embedded
$bench registry-cold openfisca
$bench registry-cache

echo "== analyzers in one process ($lines lines, 1 run)"
$bench analyzer --corpus "$corpus/drop" --runs 1 | grep -v '^RESULT'
echo "== the same on one thread, new trees for each compilation, beside the analyzer that only binds where the rules report"
$bench analyzer --corpus "$corpus/drop" --runs 1 --groups all,bind-floor --serial --fresh-trees | grep -v '^RESULT'

echo "== analyzers after a keystroke in the IDE ($lines lines, 3 edits)"
$bench document --corpus "$corpus/drop" --edits 3 | grep -v '^RESULT'

echo "== BenchmarkDotNet (dry job: each benchmark once)"
(cd "$out" && $bench bdn --filter '*' --job dry --inProcess --artifacts "$out/bdn") > "$out/bdn.log" 2>&1 || { tail -n 40 "$out/bdn.log"; exit 1; }
if grep -qE 'Exception|benchmarks: 0' "$out/bdn.log"; then tail -n 40 "$out/bdn.log"; exit 1; fi
grep -E '^\|' "$out/bdn.log" | head -n 12

echo "== audit vs floor ($lines lines, 1 run)"
bash "$bench_repo/eng/bench-audit.sh" 1 "$out/audit" "$lines" | tail -n 4

echo "== build: LegalRules, S109, no analyzer, the binding floor, the six-analyzer shape ($lines lines, 1 run, compiler server off)"
BENCH_SERVER_MODES=off BENCH_VARIANTS="none legalrules sonar floor-bind floor-shape6" bash "$bench_repo/eng/bench-build.sh" "$lines" 1 "$out/build" | tail -n 10

echo "bench smoke: done in $(bench_elapsed "$start" "$(bench_now)") s"
