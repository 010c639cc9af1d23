using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>
/// LR0101 in code as it comes: a vendor's drop whose dependencies are missing (the compiler cannot
/// resolve the call), a rounding known by the name it is kept as, and roundings whose names or form
/// say they keep a share, a statistic or a measure rather than money. On 2026-06-01, 1801.80 is the
/// monthly Smic of 2024-11-01 → 2025-12-31, and 651.69 the RSA amount.
/// </summary>
public sealed class RoundingNamesTests
{
    [Fact]
    public async Task A_rounding_the_compiler_cannot_resolve_is_judged_from_the_overloads_it_considered()
    {
        // Contrat and IDepot are not in the drop: the rounded values are of no known type.
        var lines = await RoundingLinesAsync("""
            using System;
            public class ServiceApprentissage
            {
                private const decimal SmicMensuelBrut = 1801.80m;
                private readonly IDepot _depot;
                public decimal Remuneration(string id)
                {
                    var contrat = _depot.Lire(id);
                    var remuneration = Math.Round(SmicMensuelBrut * (contrat.Pourcentage / 100m), 2);
                    var retenue = decimal.Round(remuneration * contrat.TauxRetenue, 2);
                    var affiche = Math.Round(contrat.Pourcentage, 2, MidpointRounding.AwayFromZero);
                    var mode = Math.Round(remuneration, contrat.Mode);
                    return retenue;
                }
            }
            """);

        Assert.Equal(new[] { 9, 10 }, lines);
    }

    [Fact]
    public async Task The_name_a_rounding_is_kept_as_says_it_is_an_amount()
    {
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public class Simulation
            {
                public decimal Simuler(decimal sam, decimal points, decimal valeurPoint, decimal facteur)
                {
                    var pensionBase = decimal.Round(sam * facteur, 2);
                    decimal retenue;
                    retenue = Math.Round(points * valeurPoint, 2);
                    var resultat = new Resultat { NetAVerser = Math.Round(pensionBase - retenue, 2) };
                    var lissage = Math.Round(sam * facteur, 2);
                    return resultat.NetAVerser + lissage;
                }
            }
            public class Resultat { public decimal NetAVerser { get; set; } }
            """);

        Assert.Equal(new[] { 6, 8, 9 }, lines);
    }

    [Fact]
    public async Task A_share_a_statistic_or_a_measure_is_not_money_even_in_payroll_code()
    {
        var lines = await RoundingLinesAsync("""
            using System;
            using System.Linq;
            public static class OutilsSmic
            {
                private const decimal SmicMensuel = 1801.80m;
                public static double EnNombreDeSmic(decimal brut) => Math.Round((double)(brut / SmicMensuel), 2);
                public static double EvolutionPct(decimal avant, decimal apres) => Math.Round((double)((apres - avant) / avant) * 100, 2);
                public static double HeuresDecimales(int heures, int minutes) => Math.Round(heures + minutes / 60.0, 2);
                public static double EcartTypeSalaires(double[] s) => Math.Round(Math.Sqrt(s.Select(x => x * x).Average()), 2);
                public static double ProportionRevenusPro(double revenusPro, double ressources) => Math.Round(revenusPro / ressources, 2);
                public static decimal MontantHeuresSup(decimal heures, decimal taux) => Math.Round(heures * taux * 1.25m, 2);
                public static decimal SalaireNet(decimal brut) => Math.Round(brut - brut * 0.22m, 2);
                public static decimal Differentiel(decimal ressources) => Math.Round(651.69m - ressources, 2);
                public static decimal CumulAnnuel(Mois[] mois) => Math.Round(mois.Sum(m => m.TotalHeuresSup), 2);
                public static decimal SoldeDemiJournee(decimal soldeConges) => Math.Round(soldeConges * 2m) / 2m;
                public static decimal SalaireVerse(Mois[] mois) => Math.Round(mois.Sum(m => m.SalaireNet), 2);
            }
            public sealed class Mois { public decimal TotalHeuresSup; public decimal SalaireNet; }
            """);

        Assert.Equal(new[] { 11, 12, 13, 16 }, lines);
    }

    [Fact]
    public async Task Cents_by_hand_a_benefit_named_in_what_is_rounded_and_a_benefit_of_two_words_make_amounts()
    {
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public static class Affichage
            {
                public static decimal ArrondiMensuel(double d) => (decimal)(Math.Round(d * 100) / 100);
                public static double Dixiemes(double d) => Math.Round(d * 100) / 10;
                public static string Ligne(decimal dRsa, decimal dAf) => string.Format("{0} {1}", Math.Round(dRsa, 2), dAf);
                public static string Autre(decimal dX) => string.Format("{0}", Math.Round(dX, 2));
            }
            public class CalculPrimeActivite
            {
                public decimal Bonification(decimal b) => Math.Round(b, 2);
            }
            public class CalculPrime
            {
                public decimal Bonification(decimal b) => Math.Round(b, 2);
            }
            """);

