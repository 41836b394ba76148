using System.Net;
using SolidWall.Core.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// A district row as the district's own mail system would archive it. From outside, it passed a mail security gateway:
/// the gateway's warning above the text (and the HTML), "[EXTERNAL] " before the subject, and every link rewritten as
/// Microsoft Safe Links rewrites it, with the recipient in its <c>data</c> parameter. From a member of staff, it carries
/// the district's confidentiality notice below. `solidwall eval` classifies these too, so that what an institution's
/// mail system writes into mail (<see cref="MailBoilerplate"/>, <see cref="LinkTarget"/>) stays measured.
/// </summary>
internal static class ArchivedView
{
    public const string Banner =
        "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender and know the content is safe.";

    public const string SubjectTag = "[EXTERNAL] ";

    public const string Notice =
        "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may "
        + "contain confidential and privileged information, including student records protected by FERPA. Any unauthorized review, use, "
        + "disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and "
        + "destroy all copies of the original message.";

    /// <summary>The row as the district's mail system archives it; null for a row that is not a district row.</summary>
    public static Message? Of(TrainingExample example)
    {
        if (example.Row is not { } row || example.Message is not { } message)
        {
            return null;
        }

        if (DetectionContext.WritesFromInside(message, InstitutionDirectory.Empty))
        {
            var html = Below(row.Html, "<p>" + WebUtility.HtmlEncode(Notice) + "</p>");
            return TrainingMail.Compose(example.Id, row.From, row.To, row.Subject, row.Body + "\n\n" + Notice + "\n", html);
        }

        return ThroughGateway(example.Id, row);
    }

    /// <summary><paramref name="fragment"/> at the end of <paramref name="html"/>'s body (or after it, with no &lt;/body&gt;); null for no HTML.</summary>
    internal static string? Below(string? html, string fragment) =>
        html is null ? null
        : html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase) is var end and >= 0 ? html.Insert(end, fragment)
        : html + fragment;

    /// <summary>A row from outside as the gateway delivers it.</summary>
    private static Message ThroughGateway(string id, (string? From, string[] To, string? Subject, string Body, string? Html) row)
    {

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

        return TrainingMail.Compose(id, row.From, row.To, SubjectTag + row.Subject, Banner + "\n\n" + text, html);
    }

    /// <summary><paramref name="link"/> as Safe Links rewrites it for <paramref name="recipient"/>.</summary>
    public static string SafeLinks(string link, string recipient) =>
        "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString(link)
        + "&data=05%7C02%7C" + Uri.EscapeDataString(recipient) + "%7C4f2b9c0e%7C0%7C0%7C638712&sdata=kX2%2Bq8&reserved=0";
}
