using System.Globalization;
using System.Linq;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>What an audit finds in a drop, through the command as an auditor runs it.</summary>
public sealed class AuditFindingsTests
{
    [Fact]
    public async Task Bound_member_whose_value_diverges_is_LR0001()
    {
        using var drop = new TempDrop();
        var file = drop.Write("CalculRsa.cs", Samples.BoundRsa);

        var run = await CommandRunner.RunAsync("audit", file, "--as-of", Samples.AsOf);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CalculRsa.cs", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("8:36  error    LR0001  646.52 differs from 651.69", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("|     public const decimal Montant = 646.52m;", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("Décret n° 2026-220 du 30 mars 2026", run.Stdout, System.StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Attribute_declared_by_the_drop_itself_binds_like_the_published_one()
    {
        using var drop = new TempDrop();
        drop.Write("Attributs.cs", """
            namespace Vendor.Annotations;

            [System.AttributeUsage(System.AttributeTargets.Field)]
            public sealed class StatutoryParameterAttribute : System.Attribute
            {
                public StatutoryParameterAttribute(string key) { }
            }
            """);
        drop.Write("Calcul/Rsa.cs", """
            using Vendor.Annotations;

            namespace Vendor.Calcul;

            public static class Rsa
            {
                [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa")]
                public static readonly decimal Montant = 646.52m;
            }
            """);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal("LR0001", result.RuleId);
        Assert.Equal("Calcul/Rsa.cs", result.Uri);
    }

    [Fact]
    public async Task Unbound_statutory_values_are_LR0002_when_superseded_and_LR0003_when_in_force()
    {
        using var drop = new TempDrop();
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Collection(
            report.Results,
            r => (r.RuleId, r.StartLine, r.Properties["found"], r.Properties["key"]).AssertIs(("LR0002", 5, "46368", Samples.PassKey)),
            r => (r.RuleId, r.StartLine, r.Properties["found"], r.Properties["key"]).AssertIs(("LR0002", 9, "47100", Samples.PassKey)),
            r => (r.RuleId, r.StartLine, r.Properties["found"], r.Properties["key"]).AssertIs(("LR0003", 13, "48060", Samples.PassKey)));
        Assert.Equal("48060", report.Results[0].Properties["statutory"]);
        Assert.Equal("2025-01-01", report.Results[1].Properties["foundValidFrom"]);
    }

    [Fact]
    public async Task Drop_that_does_not_compile_is_still_analysed_as_far_as_it_binds()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        drop.Write("Paie/Bulletin.cs", """
            using Vendor.Framework.Paie;          // a dependency the drop does not ship
            using System.Linq

            namespace Vendor.Paie;

            public class Bulletin : BulletinBase
            {
                private readonly IRepository _repository;

                public decimal Plafond() => _repository.Lire() + 48060m;

                public decimal Cassé( => 0m;
            }
            """);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Contains(report.Results, r => r.RuleId == "LR0001" && r.Uri == "CalculRsa.cs");
        Assert.Contains(report.Results, r => r.RuleId == "LR0003" && r.Uri == "Paie/Bulletin.cs" && r.Properties["found"] == "48060");
        Assert.True(report.CompilerErrors > 0);
    }

