namespace SolidWall.Core.Detection;

/// <summary>What one signal found in one message: the categories it implies and the evidence. Its weight comes from the policy.</summary>
internal sealed record SignalHit(IReadOnlyList<string> Categories, IReadOnlyList<Evidence> Evidence)
{
    public SignalHit(string category, Evidence evidence)
        : this([category], [evidence])
    {
    }
}
