// Module de paie — contributions sociales sur salaire
namespace Vendor.Paie
{
    public class Cotisations
    {
        public const decimal TauxCsgDeductible = 0.068m;
        public const decimal CRDSNonDeductible = 0.005m;
        public const decimal AbattementFraisProfessionnels = 0.0175m;
        public const decimal PlafondMensuelSecu = 3925m;

        public decimal Assiette(decimal brut)
            => brut * (1m - AbattementFraisProfessionnels);

        public decimal Contributions(decimal brut)
        {
            var assiette = Assiette(brut);
            return assiette * (TauxCsgDeductible + CRDSNonDeductible);
        }

        public decimal TrancheA(decimal brut) => System.Math.Min(brut, PlafondMensuelSecu);
    }
}
