using Microsoft.Data.Sqlite;
using SolidWall.Core.Case;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// Turns a row of <c>messages</c> (joined to <c>message_texts</c> when the text is wanted) back into a
/// <see cref="CaseMessage"/>. Without the text, the verdict's JSON is left out too: the whole-case passes of the
/// analysis read neither, and they are a third of a row.
/// </summary>
internal static class MessageRows
{
    /// <summary>The columns every read selects, in the order <see cref="Read"/> takes them.</summary>
    public const string Columns = """
        m.sha256, m.message_id, m.in_reply_to, m.reference_ids, m.date, m.date_offset, m.from_address, m.from_name,
        m.to_addresses, m.cc_addresses, m.bcc_addresses, m.subject, m.links, m.electioneering, m.score, m.categories,
        m.registered_campaign, m.committee, m.fingerprints, m.encryption, m.unread_attachments
        """;

    /// <summary>What a read with the text selects after <see cref="Columns"/> (from <c>messages m JOIN message_texts t</c>).</summary>
    public const string TextColumns = ", m.verdict_json, t.text, t.segments, t.attachments";

    public static CaseMessage Read(SqliteDataReader r, bool withText)
    {
        var sha256 = r.GetString(0);
        var text = withText ? r.GetString(22) : "";
        return new CaseMessage
        {
            Sha256 = sha256,
            MessageId = NullableString(r, 1),
            InReplyTo = JsonLists.Read(NullableString(r, 2)),
            References = JsonLists.Read(NullableString(r, 3)),
            Date = r.IsDBNull(4) ? null : DateCodec.FromUtcText(r.GetString(4), r.IsDBNull(5) ? 0 : r.GetInt64(5)),
            From = NullableString(r, 6),
            FromName = NullableString(r, 7),
            To = JsonLists.Read(NullableString(r, 8)),
            Cc = JsonLists.Read(NullableString(r, 9)),
            Bcc = JsonLists.Read(NullableString(r, 10)),
            Subject = NullableString(r, 11) ?? "",
            Links = JsonLists.Read(NullableString(r, 12)),
            Electioneering = r.GetInt64(13) != 0,
            Score = r.GetDouble(14),
            Categories = JsonLists.Read(NullableString(r, 15)),
            RegisteredCampaign = NullableString(r, 16),
            Committee = NullableString(r, 17),
            Encryption = NullableString(r, 19),
            UnreadAttachments = JsonLists.Read(NullableString(r, 20)),
            VerdictJson = withText ? NullableString(r, 21) ?? "{}" : "{}",
            Fingerprints = r.IsDBNull(18) ? [] : FingerprintCodec.Decode(r.GetFieldValue<byte[]>(18), sha256),
            Text = text,
            Segments = withText ? SegmentCodec.Read(NullableString(r, 23), text, NullableString(r, 24), sha256) : [],
        };
    }

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
