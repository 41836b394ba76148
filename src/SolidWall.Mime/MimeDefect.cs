namespace SolidWall.Mime;

/// <summary>
/// Something in a message that breaks the standards but that the parser worked around, the way a mail client
/// would. Defects are kept on the message so that a reviewer can see what was repaired and where.
/// </summary>
/// <param name="Kind">A stable kebab-case name, such as <c>boundary-final-missing</c> or <c>charset-unknown</c>.</param>
/// <param name="Detail">What was seen, for a person to read.</param>
/// <param name="Offset">Byte offset from the start of the message, or -1 when it has no single position.</param>
public readonly record struct MimeDefect(string Kind, string Detail, long Offset = -1)
{
    public override string ToString() => Offset >= 0 ? $"{Kind} at byte {Offset}: {Detail}" : $"{Kind}: {Detail}";
}
