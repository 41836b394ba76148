namespace SolidWall.Core.Detection;

/// <summary>What the gateway does with a message, from mildest to strictest.</summary>
public enum PolicyAction
{
    Accept,
    Tag,
    Quarantine,
    Reject,
}
