using System.Net;
using SolidWall.Core.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// A district row from outside the institution as it reaches a mailbox behind a mail security gateway: the gateway's
/// warning above the text (and the HTML), "[EXTERNAL] " before the subject, and every link rewritten as Microsoft Safe
/// Links rewrites it, with the recipient in its <c>data</c> parameter. `solidwall eval` classifies these too, so
/// that what a gateway does to mail (<see cref="MailBoilerplate"/>, <see cref="LinkTarget"/>) stays measured.
/// </summary>
internal static class GatewayView
{
    public const string Banner =
        "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender and know the content is safe.";

    public const string SubjectTag = "[EXTERNAL] ";

    /// <summary>The row as a gateway delivers it; null for a row that is not a district row from outside.</summary>
    public static Message? Of(TrainingExample example)
    {
        if (example.Row is not { } row || example.Message is not { } message || DetectionContext.WritesFromInside(message, InstitutionDirectory.Empty))
        {
            return null;
        }

        var recipient = row.To.Length > 0 ? row.To[0] : "";
        var text = row.Body;
        var html = row.Html;
        var links = LinkExtractor.FromText(text).Concat(html is null ? [] : LinkExtractor.FromHtml(html))
            .Where(l => l.StartsWith("http", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).OrderByDescending(l => l.Length);
        foreach (var link in links)
        {
            var wrapped = SafeLinks(link, recipient);
            text = text.Replace(link, wrapped, StringComparison.Ordinal);
            html = html?.Replace(WebUtility.HtmlEncode(link), WebUtility.HtmlEncode(wrapped), StringComparison.Ordinal)
                .Replace(link, wrapped, StringComparison.Ordinal);
        }

        if (html is not null)
        {
            var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase) is var b and >= 0 ? html.IndexOf('>', b) + 1 : 0;
            html = html.Insert(body, "<table><tr><td><p>" + WebUtility.HtmlEncode(Banner) + "</p></td></tr></table>");
        }

        return TrainingMail.Compose(example.Id, row.From, row.To, SubjectTag + row.Subject, Banner + "\n\n" + text, html);
    }

    /// <summary><paramref name="link"/> as Safe Links rewrites it for <paramref name="recipient"/>.</summary>
    public static string SafeLinks(string link, string recipient) =>
        "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString(link)
        + "&data=05%7C02%7C" + Uri.EscapeDataString(recipient) + "%7C4f2b9c0e%7C0%7C0%7C638712&sdata=kX2%2Bq8&reserved=0";
}
