#!/usr/bin/env bash
# Audits a large real-world C# codebase with `legalrules audit` and reports what an auditor would
# want to know first: files and lines read, findings by rule, analyzer exceptions, time. Opt-in,
# never run by CI: the code is whatever the caller points at (see docs/robustness.md).
#
#   eng/audit-real-code.sh <folder> [more `legalrules audit` options…]
#
# Writes the SARIF log, the text report and the command's error output under
# $LEGALRULES_AUDIT_OUT (default: TestResults/real-code/). Exits 1 when an analyzer threw (AD0001)
# or the audit could not run, 0 otherwise (findings are expected in real code and are not failures).
set -uo pipefail

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 <folder> [legalrules audit options…]" >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
folder="$(cd "$1" && pwd)"
shift
out="${LEGALRULES_AUDIT_OUT:-$root/TestResults/real-code}"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building the legalrules command"
if ! dotnet build "$root/src/LegalRules.Cli/LegalRules.Cli.csproj" -c Release -v quiet -nologo > "$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  exit 1
fi
cli="$(find "$root/src/LegalRules.Cli/bin/Release" -name 'LegalRules.Cli.dll' -path '*net10.0*' | head -n 1)"

files=$(find "$folder" -type f -name '*.cs' | wc -l)
lines=$(find "$folder" -type f -name '*.cs' -print0 | xargs -0 cat 2>/dev/null | wc -l)
echo "== auditing $folder: $files .cs files, $lines lines"

# A fixed evaluation date, so that two runs over the same code compare.
start=$(date +%s.%N)
dotnet "$cli" audit "$folder" --as-of 2026-06-01 --format sarif --output "$out/audit.sarif" --fail-on none "$@" \
  > "$out/stdout.txt" 2> "$out/stderr.txt"
status=$?
end=$(date +%s.%N)
seconds=$(awk "BEGIN { printf \"%.1f\", $end - $start }")
echo "== audit exited $status after ${seconds} s"

if [ ! -s "$out/audit.sarif" ]; then
  echo "No SARIF log was written; the command said:" >&2
  tail -n 20 "$out/stderr.txt" >&2
  exit 1
fi

python3 - "$out/audit.sarif" "$files" "$lines" "$seconds" <<'PY'
import collections, json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
files, lines, seconds = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
results = [r for run in log.get("runs", []) for r in run.get("results", [])]
notifications = [n for run in log.get("runs", []) for inv in run.get("invocations", []) for n in inv.get("toolExecutionNotifications", [])]
failures = [n for n in notifications if (n.get("descriptor") or {}).get("id") == "AD0001" or "AD0001" in json.dumps(n)]
by_rule = collections.Counter(r.get("ruleId") for r in results)
by_file = collections.Counter(loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r.get("locations", [])[:1] if "physicalLocation" in loc)
print(f"files: {files:,}, lines: {lines:,}, time: {seconds:.1f} s ({lines / max(seconds, 0.001):,.0f} lines/s)")
print(f"findings: {len(results):,} in {len(by_file):,} files; by rule: " + (", ".join(f"{rule} {count:,}" for rule, count in sorted(by_rule.items())) or "none"))
print(f"analyzer exceptions (AD0001): {len(failures)}; other tool notifications: {len(notifications) - len(failures)}")
for n in failures[:5]:
    print("  " + (n.get("message") or {}).get("text", "")[:400])
for uri, count in by_file.most_common(5):
    print(f"  most findings: {uri} ({count})")
sys.exit(1 if failures else 0)
PY
summary=$?
if [ $status -ge 2 ]; then
  echo "The audit could not run to the end (exit $status):" >&2
  tail -n 20 "$out/stderr.txt" >&2
  exit 1
fi
exit $summary
