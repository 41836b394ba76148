using System.Text.Json.Serialization;

namespace SolidWall.Core.Detection;

/// <summary>
/// Where a signal saw what it saw, so a reviewer can find it and a lawyer can quote it.
/// <see cref="Where"/> is <c>subject</c> or <c>text</c> (Offset and Length are UTF-16 positions in
/// <see cref="Message.Subject"/> or <see cref="Message.Text"/>), <c>link</c> (Offset is the index in
/// <see cref="Message.Links"/>), <c>from</c>, <c>to</c> or <c>cc</c> (Offset is the index in <see cref="Message.From"/>,
/// <see cref="Message.To"/> or <see cref="Message.Cc"/>), <c>attachment</c> (Offset is within an attached file's text),
/// <c>segment</c> (Offset is within the segment's own text, when the segment could not be found in the text), or
/// <c>model</c> (Offset −1: a text model term found nowhere in what the message shows).
/// </summary>
public sealed record Evidence(
    string Where,
    int Offset,
    int Length,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null)
{
    public override string ToString() => Note is null
        ? $"{Where}@{Offset}: \"{Text}\""
        : $"{Where}@{Offset}: \"{Text}\" ({Note})";
}
