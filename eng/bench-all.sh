#!/usr/bin/env bash
# Every figure of docs/performance.md, in one command, on the corpus generated at 100k and 400k
# lines: in-process figures (registry cold and warm, cache, analyzers per group, one literal's
# path), build figures (LegalRules vs S109 vs no analyzer, compiler server off and on), audit
# figures (legalrules audit vs the parse-and-bind floor). About an hour on 2 cores.
#
#   bash eng/bench-all.sh [OUT]              default: artifacts/bench/<date-time>
#   BENCH_MAX_LOAD=1.5 BENCH_WAIT_MINUTES=40 before each part, waits (polling every minute, at most
#                                            BENCH_WAIT_MINUTES in all) for the 1-minute load average
#                                            to fall below BENCH_MAX_LOAD
#
# The load average at the start and end of each part is written beside its figures: figures taken
# while other work runs on the machine are not comparable.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"

out="${1:-$bench_repo/artifacts/bench/$(date -u +%Y%m%d-%H%M%S)}"
max_load="${BENCH_MAX_LOAD:-1.5}"
wait_minutes="${BENCH_WAIT_MINUTES:-40}"
mkdir -p "$out"

# Waits, polling every minute, while the load is above BENCH_MAX_LOAD; BENCH_WAIT_MINUTES is the
# budget of waiting for the whole run, after which the parts run anyway (their load is recorded).
waited=0
wait_for_quiet() {
  while awk -v l="$(bench_load)" -v m="$max_load" 'BEGIN { exit !(l > m) }'; do
    if [ "$waited" -ge "$wait_minutes" ]; then
      echo "load still $(bench_load) after waiting $waited minutes in all: measuring anyway (see the load columns)"
      return 0
    fi
    echo "load $(bench_load) > $max_load: waiting ($waited/$wait_minutes min)"
    sleep 60
    waited=$((waited + 1))
  done
}

{
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "dotnet: $(dotnet --version); commit: $(git -C "$bench_repo" rev-parse --short HEAD)"
} | tee "$out/machine.txt"

bench_build_tools
export BENCH_CORPUS_DIR="$out/corpus"
for lines in 100000 400000; do
  bench_corpus "$lines" >/dev/null
done

part() { # name command...
  local name="$1"; shift
  wait_for_quiet
  echo "== $name (load $(bench_load))" | tee -a "$out/loads.txt"
  "$@"
  echo "   $name done (load $(bench_load))" | tee -a "$out/loads.txt"
}

part inproc bash "$bench_repo/eng/bench-inproc.sh" 100000 "$out/inproc"
# Beside LegalRules, S109 and no analyzer, two do-nothing analyzers (bench/LegalRules.FloorAnalyzers):
# what a build pays for an analyzer before it does anything; and one that only binds where LegalRules
# reports: what any analyzer confirming the same findings with the compiler pays.
export BENCH_VARIANTS="${BENCH_VARIANTS:-none legalrules sonar floor-tree floor-syntax floor-shape floor-shape6 floor-bind}"
part build bash "$bench_repo/eng/bench-build.sh" 100000 "${BENCH_BUILD_RUNS:-5}" "$out/build"
part audit bash "$bench_repo/eng/bench-audit.sh" "${BENCH_AUDIT_RUNS:-3}" "$out/audit" 100000 400000

{
  cat "$out/machine.txt"; echo
  echo "## In process"; cat "$out/inproc/summary.md"; echo
  echo "## Build"; cat "$out/build/summary.md"; echo
  echo "## Audit"; cat "$out/audit/summary.md"; echo
  echo "## Load average"; cat "$out/loads.txt"
} > "$out/summary.md"
echo "summary: $out/summary.md"
