namespace SolidWall.Bench;

/// <summary>Benchmarks that print figures; the first argument names the benchmark.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "parse":
                return ParserBench.Run(args[1..]);
            case "model":
                return ModelBench.Run(args[1..]);
            case "fingerprint":
                return FingerprintBench.Run(args[1..]);
            case "blasts":
                return BlastBench.Run(args[1..]);
            case "report":
                return ReportBench.Run(args[1..]);
            case "store":
                return StoreBench.Run(args[1..]);
            case "scan":
                return ScanBench.Run(args[1..]);
            case "report1m":
                return Report1mBench.Run(args[1..]);
            case "verdicts":
                return VerdictsBench.Run(args[1..]);
            case "features":
                return FeaturesBench.Run(args[1..]);
            case "classify":
                return ClassifyBench.Run(args[1..]);
            case "hostile":
                return HostileBench.Run(args[1..]);
            case "attachments":
                return AttachmentsBench.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: SolidWall.Bench parse|model|fingerprint|blasts|report|store|scan|report1m|verdicts|features|classify|hostile|attachments [options]   (see docs/BENCHMARKS.md)");
                return 2;
        }
    }
}