        Assert.Equal(new[] { 4, 6, 11 }, lines);
    }

    [Fact]
    public async Task A_type_named_by_a_word_of_another_sense_makes_no_amount_in_code_about_something_else()
    {
        // A yoga retreat, an RSA key helper, each in code that names no benefit otherwise: what they round
        // is a price and a duration. In code about social law, their names are taken at their word.
        const string Retreat = """
            using System;
            public sealed class RetraiteYoga
            {
                public decimal Acompte(decimal prix) => Math.Round(prix * 0.30m, 2);
            }
            """;
        const string Keys = """
            using System;
            public static class RsaKeyHelper
            {
                public static double Moyenne(double total, int n) => Math.Round(total / n, 2);
            }
            """;

        Assert.Empty(await RoundingLinesAsync(Retreat));
        Assert.Empty(await RoundingLinesAsync(Keys));
        Assert.Equal(new[] { 4 }, await RoundingLinesAsync(Retreat, SocialCode.Marker));
        Assert.Equal(new[] { 4 }, await RoundingLinesAsync(Keys, SocialCode.Marker));
    }

    [Fact]
    public async Task A_duration_is_not_money_even_in_payroll_code()
    {
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public static class MesuresSalaire
            {
                public static double AverageSignMs(double totalMs, int n) => Math.Round(totalMs / n, 2);
                public static decimal DureeMoyenne(decimal total, int n) => Math.Round(total / n, 2);
                public static decimal NetMoyen(decimal total, int n) => Math.Round(total / n, 2);
                public const int PasArrondiMinutes = 15;
                public static System.DateTime ArrondirBadgeage(System.DateTime t) => t.Date.AddMinutes(Math.Round(t.TimeOfDay.TotalMinutes / PasArrondiMinutes) * PasArrondiMinutes);
                public static decimal ArrondirMensuel(decimal montantAnnuel, int nbMois) => Math.Round(montantAnnuel / nbMois, 2);
                public static decimal Arrondir(decimal salaireBrut, decimal heures) => Math.Round(heures * salaireBrut, 2);
                public static decimal ArrondirPointage(decimal totalMinutes, int pas) => Math.Round(totalMinutes / pas) * pas;
            }
            """);

        // A duration, a mean duration and times rounded to a step (15 minutes is no prime d'activité's
        // minimum for being named a step, "pas") are not money; a mean net, a monthly amount (divided by
        // a count) and a product of hours are.
        Assert.Equal(new[] { 6, 9, 10 }, lines);
    }

    [Fact]
    public async Task Hours_times_an_hourly_rate_are_pay_and_hours_alone_are_not_even_in_a_statutory_calculation()
    {
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            using LegalRules;
            public static class HeuresSupplementairesPaie
            {
                [StatutoryParameter("marche_travail.salaire_minimum.smic.smic_b_horaire")]
                public const decimal SmicHoraire = 11.88m;
                public static decimal HeuresSupplementaires(decimal tauxHoraire, decimal heures) => Math.Round(tauxHoraire * (heures * 1.25m), 2);
                public static decimal Majorees(decimal heures, decimal majoration)
                {
                    var heuresSup = Math.Round(heures * majoration * SmicHoraire, 2);
                    var heuresAffichees = Math.Round(heures + heures * majoration + SmicHoraire * 0m, 2);
                    var pourcentage = checked((int)Math.Round(majoration * SmicHoraire / SmicHoraire * 100));
                    return heuresSup + heuresAffichees + pourcentage;
                }
            }
            """);

        // Overtime pay, named after its hours, is money; hours shown on a payslip and a percentage are
        // not, though a bound value reaches them.
        Assert.Equal(new[] { 7, 10 }, lines);
    }

    [Fact]
    public async Task Points_quarters_headcounts_guarded_ratios_and_percentages_are_not_money_and_a_gap_between_amounts_is()
    {
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public static class RetraiteComplementaire
            {
                public static decimal Points(decimal salaire, decimal taux, decimal prix) { var pointsAcquis = Math.Round(salaire * taux / prix, 2); return pointsAcquis; }
                public static decimal Trimestres(decimal salaire, decimal seuil) { var trimestresValides = Math.Round(salaire / seuil, 2); return trimestresValides; }
                public static string Effectif(decimal effectifMoyenAnnuel) => Math.Round(effectifMoyenAnnuel, 2).ToString();
                public static decimal RatioSmic(decimal brut, decimal smic) => smic == 0m ? 0m : Math.Round(brut / smic, 3);
                public static decimal TauxEffectif(decimal retenues, decimal brut) => brut == 0m ? 0m : Math.Round(100m * retenues / brut, 2);
                public static decimal Ecart(decimal pension, decimal minimum) { var ecart = Math.Round(pension - minimum, 2); return ecart; }
                public static double EcartTypePensions(double variance) => Math.Round(Math.Sqrt(variance), 2);
            }
            """);

        // Only the gap between two amounts is money.
        Assert.Equal(new[] { 9 }, lines);
    }

    [Fact]
    public async Task A_works_council_s_share_of_the_wage_bill_is_not_about_social_law()
    {
        // "Masse salariale" is the firm's wage bill, of which a works council's budget is a share.
        const string Council = """
            using System;
            public sealed class EnveloppeActivitesSociales
            {
                public const decimal TauxContributionEmployeur = 0.008m;
                public decimal Enveloppe(decimal masseSalarialeBrute) => Math.Round(masseSalarialeBrute * TauxContributionEmployeur, 2);
                public decimal Reliquat(decimal budgetRestant) => Math.Round(budgetRestant / 12m, 2);
            }
            """;

        Assert.Empty(await RoundingLinesAsync(Council));
        Assert.Equal(new[] { 5 }, await RoundingLinesAsync(Council.Replace("masseSalarialeBrute", "cotisationsSalarialesBrutes", System.StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_landlord_s_file_of_its_tenants_benefits_is_not_about_social_law()
    {
        // A tenant's beneficiary number and name, and the housing aid the CAF pays the landlord (tiers
        // payant), are data of the landlord's file: it computes rents, not the aid.
        const string Landlord = """
            using System;
            public enum NatureLigne { Loyer, Charges, AideLogementTiersPayant }
            public sealed class Locataire
            {
                public string NumeroAllocataireCaf { get; set; }
                public string NomAllocataire { get; set; }
                public decimal MontantSalaireDeclare { get; set; }
            }
            public static class Quittances
            {
                public static decimal MontantDu(decimal loyer, decimal aide) => Math.Round(loyer - aide, 2);
            }
            """;

        Assert.Empty(await RoundingLinesAsync(Landlord));
        Assert.Equal(new[] { 11 }, await RoundingLinesAsync(Landlord.Replace("AideLogementTiersPayant", "AideLogementCalculee", System.StringComparison.Ordinal)));
    }

    [Fact]
    public async Task English_names_of_a_french_scheme_make_amounts_in_code_about_social_law_only()
    {
        // The ceiling of French social security, named in English; the same names in a US payroll
        // that names no French scheme anywhere say nothing of French law.
        const string Ceiling = """
            using System;
            public static class FranceSocialSecurityCeiling
            {
                public static decimal ProratedMonthlyCeiling(decimal ceiling, int days) => Math.Round(ceiling * days / 30m, 2);
            }
            public static class FamilyAllowance
            {
                public static decimal Share(decimal monthly, int children) => Math.Round(monthly * children / 3m, 2);
            }
            """;
        const string UnitedStates = """
            using System;
            public static class SocialSecurityWithholding
            {
                public static decimal Withhold(decimal wages, decimal rate) => Math.Round(wages * rate, 2);
            }
            public static class MinimumWageTable
            {
                public static decimal Weekly(decimal hourly, decimal hours) => Math.Round(hourly * hours, 2);
            }
            """;

        Assert.Equal(new[] { 4, 8 }, await RoundingLinesAsync(SocialCode.Marker, Ceiling));
        Assert.Empty(await RoundingLinesAsync(UnitedStates));
    }

    [Fact]
    public async Task English_and_short_names_of_benefits_name_amounts_in_social_law_code()
    {
        const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            public sealed class ActivityBonusEstimator
            {
                public decimal Estimate(decimal withEarnings, decimal floor) => decimal.Round(withEarnings - floor, 2);
            }
            public class SimulationPeriode
            {
                public List<decimal> Mois { get; } = new();
                public decimal CumulAL() => Math.Round(Mois.Sum(), 2);
            }
            public static class ForfaitLogement
            {
                public static decimal Calculer(decimal mf, decimal coef, decimal taux) => decimal.Round(mf * coef * taux, 2);
            }
            public static class IndemnitesJournalieresSs
            {
                public static decimal IjJournaliere(decimal reference) => Math.Round(reference / 91.25m / 2m, 2);
            }
            """;

        Assert.Equal(new[] { 6, 11, 15, 19 }, await RoundingLinesAsync(SocialCode.Marker, Source));
        Assert.Empty(await RoundingLinesAsync(Source));
    }

    [Fact]
    public async Task The_name_a_guarded_rounding_is_kept_as_says_what_it_is()
    {
        // A share kept through a guard is a share; an amount kept through a guard, an amount.
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public class Barre
            {
                public double Proportion { get; set; }
                public void Calculer(decimal montantMensuel, decimal maximum)
                {
                    Proportion = maximum <= 0m ? 0 : Math.Round((double)(montantMensuel / maximum), 2);
                    var net = maximum <= 0m ? 0m : Math.Round(montantMensuel - maximum, 2);
                }
            }
            """);

        Assert.Equal(new[] { 8 }, lines);
    }

    [Fact]
    public async Task A_statutory_value_reaches_a_rounding_through_three_locals()
    {
        // The excess over a limit of 12 % of the PASS: the ceiling is three locals away from the rounding.
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public sealed class Limites
            {
                private const decimal PassAnnuel = 48_060m;
                public decimal Excedent(decimal contributions, int mois)
                {
                    var pass = PassAnnuel * mois / 12m;
                    var limite = 0.12m * pass;
                    var excedent = contributions - limite;
                    return Math.Round(excedent, 2);
                }
            }
            """);

        Assert.Equal(new[] { 10 }, lines);
    }

    [Fact]
    public async Task A_double_rounded_to_euros_is_an_amount_where_its_names_say_so()
    {
        // A double kept to units is money where what it rounds or the name it is kept as says an
        // amount (an aid, a montant); a number of days or of people is not.
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public class CalculAL2019
            {
                public double Calculer(double mtAide) => Math.Round(mtAide);
                public double Jours(double jours) => Math.Round(jours);
                public double Arrondir(double x)
                {
                    var montant = Math.Round(x);
                    var personnes = Math.Round(x / 2);
                    return montant + personnes;
                }
            }
            """);

        Assert.Equal(new[] { 4, 8 }, lines);
    }

    [Fact]
    public async Task A_loan_s_or_a_savings_plan_s_instalments_are_not_amounts_of_social_law()
    {
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            public static class SavingsService
            {
                public static decimal RequiredMonthlyContribution(decimal target, int months) => decimal.Round(target / months, 2);
            }
            public static class LoanService
            {
                public static decimal ResteAVivre(decimal revenus, decimal mensualite) => decimal.Round(revenus - mensualite, 2);
            }
            public static class Prelevements
            {
                public static decimal Contribution(decimal brut, decimal taux) => decimal.Round(brut * taux, 2);
            }
            """);

        Assert.Equal(new[] { 11 }, lines);
    }

    [Fact]
    public async Task A_rounding_beside_one_that_states_half_away_from_zero_is_an_amount_in_social_law_code()
    {
        // The same call's arguments, the same block's statements: the code rounds these amounts by law
        // and forgot one. A rounding alone, with nothing beside it and no name of an amount, says nothing.
        const string Source = """
            using System;
            public sealed record Ligne(string Libelle, decimal Salarie, decimal Employeur);
            public static class Bulletin
            {
                public static Ligne Calculer(string libelle, decimal salarie, decimal employeur)
                    => new Ligne(libelle, Math.Round(salarie, 2), Math.Round(employeur, 2, MidpointRounding.AwayFromZero));
                public static decimal[] Totaux(decimal a, decimal b)
                {
                    var x = Math.Round(a, 2, MidpointRounding.AwayFromZero);
                    var y = Math.Round(b, 2);
                    return new[] { x, y };
                }
                public static decimal Seul(decimal a) => Math.Round(a, 2);
            }
            """;

        Assert.Equal(new[] { 6, 10 }, await RoundingLinesAsync(SocialCode.Marker, Source));
        Assert.Empty(await RoundingLinesAsync(Source));
    }

    [Fact]
    public async Task A_chart_s_geometry_is_not_money_though_a_statutory_value_reaches_it()
    {
        var lines = await RoundingLinesAsync(SocialCode.Marker, """
            using System;
            public static class GraphiqueSmic
            {
                public static float Ligne(float height, float padding, float max)
                {
                    float smicMensuel = 1867.02f;
                    var y = MathF.Round(height - padding - (height * (smicMensuel / max)));
                    var montant = MathF.Round(max - (max * (smicMensuel / max)));
                    return y + montant;
                }
            }
            """);

        Assert.Equal(new[] { 8 }, lines);
    }

    private static async Task<int[]> RoundingLinesAsync(params string[] sources)
    {
        var diagnostics = await DirectRun.AnalyzeAsync(sources, new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-06-01" });
        return diagnostics
            .Where(d => d.Id == RuleIdentifiers.MidpointRounding)
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1)
            .OrderBy(l => l)
            .ToArray();
    }
}
