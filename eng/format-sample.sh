#!/usr/bin/env bash
# Applies LegalRules' code fixes from the command line, as a team would in CI or before a commit:
# copies samples/CalculationLibrary to a temporary folder, plants findings that have fixes (a bound
# constant left at its 2025 value, an unbound CRDS rate, banker's rounding of a statutory amount),
# runs `dotnet format analyzers` on the copy, then checks that it builds and reports none of them.
#
#   eng/format-sample.sh            # exit 0 when every planted finding was fixed
#   KEEP=1 eng/format-sample.sh     # keep the temporary copy to look at it
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
if [ "${KEEP:-}" = "1" ]; then
  echo "Working copy: $work"
else
  trap 'rm -rf "$work"' EXIT
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The copy keeps the samples' layout; its Directory.Build.* and Directory.Packages.props point back at
# the repository, so that it uses LegalRules from source like the original.
sample="$work/samples/CalculationLibrary"
mkdir -p "$work/samples"
cp -R "$repo/samples/CalculationLibrary" "$sample"
rm -rf "$sample/bin" "$sample/obj"
cp "$repo/global.json" "$work/global.json"
cat > "$work/Directory.Packages.props" <<XML
<Project>
  <Import Project="$repo/Directory.Packages.props" />
</Project>
XML
cat > "$work/samples/Directory.Build.props" <<XML
<Project>
  <Import Project="$repo/Directory.Build.props" />
</Project>
XML
sed "s|\$(MSBuildThisFileDirectory)../src/|$repo/src/|g" "$repo/samples/Directory.Build.targets" > "$work/samples/Directory.Build.targets"

# Findings with fixes:
# - LR0001: the RSA montant forfaitaire left at its 2025 value;
# - LR0003: the CRDS rate hard-coded in expressions: where the type binds a constant to it (used),
#   and where it does not (extracted to a bound constant);
# - LR0101: Math.Round(x, 2) of an amount computed from a bound rate, without a rounding mode.
rsa="$sample/Prestations/RevenuSolidariteActive.cs"
contributions="$sample/Paie/Contributions.cs"
sed -i.bak 's/public const decimal MontantForfaitaire = 651.69m;/public const decimal MontantForfaitaire = 646.52m;/' "$rsa"
python3 - "$contributions" "$rsa" <<'PY'
import sys

def append(path, planted):
    text = open(path, encoding="utf-8").read()
    end = text.rstrip().rfind("}")
    open(path, "w", encoding="utf-8").write(text[:end].rstrip("\n") + "\n" + planted)

append(sys.argv[1], """
    /// <summary>CRDS sur une assiette donnée.</summary>
    public static decimal CrdsSur(decimal assiette)
        => Math.Round(assiette * 0.005m, 2, MidpointRounding.AwayFromZero);

    /// <summary>CSG déductible sur une assiette donnée, arrondie au centime (sans mode d'arrondi).</summary>
    public static decimal CsgDeductibleArrondie(decimal assiette)
        => Math.Round(assiette * CsgDeductible, 2);
}
""")
append(sys.argv[2], """
    /// <summary>CRDS prélevée sur le RSA versé.</summary>
    public static decimal CrdsSurRsa(decimal montant) => montant * 0.005m;
}
""")
PY
rm -f "$rsa.bak"

csproj="$sample/CalculationLibrary.csproj"
findings() {
  # The build reports warnings and errors; suggestions are not run by the build (see rules.md).
  dotnet build "$csproj" --no-incremental -p:TreatWarningsAsErrors=false -nologo -v:q 2>&1 \
    | grep -oE "(error|warning) LR0(001|003|101)" | sort | uniq -c || true
}

echo "== building LegalRules"
dotnet build "$repo/src/LegalRules.CodeFixes" -nologo -v:q
echo "== planted findings"
before="$(findings)"
echo "$before"
for rule in LR0001 LR0003 LR0101; do
  if ! grep -q "$rule" <<<"$before"; then
    echo "The planted $rule finding was not reported." >&2
    exit 1
  fi
done

cp -R "$sample" "$work/planted"
rm -rf "$work/planted/bin" "$work/planted/obj"

echo "== dotnet format analyzers"
dotnet format analyzers "$csproj" --diagnostics LR0001 LR0003 LR0101 --severity info -v:n

echo "== after the fixes"
(cd "$work" && diff -ru -x bin -x obj planted samples/CalculationLibrary) || true
after="$(findings)"
if [ -n "$after" ]; then
  echo "Still reported after dotnet format:" >&2
  echo "$after" >&2
  exit 1
fi
if ! dotnet build "$csproj" --no-incremental -nologo -v:q; then
  echo "The fixed sample does not build without warnings." >&2
  exit 1
fi
echo "dotnet format fixed every planted finding; the sample builds without warnings."
