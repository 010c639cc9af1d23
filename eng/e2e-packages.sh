#!/usr/bin/env bash
# End-to-end test of the packages, outside the solution, the way a user gets them:
# pack into a local feed; in a fresh folder create a class library with `dotnet new`, add
# LegalRules.Analyzers and LegalRules.Annotations from that feed, plant divergences, and check what
# `dotnet build`, `-warnaserror`, the compiler's SARIF log, an OpenFisca tree, `dotnet format
# analyzers` and the `legalrules` tool do with them.
#
#   bash eng/e2e-packages.sh            # prints each step, ends with "e2e: N passed, N failed"
#
# It uses its own NuGet cache so that a package packed now is never confused with an older build
# of the same version; packages other than LegalRules come from the usual registry.
set -uo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "$repo/../shared" 2>/dev/null && pwd || true)"
work="$(mktemp -d "${TMPDIR:-/tmp}/legalrules-e2e.XXXXXX")"
feed="$work/feed"
export NUGET_PACKAGES="$work/nuget-packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version="0.1.0-e2e.$(date +%Y%m%d%H%M%S)"

passed=0
failed=0
step() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'ok: %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAILED: %s\n' "$*"; }
check() { # check "what" command...
  local what="$1"; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

step "pack LegalRules.Annotations, LegalRules.Analyzers and LegalRules.Cli $version into $feed"
if ! dotnet pack "$repo/LegalRules.sln" -c Release -o "$feed" -p:Version="$version" >"$work/pack.log" 2>&1; then
  cat "$work/pack.log"
  fail "dotnet pack"
  echo "e2e: $passed passed, $failed failed"
  exit 1
fi
ls -l "$feed"
analyzers="$feed/LegalRules.Analyzers.$version.nupkg"
check "LegalRules.Analyzers package exists" test -f "$analyzers"
check "LegalRules.Annotations package exists" test -f "$feed/LegalRules.Annotations.$version.nupkg"
check "LegalRules.Cli package exists" test -f "$feed/LegalRules.Cli.$version.nupkg"
unzip -l "$analyzers"
listing="$(unzip -l "$analyzers")"
for entry in analyzers/dotnet/cs/LegalRules.Analyzers.dll analyzers/dotnet/cs/LegalRules.CodeFixes.dll \
             analyzers/dotnet/cs/YamlDotNet.dll analyzers/dotnet/cs/fr/LegalRules.Analyzers.resources.dll \
             buildTransitive/LegalRules.Analyzers.props buildTransitive/LegalRules.Analyzers.targets; do
  check "package holds $entry" grep -q "$entry" <<<"$listing"
done
check "package is a development dependency" grep -q '<developmentDependency>true</developmentDependency>' <(unzip -p "$analyzers" LegalRules.Analyzers.nuspec)

step "new class library with the packages"
app="$work/Benefits"
mkdir -p "$app"
cd "$app" || exit 1
dotnet new classlib -n Benefits -o . >"$work/new.log" 2>&1 || { cat "$work/new.log"; fail "dotnet new classlib"; }
rm -f Class1.cs
cat >nuget.config <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="legalrules-e2e" value="$feed" />
  </packageSources>
</configuration>
EOF
check "dotnet add package LegalRules.Analyzers" dotnet add package LegalRules.Analyzers --version "$version"
check "dotnet add package LegalRules.Annotations" dotnet add package LegalRules.Annotations --version "$version"

cat >.globalconfig <<'EOF'
is_global = true
legal_rules.as_of = 2026-06-01
EOF
cat >benefits.legal.yaml <<'EOF'
parameters:
  benefits.prime.noel:
    label: Prime de Noël
    unit: currency
    reference: {title: "Décret n° 2025-1 du 2 janvier 2025"}
    values:
      2025-12-01: 152.45
EOF
cat >Rsa.cs <<'EOF'
using LegalRules;

namespace Benefits;

public static class Rsa
{
    [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa")]
    public const decimal Montant = 646.52m;

    [StatutoryParameter("benefits.prime.noel")]
    public const decimal PrimeNoel = 150m;

    public static decimal Crds(decimal assiette) => assiette * 0.005m;
}
EOF

step "dotnet build reports the planted divergences where they are"
dotnet build -nologo >"$work/build1.log" 2>&1
build1=$?
grep -E "LR0[0-9]{3}" "$work/build1.log" | sort -u
check "the build fails on LR0001" test "$build1" -ne 0
check "LR0001 on Rsa.cs line 8, column 36 (646.52 instead of 651.69)" grep -q "Rsa.cs(8,36): error LR0001: 646.52 differs from 651.69" "$work/build1.log"
check "LR0001 from the project's own registry file (150 instead of 152.45)" grep -q "Rsa.cs(11,38): error LR0001: 150 differs from 152.45" "$work/build1.log"
check "LR0003 on Rsa.cs line 13 (CRDS 0.005 hard-coded)" grep -q "Rsa.cs(13,64): warning LR0003" "$work/build1.log"
check "no analyzer exception (AD0001)" bash -c "! grep -q AD0001 '$work/build1.log'"

step "with the divergences fixed, warnings remain: the build passes, and fails with -warnaserror"
sed -i 's/646.52m/651.69m/; s/PrimeNoel = 150m/PrimeNoel = 152.45m/' Rsa.cs
check "dotnet build passes" dotnet build -nologo -v q
if dotnet build -nologo -warnaserror --no-incremental >"$work/build2.log" 2>&1; then
  fail "dotnet build -warnaserror fails on LR0003"
else
  check "dotnet build -warnaserror fails on LR0003" grep -q "error LR0003" "$work/build2.log"
fi

step "severities from .editorconfig fail the build"
printf 'root = true\n[*.cs]\ndotnet_diagnostic.LR0003.severity = error\n' >.editorconfig
if dotnet build -nologo --no-incremental >"$work/build3.log" 2>&1; then
  fail "LR0003 as error fails the build"
else
  pass "LR0003 as error fails the build"
fi
rm .editorconfig

step "the compiler's SARIF log holds the LegalRules results"
dotnet build -nologo --no-incremental "-p:ErrorLog=$work/build.sarif%2Cversion=2.1" >"$work/build4.log" 2>&1
check "SARIF log written" test -s "$work/build.sarif"
check "SARIF log has an LR0003 result" grep -q '"ruleId": "LR0003"' "$work/build.sarif"
check "SARIF log is version 2.1.0" grep -q '"version": "2.1.0"' "$work/build.sarif"

step "the evaluation date from MSBuild (LegalRulesAsOf) when .editorconfig says none"
rm .globalconfig
dotnet build -nologo --no-incremental -p:LegalRulesAsOf=2025-06-01 >"$work/build5.log" 2>&1
check "LegalRulesAsOf=2025-06-01 makes 651.69 diverge from 646.52" grep -q "error LR0001: 651.69 differs from 646.52" "$work/build5.log"
printf 'is_global = true\nlegal_rules.as_of = 2026-06-01\n' >.globalconfig

if [ -n "$shared" ] && [ -d "$shared/openfisca-france-parameters" ]; then
  step "an OpenFisca tree through LegalRulesOpenFiscaParameters"
  cat >Permis.cs <<'EOF'
using LegalRules;

namespace Benefits;

public static class Permis
{
    [StatutoryParameter("prestations_sociales.transport.permis_de_conduire.pret_formation_permis.age.maximum")]
    public const int AgeMaximum = 26;
}
EOF
  dotnet build -nologo --no-incremental "-p:LegalRulesOpenFiscaParameters=$shared/openfisca-france-parameters" >"$work/build6.log" 2>&1
  grep -E "LR0[0-9]{3}" "$work/build6.log" | sort -u | head -5
  check "a parameter known only to the OpenFisca tree is checked (26 instead of 25)" grep -q "Permis.cs(8,35): error LR0001: 26 differs from 25" "$work/build6.log"
  check "the OpenFisca tree loads without fault" bash -c "! grep -q LR0901 '$work/build6.log'"
  rm Permis.cs
else
  fail "../shared/openfisca-france-parameters is beside the checkout"
fi

step "dotnet format analyzers applies the code fixes"
sed -i 's/651.69m/646.52m/' Rsa.cs
dotnet format analyzers Benefits.csproj --diagnostics LR0001 --severity info >"$work/format.log" 2>&1
cat "$work/format.log" | tail -3
check "the fix wrote the statutory value" grep -q "Montant = 651.69m" Rsa.cs
check "the fixed project builds" dotnet build -nologo -v q --no-incremental

step "the legalrules tool from the feed"
tools="$work/tools"
check "dotnet tool install LegalRules.Cli" dotnet tool install LegalRules.Cli --version "$version" --tool-path "$tools" --add-source "$feed"
sed -i 's/651.69m/646.52m/' Rsa.cs
"$tools/legalrules" audit "$app" --as-of 2026-06-01 --format sarif --output "$work/audit.sarif"
audit=$?
check "legalrules audit exits 1 on findings" test "$audit" -eq 1
check "legalrules audit writes the LR0001 finding" grep -q '"ruleId": "LR0001"' "$work/audit.sarif"

cd "$repo" || exit 1
if [ "$failed" -eq 0 ]; then
  rm -rf "$work"
else
  echo "Kept for inspection: $work"
fi
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
