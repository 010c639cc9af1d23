# Shared helpers of the eng/bench-*.sh scripts (sourced, not run).

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bench_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The 1-minute load average: figures taken while others build are not comparable.
bench_load() { cut -d' ' -f1 /proc/loadavg; }

bench_now() { date +%s.%N; }

# Seconds between two bench_now readings.
bench_elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# /usr/bin/time (Debian's 'time') reports peak memory; install it where it is missing.
bench_require_time() {
  if [ ! -x /usr/bin/time ]; then
    echo "installing Debian's time (peak memory figures)"
    (apt-get update -qq && apt-get install -y -qq time) >/dev/null 2>&1 || { echo "cannot install /usr/bin/time" >&2; return 1; }
  fi
}

# Builds what the benchmarks run, in Release: the analyzer and fixes (loaded by the corpus builds),
# the annotations, the command, the benchmark tools.
bench_build_tools() {
  local project
  # Once per run of the scripts: a parent script that built them says so to the scripts it calls.
  [ "${BENCH_TOOLS_BUILT:-}" = 1 ] && return 0
  for project in src/LegalRules.CodeFixes src/LegalRules.Annotations src/LegalRules.Cli \
    bench/LegalRules.CorpusGenerator bench/LegalRules.Benchmarks bench/LegalRules.AuditFloor bench/LegalRules.FloorAnalyzers; do
    dotnet build "$bench_repo/$project" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null || { echo "build of $project failed" >&2; return 1; }
  done
  export BENCH_TOOLS_BUILT=1
}

# Prints the folder of the corpus of $1 lines (project/ and drop/), generating it the first time
# and again when the generator was built after it (the generator is deterministic: same sources,
# same bytes). Shared by the scripts: BENCH_CORPUS_DIR (default artifacts/bench/corpus).
bench_corpus() {
  local lines="$1" out="${BENCH_CORPUS_DIR:-$bench_repo/artifacts/bench/corpus}/$1"
  local generator="$bench_repo/bench/LegalRules.CorpusGenerator/bin/Release/net10.0/LegalRules.CorpusGenerator.dll"
  if [ ! -f "$out/planted.tsv" ] || [ "$generator" -nt "$out/planted.tsv" ]; then
    rm -rf "$out"
    dotnet "$generator" \
      --lines "$lines" --out "$out" --repo "$bench_repo" >&2 || return 1
  fi
  echo "$out"
}
