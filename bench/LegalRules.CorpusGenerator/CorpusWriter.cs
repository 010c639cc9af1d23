using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LegalRules.Bench.Corpus;

/// <summary>What was planted where: the values the analyzer should find (for checking, not timing).</summary>
internal sealed record Planted(string File, int Line, string Key, string Kind, string Value);

/// <summary>
/// Writes calculation code as benefit and payroll code is written: classes of decimal fields and
/// constant rates, methods full of numeric literals with loops, LINQ, switch expressions and
/// rounding. Most literals are ordinary numbers (some of them equal, by accident, to a statutory
/// value that is not distinctive: the matcher must then look at names and find nothing); a small
/// share are planted statutory values — distinctive ones inline, corroborated ones named after their
/// parameter, superseded ones — and some members are bound with <c>[StatutoryParameter]</c>.
/// </summary>
internal sealed class CorpusWriter
{
    private static readonly string[] Modules = { "Prestations", "Paie", "Simulation", "Recouvrement", "Regularisation", "Commun" };
    private static readonly string[] Nouns = { "Dossier", "Droit", "Aide", "Versement", "Beneficiaire", "Echeance", "Bareme", "Ressource", "Periode", "Ligne", "Compte", "Indemnite" };
    private static readonly string[] Verbs = { "Calculer", "Evaluer", "Determiner", "Ventiler", "Proratiser", "Cumuler", "Projeter", "Liquider", "Ajuster", "Consolider" };

    // Rates that calculation code uses every day; a few (0.12, 0.16, 0.5…) equal values of the
    // registry that are not distinctive, so the matcher looks at the names around them — and finds none.
    private static readonly string[] Rates = { "0.5m", "0.25m", "0.1m", "0.05m", "0.2m", "0.15m", "0.3m", "0.75m", "0.33m", "0.12m", "0.16m", "0.08m", "0.055m", "0.0375m", "0.021m", "0.9m", "1.5m", "1.02m", "0.985m", "0.6m", "0.4m", "0.07m" };
    private static readonly string[] Counts = { "0", "1", "2", "3", "4", "5", "6", "10", "12", "24", "30", "60", "100", "365" };
    private static readonly string[] Doubles = { "0.5", "0.25", "1.0", "2.0", "0.001", "1e-6", "0.95", "1.05", "3.5", "100.0", "0.0125" };

    private readonly SplitMix64 _random;
    private readonly IReadOnlyList<RegistryParameter> _parameters;
    private readonly List<RegistryParameter> _distinctive;
    private readonly List<RegistryParameter> _withHistory;
    private readonly List<Planted> _planted = new();
    private string _file = string.Empty;
    private CodeWriter _code = new();
    private int _classIndex;

    public CorpusWriter(ulong seed, IReadOnlyList<RegistryParameter> parameters)
    {
        _random = new SplitMix64(seed);
        _parameters = parameters;
        _distinctive = parameters.Where(p => IsDistinctive(p.InForce)).ToList();
        _withHistory = parameters.Where(p => p.Superseded.Any(IsDistinctive)).ToList();
    }

    public IReadOnlyList<Planted> PlantedValues => _planted;

    /// <summary>Writes classes under <paramref name="sourceRoot"/> until <paramref name="lines"/> lines are written; returns the count.</summary>
    public int Write(string sourceRoot, int lines, Action<string, string> writeFile)
    {
        var total = 0;
        while (total < lines)
        {
            var module = Modules[_classIndex % Modules.Length];
            var lot = (_classIndex / 40).ToString("D3", CultureInfo.InvariantCulture);
            var name = _random.Pick(Nouns) + _random.Pick(Nouns) + _classIndex.ToString("D5", CultureInfo.InvariantCulture);
            _file = Path.Combine(module, "Lot" + lot, name + ".cs");
            _code = new CodeWriter();
            WriteClass($"Corpus.{module}.Lot{lot}", name);
            writeFile(Path.Combine(sourceRoot, _file), _code.ToString());
            total += _code.Lines;
            _classIndex++;
        }

        return total;
    }

    private void WriteClass(string ns, string name)
    {
        // No "generated" in the header: tools (Sonar) would take the file for generated code and skip it.
        _code.Line("// Benchmark input written by LegalRules.CorpusGenerator, not product code.")
            .Line("using System;")
            .Line("using System.Collections.Generic;")
            .Line("using System.Linq;")
            .Line("using LegalRules;")
            .Line()
            .Line($"namespace {ns};")
            .Line()
            .Line($"public sealed record Foyer{name}(decimal Revenu, int Personnes, int Enfants, DateTime Debut);")
            .Line();

        _code.Open($"public sealed class {name}");
        var fields = WriteFields(name);
        var methods = _random.Next(9, 16);
        for (var i = 0; i < methods; i++)
        {
            _code.Line();
            WriteMethod(name, i, fields);
        }

        _code.Close();
    }

