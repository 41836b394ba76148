using System.Text;

namespace SolidWall.Mime;

/// <summary>
/// Shares one string per common header name, so that parsing millions of messages does not allocate "Received"
/// millions of times. Names are matched exactly (case included) so the field keeps its name as written.
/// </summary>
internal static class HeaderNames
{
    private static readonly string[] Common =
    [
        "Received", "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "Message-Id", "Reply-To", "Sender",
        "In-Reply-To", "References", "Return-Path", "Delivered-To", "MIME-Version", "Mime-Version", "Content-Type",
        "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Id", "Content-Description",
        "Content-Length", "Content-Language", "X-Mailer", "X-Spam-Status", "X-Spam-Level", "X-Spam-Checker-Version",
        "List-Id", "List-Unsubscribe", "List-Subscribe", "List-Post", "List-Help", "List-Archive", "Precedence",
        "Errors-To", "X-Beenthere", "X-Mailman-Version", "X-Original-Date", "User-Agent", "Organization",
        "X-Priority", "X-MSMail-Priority", "X-MimeOLE", "Importance", "Thread-Index", "Thread-Topic",
        "DKIM-Signature", "Authentication-Results", "ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results",
        "Received-SPF", "X-Gmail-Labels", "X-GM-THRID", "X-Originating-IP", "X-Loop", "Status", "X-Status",
        "X-Keywords", "X-UID", "Lines", "X-Spam-Flag", "X-Virus-Scanned", "Content-Class", "Resent-From",
        "Resent-To", "Resent-Date", "Resent-Message-ID", "X-Received", "X-Google-Smtp-Source", "Auto-Submitted",
    ];

    private static readonly Dictionary<int, string[]> ByLength = Common
        .GroupBy(n => n.Length)
        .ToDictionary(g => g.Key, g => g.ToArray());

    public static string Get(ReadOnlySpan<byte> name)
    {
        if (ByLength.TryGetValue(name.Length, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (Matches(name, candidate))
                {
                    return candidate;
                }
            }
        }
        return Encoding.Latin1.GetString(name);
    }

    private static bool Matches(ReadOnlySpan<byte> name, string candidate)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != candidate[i])
            {
                return false;
            }
        }
        return true;
    }
}
