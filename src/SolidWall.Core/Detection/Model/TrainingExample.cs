namespace SolidWall.Core.Detection.Model;

/// <summary>
/// One labelled message for training or evaluation: its subject and text as the normaliser gives them (the model
/// never sees headers), its label, its categories when the source labels them (<see cref="CategoriesKnown"/>), and
/// the normalised <see cref="Message"/> itself, which the signals read when the whole detector is evaluated.
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

    /// <summary>The source of messages an investigator labelled (<c>solidwall train --electioneering / --allowed</c>).</summary>
    public const string LabelledSource = "labelled";

    /// <summary>
    /// How much the row counts in training: a district-style row or one an investigator labelled weighs
    /// <see cref="TrainerOptions.DistrictWeight"/> corpus rows, since both are the mail the detector is for.
    /// </summary>
    public float WeightIn(TrainerOptions options) => IsDistrictMail ? options.DistrictWeight : 1f;

    /// <summary>
    /// A district-style row or one an investigator labelled: the mail the detector is for, weighed more in training
    /// (<see cref="WeightIn"/>) and kept in one fold with the rows it copies or quotes (<see cref="Folds"/>).
    /// </summary>
    public bool IsDistrictMail => IsDistrict || Source == LabelledSource;

    /// <summary>The message as SolidWall reads it; null for rows made from bare text (then composed on demand).</summary>
    public Message? Message { get; init; }

    /// <summary>The district set's kind of message ("externship", "civics-lesson", …); null elsewhere.</summary>
    public string? Kind { get; init; }

    /// <summary>The language a district row is written in ("en", "es", "uk", …: the row's <c>language</c>), null elsewhere.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The registry of the world the row comes from (the district set's own campaigns and committees), read by the
    /// signals in training and evaluation as an investigator's registry would be; null for rows from no such world.
    /// </summary>
    public Registry? World { get; init; }

    /// <summary>
    /// The segments the text model reads (<see cref="Model.FeatureExtractor.Extract(string?, string, IReadOnlyList{Segment})"/>),
    /// when they are not the message's: the district rows' with the world's candidates' names masked
    /// (<see cref="WorldNames.Mask(string?)"/>), as <see cref="Subject"/> and <see cref="Text"/> are.
    /// </summary>
    public IReadOnlyList<Segment>? ModelSegments { get; init; }

    /// <summary>
    /// The row as the text model reads it without a registry, when that differs from <see cref="Subject"/>,
    /// <see cref="Text"/> and <see cref="ModelSegments"/>: the district rows with the world's candidates' names cut
    /// rather than masked.
    /// </summary>
    public (string? Subject, string Text, IReadOnlyList<Segment> Segments)? Plain { get; init; }

    /// <summary>
    /// The district row as written in its file (sender, recipients, subject, body, HTML), from which
    /// <see cref="ArchivedView"/> builds the message a gateway would deliver; null for other rows.
    /// </summary>
    internal (string? From, string[] To, string? Subject, string Body, string? Html)? Row { get; init; }

    /// <summary>What the text model reads of this row: its own segments, the message's, or the text split.</summary>
    public IReadOnlyList<Segment> SegmentsForModel => ModelSegments ?? Message?.Segments ?? SolidWall.Core.Text.SegmentSplitter.Split(Text);

    /// <summary>The message, composed from <see cref="Subject"/> and <see cref="Text"/> when the row has none.</summary>
    public Message AsMessage() => Message ?? TrainingMail.Compose(Id, null, [], Subject, Text);

    /// <summary>A row from a normalised message: subject and text are exactly what the detector reads.</summary>
    public static TrainingExample From(Message message, string id, string source, bool electioneering, IReadOnlyList<string> categories, bool categoriesKnown) =>
        new(id, source, message.Subject, message.Text, electioneering, categories, categoriesKnown) { Message = message };
}
