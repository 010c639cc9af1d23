using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary><c>legalrules registry check</c> and <c>legalrules registry show</c>.</summary>
public sealed class RegistryCommandTests
{
    private const string ValidRegistry = """
        registry:
          name: Barème interne
        parameters:
          caisse.secours.montant:
            label: Secours d'urgence
            unit: currency
            reference: {title: "Délibération n° 2025-14", href: "https://example.org/deliberation-2025-14"}
            values:
              2025-01-01: 350
              2026-01-01: {value: 380, reference: {title: "Délibération n° 2025-41"}}
        """;

    [Fact]
    public async Task Check_of_clean_files_exits_0()
    {
        using var drop = new TempDrop();
        var registry = drop.Write("caisse.legal.yaml", ValidRegistry);
        var bindings = drop.Write("vendor.legal-bindings.yaml", $"bindings:\n  Vendor.Paie.Pss.Annuel: {Samples.PassKey}\n  Vendor.Caisse.Secours: caisse.secours.montant\n");

        var run = await CommandRunner.RunAsync("registry", "check", registry, bindings);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2 file(s) checked: no fault.\n", run.Stdout);
    }

    [Fact]
    public async Task Check_prints_each_fault_where_it_is_and_exits_1()
    {
        using var drop = new TempDrop();
        drop.Write("registre/interne.legal.yaml", """
            parameters:
              interne.prime:
                label: Prime interne
                unit: currency
                values:
                  2025-13-01: 12.5
                  2026-01-01: douze
            """);
        drop.Write("registre/vendor.legal-bindings.yaml", "bindings:\n  Vendor.Calcul.Rsa.Montant: prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base\n");

        var run = await CommandRunner.RunAsync("registry", "check", drop.PathOf("registre"));

        Assert.Equal(1, run.ExitCode);
        var registry = Path.Combine(drop.PathOf("registre"), "interne.legal.yaml");
        var bindings = Path.Combine(drop.PathOf("registre"), "vendor.legal-bindings.yaml");
        Assert.Contains(registry + "(6,7): ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2025-13-01", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(registry + "(7,19): ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(bindings + "(2,30): unknown parameter 'prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base' (nearest: ", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("2 file(s) checked: 3 fault(s).\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_of_other_YAML_files_is_checked_as_an_OpenFisca_tree()
    {
        using var drop = new TempDrop();
        drop.Write("parameters/index.yaml", "description: Paramètres\n");
        drop.Write("parameters/caisse/index.yaml", "description: [non fermé\n");
        drop.Write("parameters/caisse/secours.yaml", "description: Secours\nvalues:\n  2025-01-01:\n    value: 350\n  2026-13-01:\n    value: 380\n");
        drop.Write("parameters/caisse/montant-2024.yaml", "values:\n  2024-01-01:\n    value: 12\n");
        drop.Write("parameters/caisse/plafond.yaml", "values:\n  2025-01-01:\n    value: 1200\n");

        var run = await CommandRunner.RunAsync("registry", "check", drop.PathOf("parameters"));

        Assert.Equal(1, run.ExitCode);
        var root = drop.PathOf("parameters");
        Assert.Contains(Path.Combine(root, "caisse", "index.yaml") + "(", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(root, "caisse", "secours.yaml") + "(5,3): ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(root, "caisse", "montant-2024.yaml") + "(1,1): 'caisse.montant-2024' is not a valid parameter key", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("plafond.yaml", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("5 file(s) checked: 3 fault(s).\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenFisca_France_copy_checks_clean()
    {
        var run = await CommandRunner.RunAsync("registry", "check", RepositoryPaths.OpenFiscaParameters);

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("file(s) checked: no fault.\n", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("absent.legal.yaml", "does not exist")]
    [InlineData("notes.txt", "is neither a registry, bindings nor OpenFisca file")]
    [InlineData("vide", "holds no YAML file")]
    public async Task Check_of_unusable_input_exits_2(string path, string expected)
    {
        using var drop = new TempDrop();
        drop.Write("notes.txt", "texte");
        Directory.CreateDirectory(drop.PathOf("vide"));

        var run = await CommandRunner.RunAsync("registry", "check", drop.PathOf(path));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Show_gives_the_value_in_force_its_dates_and_its_references()
    {
        var run = await CommandRunner.RunAsync("registry", "show", Samples.RsaKey, "--as-of", Samples.AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(Samples.RsaKey + "\n  Montant forfaitaire mensuel du RSA", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  unit: currency\n  source: embedded French registry\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  In force on 2026-06-01: 651.69, from 2026-04-01 to further notice\n    Décret n° 2026-220 du 30 mars 2026, art. 1 <https://www.legifrance.gouv.fr/", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Dated values", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_history_lists_every_dated_value_and_marks_the_one_in_force()
    {
        var run = await CommandRunner.RunAsync("registry", "show", Samples.RsaKey, "--as-of", "2025-06-01", "--history");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("In force on 2025-06-01: 646.52, from 2025-04-01 to 2026-03-31\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  * 2025-04-01 → 2026-03-31  646.52  Décret n° 2025-293 du 29 mars 2025, art. 1\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n    2026-04-01 →             651.69  Décret n° 2026-220 du 30 mars 2026, art. 1\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_reads_the_auditors_registry_over_the_embedded_one()
    {
        using var drop = new TempDrop();
        var registry = drop.Write("caisse.legal.yaml", ValidRegistry);

        var ownKey = await CommandRunner.RunAsync("registry", "show", "caisse.secours.montant", "--registry", registry, "--as-of", Samples.AsOf);
        var before = await CommandRunner.RunAsync("registry", "show", "caisse.secours.montant", "--registry", registry, "--as-of", "2024-06-01");
        var withoutDefault = await CommandRunner.RunAsync("registry", "show", Samples.RsaKey, "--registry", registry, "--no-default-registry", "--as-of", Samples.AsOf);

        Assert.Equal(0, ownKey.ExitCode);
        Assert.Contains("  source: " + registry + "\n", ownKey.Stdout, StringComparison.Ordinal);
        Assert.Contains("In force on 2026-06-01: 380, from 2026-01-01 to further notice\n    Délibération n° 2025-41\n", ownKey.Stdout, StringComparison.Ordinal);
        Assert.Contains("Not in force on 2024-06-01: its first value applies from 2025-01-01.", before.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, withoutDefault.ExitCode);
        Assert.Contains("unknown parameter", withoutDefault.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_reads_an_OpenFisca_tree()
    {
        var run = await CommandRunner.RunAsync("registry", "show", Samples.RsaKey, "--openfisca", RepositoryPaths.OpenFiscaParameters, "--no-default-registry", "--as-of", Samples.AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("In force on 2026-06-01: 651.69", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  source: " + RepositoryPaths.OpenFiscaParameters, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_a_node_lists_the_parameters_under_it()
    {
        var run = await CommandRunner.RunAsync("registry", "show", "prestations_sociales.solidarite_insertion.minima_sociaux.rsa", "--as-of", Samples.AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("parameter(s) under this key:\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n    " + Samples.RsaKey + "\n", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base", "2026-06-01", "unknown parameter")]
    [InlineData(Samples.RsaKey, "2026-13-01", "--as-of")]
    public async Task Show_of_an_unknown_key_or_a_bad_date_exits_2(string key, string asOf, string expected)
    {
        var run = await CommandRunner.RunAsync("registry", "show", key, "--as-of", asOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_key_comes_with_the_nearest_ones()
    {
        var run = await CommandRunner.RunAsync("registry", "show", "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base", "--as-of", Samples.AsOf);

        Assert.Contains("(nearest: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(Samples.RsaKey, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_speaks_French_to_a_French_user()
    {
        var run = await CommandRunner.RunInCultureAsync(CultureInfo.GetCultureInfo("fr-FR"), "registry", "show", Samples.RsaKey, "--as-of", Samples.AsOf);

        Assert.Contains("En vigueur le 2026-06-01 : 651.69, du 2026-04-01 au nouvel ordre", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("source : registre français embarqué", run.Stdout, StringComparison.Ordinal);
    }
}
