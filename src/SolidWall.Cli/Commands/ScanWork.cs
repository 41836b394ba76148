using SolidWall.Core;
using SolidWall.Core.Analysis;
using SolidWall.Core.Detection;
using SolidWall.Mime;
using SolidWall.Mime.Sources;
using SolidWall.Storage;

namespace SolidWall.Cli.Commands;

/// <summary>What a scan does to one message: parse, normalise, classify, fingerprint, and shape it for the store.</summary>
internal sealed class ScanWork(Detector detector, CaseSetup setup)
{
    private readonly CaseBuilder _builder = new(setup.BuildRegistry());

    public ScannedMessage Process(RawMessage raw)
    {
        var message = MessageNormalizer.Normalize(MimeParser.Parse(raw.Bytes), raw);
        var verdict = detector.Classify(message);
        var (item, stored) = _builder.Build(raw, message, verdict);
        return ScannedMessage.Of(item, stored);
    }
}