    /// <summary>Fields, constants and properties; returns the names of the decimal ones, for methods to use.</summary>
    private List<string> WriteFields(string className)
    {
        var names = new List<string>();
        var count = _random.Next(4, 9);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(0, 100);
            var fieldName = $"{_random.Pick(Nouns)}{i}";
            if (roll < 6)
            {
                // A statutory value named after its parameter: not distinctive, corroborated by the name.
                var parameter = _random.Pick(_parameters);
                var superseded = parameter.Superseded.Count > 0 && _random.Chance(30);
                var value = superseded ? _random.Pick(parameter.Superseded) : parameter.InForce;
                fieldName = $"Taux{parameter.Word}{i}";
                Plant(parameter.Key, superseded ? "superseded-corroborated" : "in-force-corroborated", value);
                _code.Line($"public const decimal {fieldName} = {Decimal(value)};");
            }
            else if (roll < 9)
            {
                var parameter = _random.Pick(_parameters);
                fieldName = $"Parametre{i}";
                Plant(parameter.Key, "bound", parameter.InForce);
                _code.Line($"[StatutoryParameter(\"{parameter.Key}\")]");
                _code.Line($"public const decimal {fieldName} = {Decimal(parameter.InForce)};");
            }
            else if (roll < 11)
            {
                // A statutory rate held in binary floating point (what LR0102 is about).
                var parameter = _random.Pick(_parameters);
                Plant(parameter.Key, "in-force-double", parameter.InForce);
                _code.Line($"public static readonly double Taux{parameter.Word}Double{i} = {parameter.InForce.ToString(CultureInfo.InvariantCulture)};");
                continue;
            }
            else if (roll < 45)
            {
                _code.Line($"public const decimal {fieldName} = {_random.Pick(Rates)};");
            }
            else if (roll < 75)
            {
                _code.Line($"public static readonly decimal {fieldName} = {Amount()};");
            }
            else
            {
                _code.Line($"public decimal {fieldName} {{ get; set; }} = {Amount()};");
            }

            names.Add(fieldName);
        }