    [Fact]
    public async Task Invalid_registry_file_given_by_flag_is_LR0901_located_in_that_file()
    {
        using var drop = new TempDrop();
        drop.Write("src/Clean.cs", Samples.Clean);
        var registry = drop.Write("registre/interne.legal.yaml", """
            parameters:
              interne.prime:
                label: Prime interne
                unit: currency
                values:
                  2025-13-01: 12.5
            """);

        var report = await Sarif.AuditAsync(drop.PathOf("src"), "--registry", registry, "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal("LR0901", result.RuleId);
        Assert.Equal("../registre/interne.legal.yaml", result.Uri);
        Assert.Equal((6, 7), (result.StartLine, result.StartColumn));
        Assert.Contains("2025-13-01", result.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_folder_given_by_flag_overrides_the_embedded_registry()
    {
        using var drop = new TempDrop();
        drop.Write("drop/CalculRsa.cs", Samples.BoundRsa);
        drop.Write("registre/rsa.legal.yaml", $$"""
            parameters:
              {{Samples.RsaKey}}:
                label: RSA (barème interne)
                unit: currency
                reference: {title: "Barème interne", href: "https://example.org/bareme"}
                values:
                  2025-04-01: 646.52
            """);

        var report = await Sarif.AuditAsync(drop.PathOf("drop"), "--registry", drop.PathOf("registre"), "--as-of", Samples.AsOf);

        Assert.Empty(report.Results);
    }

    [Fact]
    public async Task Without_the_default_registry_the_French_parameters_are_unknown()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);

        var report = await Sarif.AuditAsync(drop.Root, "--no-default-registry", "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal("LR0004", result.RuleId);
        Assert.Equal(Samples.RsaKey, result.Properties["key"]);
    }

    [Fact]
    public async Task OpenFisca_tree_replaces_the_default_registry()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);

        var report = await Sarif.AuditAsync(drop.Root, "--openfisca", RepositoryPaths.OpenFiscaParameters, "--no-default-registry", "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal("LR0001", result.RuleId);
        Assert.Equal("651.69", result.Properties["statutory"]);
    }

    [Fact]
    public async Task Bindings_file_binds_members_of_code_that_must_not_be_edited()
    {
        using var drop = new TempDrop();
        drop.Write("drop/Paie/Smic.cs", """
            namespace Vendor.Paie;

            public static class Pss
            {
                public const decimal Annuel = 47100m;
                public const decimal Inconnu = 1m;
            }
            """);
        var bindings = drop.Write("audit/vendor.legal-bindings.yaml", $$"""
            bindings:
              Vendor.Paie.Pss.Annuel: {{Samples.PassKey}}
              "F:Vendor.Paie.Pss.Inconnu": interne.inexistant
            """);

        var report = await Sarif.AuditAsync(drop.PathOf("drop"), "--bindings", bindings, "--as-of", Samples.AsOf);

        Assert.Collection(
            report.Results,
            r => (r.RuleId, r.Uri, r.StartLine).AssertIs(("LR0004", "../audit/vendor.legal-bindings.yaml", 3)),
            r => (r.RuleId, r.Uri, r.Properties["found"], r.Properties["statutory"]).AssertIs(("LR0001", "Paie/Smic.cs", "47100", "48060")));
    }

    [Fact]
    public async Task Registry_files_shipped_in_the_drop_are_listed_and_never_used()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);

