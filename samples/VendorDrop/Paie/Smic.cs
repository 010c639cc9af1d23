// Module de paie — salaire minimum
namespace Vendor.Paie
{
    public static class Smic
    {
        public const decimal SmicHoraireBrut = 11.88m;
        public const decimal HeuresMensuelles = 151.67m;

        public static decimal Mensuel => SmicHoraireBrut * HeuresMensuelles;

        public static bool EstAuSmic(decimal tauxHoraire) => tauxHoraire <= SmicHoraireBrut;
    }
}