        _code.Line($"public int Nombre{className} {{ get; set; }} = {_random.Pick(Counts)};");
        return names;
    }

    private void WriteMethod(string className, int index, List<string> fields)
    {
        var name = _random.Pick(Verbs) + _random.Pick(Nouns) + index.ToString(CultureInfo.InvariantCulture);
        switch (_random.Next(0, 7))
        {
            case 0:
                LoopMethod(name, fields);
                break;
            case 1:
                LinqMethod(name, className, fields);
                break;
            case 2:
                SwitchMethod(name, fields);
                break;
            case 3:
                DoubleMethod(name);
                break;
            case 4:
                BracketMethod(name, index);
                break;
            case 5:
                PeriodMethod(name);
                break;
            default:
                AccumulateMethod(name, className, fields);
                break;
        }
    }

    private void LoopMethod(string name, List<string> fields)
    {
        _code.Open($"public decimal {name}(IReadOnlyList<decimal> montants, int nombreEnfants)")
            .Line("var total = 0m;")
            .Open("for (var i = 0; i < montants.Count; i++)")
            .Line("var montant = montants[i];")
            .Open($"if (montant > {Slot()})")
            .Line($"total += montant * {_random.Pick(Rates)};")
            .Close()
            .Open("else")
            .Line($"total += montant - {Slot()};")
            .Close()
            .Close()
            .Line()
            .Open($"if (nombreEnfants >= {_random.Pick(Counts)})")
            .Line($"total += {Slot()} * nombreEnfants + {Field(fields)};")
            .Close()
            .Line()
            .Line($"return Math.Round(total * {_random.Pick(Rates)}, 2, MidpointRounding.AwayFromZero);")
            .Close();
    }

    private void LinqMethod(string name, string className, List<string> fields)
    {
        _code.Open($"public decimal {name}(IEnumerable<Foyer{className}> foyers)")
            .Line("return foyers")
            .Line($"    .Where(f => f.Revenu > {Slot()} && f.Personnes <= {_random.Pick(Counts)})")
            .Line($"    .Select(f => Math.Round(f.Revenu * {_random.Pick(Rates)} - {Slot()} * f.Enfants, 2))")
            .Line($"    .Select(m => m > {Field(fields)} ? m - {Amount()} : m)")
            .Line("    .DefaultIfEmpty(0m)")
            .Line("    .Sum();")
            .Close();
    }

    private void SwitchMethod(string name, List<string> fields)
    {
        _code.Line($"public decimal {name}(int tranche, decimal assiette)")
            .Line("    => tranche switch")
            .Line("    {")
            .Line("        0 => 0m,")
            .Line($"        1 => assiette * {_random.Pick(Rates)},")
            .Line($"        2 => assiette * {_random.Pick(Rates)} + {Slot()},")
            .Line($"        <= 5 => assiette * {_random.Pick(Rates)} - {Amount()},")
            .Line($"        <= 8 => Math.Max(assiette - {Field(fields)}, {Slot()}),")
            .Line($"        _ => Math.Min(assiette * {_random.Pick(Rates)}, {Slot()}),")
            .Line("    };");
    }

    private void DoubleMethod(string name)
    {
        _code.Open($"public static double {name}(double[] serie)")
            .Line($"double acc = {_random.Pick(Doubles)};")
            .Open("foreach (var x in serie)")
            .Line($"acc = acc * {_random.Pick(Doubles)} + x / {_random.Pick(Doubles)};")
            .Open($"if (acc > {_random.Next(2, 9000).ToString(CultureInfo.InvariantCulture)}.{_random.Next(0, 99).ToString(CultureInfo.InvariantCulture)})")
            .Line($"acc -= {_random.Pick(Doubles)};")
            .Close()
            .Close()
            .Line()
            .Line("return Math.Round(acc, 4);")
            .Close();
    }

    private void BracketMethod(string name, int index)
    {
        var seuils = $"Seuils{index}";
        _code.Line($"private static readonly decimal[] {seuils} = {{ {Amount()}, {Amount()}, {Amount()}, {Slot()} }};")
            .Line()
            .Open($"public decimal {name}(decimal revenu)")
            .Line($"var taux = new[] {{ {_random.Pick(Rates)}, {_random.Pick(Rates)}, {_random.Pick(Rates)}, {_random.Pick(Rates)} }};")
            .Open($"for (var i = {seuils}.Length - 1; i >= 0; i--)")
            .Open($"if (revenu >= {seuils}[i])")
            // Banker's rounding by default: what LR0101 is about.
            .Line($"return Math.Round(revenu * taux[i] - {Slot()} * i, 2);")
            .Close()
            .Close()
            .Line()
            .Line("return 0m;")
            .Close();
    }

    private void PeriodMethod(string name)
    {
        _code.Open($"public static int {name}(DateTime debut, DateTime fin)")
            .Line("var mois = 0;")
            .Line("var courant = debut;")
            .Open($"while (courant < fin && mois < {_random.Pick(Counts)} * {_random.Pick(Counts)})")
            .Line("courant = courant.AddMonths(1);")
            .Line("mois++;")
            .Close()
            .Line()
            .Line($"var jours = (fin - courant).TotalDays > {_random.Pick(Counts)} ? {_random.Pick(Counts)} : 0;")
            .Line($"return mois > {_random.Pick(Counts)} ? mois - {_random.Pick(Counts)} + jours : jours;")
            .Close();
    }

    private void AccumulateMethod(string name, string className, List<string> fields)
    {
        _code.Open($"public decimal {name}(Foyer{className} foyer)")
            .Line($"decimal plafond = {Slot()} + {Field(fields)} * foyer.Personnes;")
            .Line($"decimal abattement = foyer.Enfants > {_random.Pick(Counts)} ? {Slot()} : {Amount()};")
            .Line($"var ressources = Math.Max(0m, foyer.Revenu - abattement) * {_random.Pick(Rates)};")
            .Open("if (ressources > plafond)")
            .Line($"ressources = plafond + (ressources - plafond) * {_random.Pick(Rates)};")
            .Close()
            .Line()
            .Line($"return Math.Round(ressources / {_random.Pick(Counts)}.0m + {Slot()}, 2, MidpointRounding.ToEven);")
            .Close();
    }

    /// <summary>A literal where an amount goes: ordinary mostly, sometimes a planted statutory value.</summary>
    private string Slot()
    {
        var roll = _random.Next(0, 1000);
        if (roll < 8 && _distinctive.Count > 0)
        {
            var parameter = _random.Pick(_distinctive);
            Plant(parameter.Key, "in-force-distinctive", parameter.InForce);
            return Decimal(parameter.InForce);
        }

        if (roll < 12 && _withHistory.Count > 0)
        {
            var parameter = _random.Pick(_withHistory);
            var value = _random.Pick(parameter.Superseded.Where(IsDistinctive).ToList());
            Plant(parameter.Key, "superseded-distinctive", value);
            return Decimal(value);
        }

        return roll < 600 ? Amount() : _random.Pick(Rates);
    }

    private string Field(List<string> fields) => fields.Count > 0 ? _random.Pick(fields) : Amount();

    /// <summary>An ordinary amount, with cents: distinctive-looking but in no registry.</summary>
    private string Amount()
    {
        var cents = _random.Next(1000, 5_000_000);
        return (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "m";
    }

    private void Plant(string key, string kind, decimal value)
        // The line the next Line() call writes: planted values are written on the current line.
        => _planted.Add(new Planted(_file.Replace('\\', '/'), _code.Lines + 1, key, kind, value.ToString(CultureInfo.InvariantCulture)));

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>Four significant digits or more, and not a year: as the analyzer judges, roughly.</summary>
    private static bool IsDistinctive(decimal value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture).Replace(".", string.Empty, StringComparison.Ordinal).Trim('0').Length;
        return digits >= 4 && !(value == decimal.Truncate(value) && value is >= 1900m and <= 2100m);
    }
}
