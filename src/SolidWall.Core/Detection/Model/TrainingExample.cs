namespace SolidWall.Core.Detection.Model;

/// <summary>
/// One labelled message for training or evaluation: only its subject and text (the model never sees headers),
/// its label, and its categories when the source labels them (<see cref="CategoriesKnown"/>).
/// </summary>
public sealed record TrainingExample(
    string Id,
    string Source,
    string? Subject,
    string Text,
    bool Electioneering,
    IReadOnlyList<string> Categories,
    bool CategoriesKnown)
{
    /// <summary>Sources whose rows are the district-style set (evaluated on their own as well).</summary>
    public const string DistrictSource = "district";

    public bool IsDistrict => Source == DistrictSource;
}
