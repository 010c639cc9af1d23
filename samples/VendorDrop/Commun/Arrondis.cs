// Utilitaires communs — ne contiennent aucune valeur réglementaire.
using System;

namespace Vendor.Commun
{
    public static class Arrondis
    {
        private const double Epsilon = 0.005;

        public static decimal AuCentime(decimal montant) => Math.Round(montant, 2, MidpointRounding.AwayFromZero);

        public static bool Egaux(double a, double b) => Math.Abs(a - b) < Epsilon;

        public static int Pourcentage(int part, int total) => total == 0 ? 0 : part * 100 / total;
    }

    public sealed class Foyer
    {
        public int NombrePersonnes { get; set; } = 1;
        public bool AideAuLogement { get; set; }
        public int AnneeReference { get; set; } = 2025;
    }
}