        // The vendor's own "law" would make its outdated value the statutory one.
        drop.Write("config/vendor.legal.yaml", $$"""
            parameters:
              {{Samples.RsaKey}}:
                label: RSA
                unit: currency
                values:
                  2025-04-01: 646.52
            """);
        drop.Write("config/vendor.legal-bindings.yaml", "bindings:\n  Vendor.Calcul.CalculRsa.Montant: interne.autre\n");

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);
        var text = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal("LR0001", result.RuleId);
        Assert.Equal(new[] { "config/vendor.legal-bindings.yaml", "config/vendor.legal.yaml" }, report.IgnoredRegistryFiles);
        Assert.Contains("Registry and bindings files in the drop, not used", text.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("  config/vendor.legal.yaml\n", text.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_file_of_the_drop_is_used_when_the_auditor_names_it()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        var registry = drop.Write("config/vendor.legal.yaml", $$"""
            parameters:
              {{Samples.RsaKey}}:
                label: RSA (barème du contrat)
                unit: currency
                reference: {title: "Contrat", href: "https://example.org/contrat"}
                values:
                  2025-04-01: 646.52
            """);

        var report = await Sarif.AuditAsync(drop.Root, "--registry", registry, "--as-of", Samples.AsOf);

        Assert.Empty(report.Results);
        Assert.Empty(report.IgnoredRegistryFiles);
    }

    [Fact]
    public async Task Generated_files_build_output_and_hidden_folders_give_no_finding()
    {
        using var drop = new TempDrop();
        const string Outdated = "namespace Vendor.Paie; public static class {0} {{ public const decimal Pass = 46368m; }}\n";
        drop.Write("Paie/Tables.g.cs", string.Format(CultureInfo.InvariantCulture, Outdated, "A"));
        drop.Write("Paie/Form1.Designer.cs", string.Format(CultureInfo.InvariantCulture, Outdated, "B"));
        drop.Write("Paie/Header.cs", "// <auto-generated>\n//   by a tool\n// </auto-generated>\n" + string.Format(CultureInfo.InvariantCulture, Outdated, "C"));
        drop.Write("bin/Debug/Copie.cs", string.Format(CultureInfo.InvariantCulture, Outdated, "D"));
        drop.Write("Paie/obj/Release/Copie.cs", string.Format(CultureInfo.InvariantCulture, Outdated, "E"));
        drop.Write(".git/Ancien.cs", string.Format(CultureInfo.InvariantCulture, Outdated, "F"));
        drop.Write(".vendor/Cache.cs", string.Format(CultureInfo.InvariantCulture, Outdated, "G"));
        drop.Write("Paie/Vrai.cs", string.Format(CultureInfo.InvariantCulture, Outdated, "H"));

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal("Paie/Vrai.cs", result.Uri);
        Assert.Equal(new[] { "Paie/Form1.Designer.cs", "Paie/Header.cs", "Paie/Tables.g.cs" }, report.GeneratedFiles);
        Assert.Equal(1, report.AnalysedFiles);
    }

    [Fact]
    public async Task Symbolic_links_leading_out_of_the_drop_are_not_followed()
    {
        using var drop = new TempDrop();
        var outside = drop.Write("ailleurs/Secret.cs", "namespace Ailleurs; public static class S { public const decimal Pass = 46368m; }\n");
        drop.Write("drop/Clean.cs", Samples.Clean);
        var inside = drop.Write("drop/Paie/Plafonds.cs", Samples.UnboundPass);
        File.CreateSymbolicLink(drop.PathOf("drop/Lien.cs"), outside);
        Directory.CreateSymbolicLink(drop.PathOf("drop/Dossier"), drop.PathOf("ailleurs"));
        File.CreateSymbolicLink(drop.PathOf("drop/Doublon.cs"), inside);

        var run = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--format", "sarif");
        var report = SarifReport.Parse(run.Stdout);

        Assert.DoesNotContain(report.Results, r => r.Properties["found"] == "46368" && r.Uri != "Paie/Plafonds.cs");
        Assert.Equal(3, report.Results.Count);
        Assert.Equal(2, report.AnalysedFiles);
        Assert.Contains("Dossier", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("Lien.cs", run.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_file_named_cs_is_listed_as_not_read_and_the_audit_goes_on()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        File.WriteAllBytes(drop.PathOf("Image.cs"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 });

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("LR0001", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("Files not read:\n  Image.cs (binary content)\n", run.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_follow_the_UI_culture()
    {
        using var drop = new TempDrop();
        var file = drop.Write("CalculRsa.cs", Samples.BoundRsa);

        var run = await CommandRunner.RunInCultureAsync(CultureInfo.GetCultureInfo("fr-FR"), "audit", file, "--as-of", Samples.AsOf);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("646.52 diffère de 651.69", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("Synthèse", run.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_with_a_byte_order_mark_are_read()
    {
        using var drop = new TempDrop();
        File.WriteAllText(drop.PathOf("Utf8Bom.cs"), Samples.UnboundPass, new System.Text.UTF8Encoding(true));
        File.WriteAllText(drop.PathOf("Utf16.cs"), Samples.BoundRsa, System.Text.Encoding.Unicode);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Contains(report.Results, r => r.RuleId == "LR0001" && r.Uri == "Utf16.cs");
        Assert.Equal(3, report.Results.Count(r => r.Uri == "Utf8Bom.cs"));
    }
}
