using System.Text;
using System.Text.RegularExpressions;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Turns a training row that is not a raw message (a political CSV row, a district JSONL row) into one, and every
/// training row into a <see cref="Message"/> through the pipeline SolidWall classifies with
/// (<see cref="MimeParser.Parse(ReadOnlyMemory{byte})"/> then <see cref="MessageNormalizer.Normalize(MimeMessage, RawMessage)"/>),
/// so that the model trains on exactly the text it later scores. The composed mail carries no Date and no
/// Received lines: the rows have none, and the model never reads them anyway.
/// </summary>
internal static partial class TrainingMail
{
    /// <summary>Parses and normalises raw bytes the way `solidwall classify` does.</summary>
    public static Message Normalize(RawMessage raw) => MessageNormalizer.Normalize(MimeParser.Parse(raw.Bytes), raw);

    /// <summary>A message with these parts: text/plain, or multipart/alternative with the HTML too; UTF-8, base64.</summary>
    public static Message Compose(string source, string? from, IReadOnlyList<string> to, string? subject, string text, string? html = null)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(from))
        {
            sb.Append("From: ").Append(Address(from)).Append("\r\n");
        }

        if (to.Count > 0)
        {
            sb.Append("To: ").Append(string.Join(", ", to.Select(Address))).Append("\r\n");
        }

        if (!string.IsNullOrEmpty(subject))
        {
            sb.Append("Subject: ").Append(Encoded(subject)).Append("\r\n");
        }

        sb.Append("MIME-Version: 1.0\r\n");
        if (html is null)
        {
            Part(sb, "text/plain", text);
        }
        else
        {
            const string boundary = "=_solidwall_training_=";
            sb.Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n");
            sb.Append("--").Append(boundary).Append("\r\n");
            Part(sb, "text/plain", text);
            sb.Append("--").Append(boundary).Append("\r\n");
            Part(sb, "text/html", html);
            sb.Append("--").Append(boundary).Append("--\r\n");
        }

        return Normalize(new RawMessage(source, 0, Encoding.ASCII.GetBytes(sb.ToString())));
    }

    private static void Part(StringBuilder sb, string type, string content)
    {
        sb.Append("Content-Type: ").Append(type).Append("; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(content));
        for (var i = 0; i < b64.Length; i += 76)
        {
            sb.Append(b64.AsSpan(i, Math.Min(76, b64.Length - i))).Append("\r\n");
        }
    }

    /// <summary>"Name &lt;addr&gt;" with the display name as an RFC 2047 word when it is not ASCII.</summary>
    private static string Address(string value)
    {
        var m = NameAddr().Match(value.Trim());
        return m.Success ? $"{Encoded(m.Groups[1].Value.Trim().Trim('"'))} <{m.Groups[2].Value}>" : value.Trim();
    }

    private static string Encoded(string value)
    {
        value = value.ReplaceLineEndings(" ");
        return value.All(c => c is >= ' ' and < (char)127) ? value : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
    }

    [GeneratedRegex("^(.*?)\\s*<([^<>]+)>$")]
    private static partial Regex NameAddr();
}
