using System.Text.Json;
using Microsoft.Data.Sqlite;
using SolidWall.Core;
using SolidWall.Core.Analysis;
using SolidWall.Core.Case;
using SolidWall.Core.Detection;
using SolidWall.Storage.Sqlite;

namespace SolidWall.Storage.Tests;

/// <summary>
/// The two reads a report makes of a stored case (electioneering messages through their index, then every message
/// in stored order) give the same report as reading every message twice in SHA-256 order, and a version-1 case
/// file gains the index when it is opened.
/// </summary>
public sealed class ReportReadsTests
{
    private const string Staff = "district.example";
    private const string Students = "students.district.example";
    private static readonly Fingerprinter Fingerprinter = new();
    private static readonly DateTimeOffset Day0 = new(2023, 1, 10, 9, 0, 0, TimeSpan.FromHours(-6));

    private static readonly InstitutionDirectory Directory = new(
        [Staff],
        [Students],
        [
            new RosterEntry("pat.principal@" + Staff, InstitutionRole.Principal, "Harbor High"),
            new RosterEntry("comms@" + Staff, InstitutionRole.Office, null),
        ]);

    [Fact]
    public void The_electioneering_stream_holds_exactly_the_electioneering_messages_in_SHA_256_order_without_text()
    {
        using var temp = new TempCase();
        var (items, messages) = Case();
        using var store = temp.Open();
        Store(store, items, messages);

        var expected = messages.Where(m => m.Electioneering).Select(m => m.Sha256).Order(StringComparer.Ordinal).ToList();
        var read = store.ElectioneeringMessages().ToList();
        Assert.True(expected.Count == 2 && expected.Count < messages.Count);
        Assert.Equal(expected, read.Select(m => m.Sha256));
        Assert.All(read, m => Assert.Equal(("", "{}", 0), (m.Text, m.VerdictJson, m.Segments.Count)));
        var full = store.Messages(withText: false).ToDictionary(m => m.Sha256, StringComparer.Ordinal);
        Assert.All(read, m => Assert.Equivalent(full[m.Sha256], m, strict: true));
    }

    [Fact]
    public void The_stored_order_stream_holds_every_message_in_the_order_it_was_stored()
    {
        using var temp = new TempCase();
        var (items, messages) = Case();
        using var store = temp.Open();
        Store(store, items, messages);

        var read = store.MessagesAsStored().ToList();
        Assert.Equal(messages.Select(m => m.Sha256), read.Select(m => m.Sha256));
        Assert.NotEqual(messages.Select(m => m.Sha256).Order(StringComparer.Ordinal), read.Select(m => m.Sha256));
        var full = store.Messages(withText: false).ToDictionary(m => m.Sha256, StringComparer.Ordinal);
        Assert.All(read, m => Assert.Equivalent(full[m.Sha256], m, strict: true));
    }

    [Fact]
    public void The_electioneering_query_is_answered_from_the_partial_index()
    {
        using var temp = new TempCase();
        temp.Open().Dispose();
        using var connection = new SqliteConnection($"Data Source={temp.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteCaseStore.ElectioneeringQuery;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        // One scan of the index, no sort and no scan of the table.
        Assert.Equal(["SCAN m USING INDEX messages_electioneering"], plan);
    }

    [Fact]
    public void The_report_from_the_two_store_reads_is_the_report_from_SHA_256_order()
    {
        using var temp = new TempCase();
        var (items, messages) = Case();
        using var store = temp.Open();
        Store(store, items, messages);

        var before = Analyser().Analyse(store.Items(), store.Messages(withText: false), store.Skipped());
        var after = Analyser().Analyse(store.Items(), store.ElectioneeringMessages(), store.MessagesAsStored(), store.Skipped());

        // The case has what the order of the second read could change: several relays, sign-ups and coordination.
        Assert.True(before.Relays.Count >= 3, $"{before.Relays.Count} relays");
        Assert.True(before.Figures.Campaigns.Single().Signups.Count >= 2);
        Assert.NotEmpty(before.Coordination);
        Assert.Equal(Json(before), Json(after));
    }

    [Fact]
    public void A_version_1_file_is_migrated_when_opened_and_its_report_is_unchanged()
    {
        using var temp = new TempCase();
        var (items, messages) = Case();
        string before;
        using (var store = temp.Open())
        {
            Store(store, items, messages);
            before = Json(WithoutEncrypted(Analyser().Analyse(store.Items(), store.Messages(withText: false), store.Skipped())));
        }

        // What version 1 was: the same tables, without migration 2's index and migration 3's column.
        using (var connection = new SqliteConnection($"Data Source={temp.Path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = UndoAttachmentSearch + "DROP INDEX messages_electioneering; DROP INDEX messages_encrypted; ALTER TABLE messages DROP COLUMN encryption; "
                + "DROP INDEX messages_unread_attachments; ALTER TABLE messages DROP COLUMN unread_attachments; PRAGMA user_version = 1;";
            downgrade.ExecuteNonQuery();
        }

        Assert.Equal((1L, 0L), Header(temp.Path));
        using (var reopened = temp.Open())
        {
            Assert.Equal((long)Schema.Latest, Header(temp.Path).Version);
            Assert.Equal(1L, Header(temp.Path).Indexes);
            Assert.Equal(messages.Count, reopened.MessageCount());
            // Everything but what version 1 never recorded: which message was encrypted, and so the list of them.
            var migrated = Analyser().Analyse(reopened.Items(), reopened.ElectioneeringMessages(), reopened.MessagesAsStored(), reopened.Skipped());
            Assert.Empty(migrated.Limits.Encrypted);
            Assert.Equal(before, Json(migrated));
        }
    }

    [Fact]
    public void Encrypted_messages_are_stored_read_back_and_listed_by_item_and_a_case_from_before_counts_what_it_did_not_record()
    {
        using var temp = new TempCase();
        var (items, messages) = Case();
        using (var store = temp.Open())
        {
            Store(store, items, messages);
            Assert.Equal(0, CaseEncryption.Unrecorded(store));
            var stored = store.Messages(withText: false).Single(m => m.Encryption is not null);
            Assert.Equal(("S/MIME", "For your students"), (stored.Encryption, stored.Subject));
            Assert.Equal(messages.Count - 1, store.Messages(withText: false).Count(m => m.Encryption is null));

            // Both reads find it, and the report lists each of its two mailbox copies by source and offset.
            var report = Analyser().Analyse(store.Items(), store.ElectioneeringMessages(), store.MessagesAsStored(), store.Skipped());
            Assert.Equal(["/export/teacher3@district.example.mbox", "/export/teacher4@district.example.mbox"], report.Limits.Encrypted.Select(e => e.Source));
            Assert.All(report.Limits.Encrypted, e => Assert.Equal((stored.Sha256, "team@reelect-ortiz.example", "S/MIME"), (e.Sha256, e.From, e.Encryption)));
            Assert.Equal(items.Single(i => i.Sha256 == stored.Sha256 && i.Mailbox == "teacher3@district.example").Offset, report.Limits.Encrypted[0].Offset);
            Assert.Equal(2, report.Figures.Encrypted);
        }

        // A case of version 2 (before the column): opening it counts the messages it holds as not recorded.
        using (var connection = new SqliteConnection($"Data Source={temp.Path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = UndoAttachmentSearch + "DROP INDEX messages_encrypted; ALTER TABLE messages DROP COLUMN encryption; "
                + "DROP INDEX messages_unread_attachments; ALTER TABLE messages DROP COLUMN unread_attachments; PRAGMA user_version = 2;";
            downgrade.ExecuteNonQuery();
        }

        using var reopened = temp.Open();
        Assert.Equal((long)Schema.Latest, Header(temp.Path).Version);
        Assert.Equal(messages.Count, CaseEncryption.Unrecorded(reopened));
        Assert.All(reopened.Messages(withText: false), m => Assert.Null(m.Encryption));
        var analyser = new CaseAnalyzer(new AnalysisOptions { Directory = Directory, EncryptionUnrecorded = CaseEncryption.Unrecorded(reopened) });
        var migrated = analyser.Analyse(reopened.Items(), reopened.ElectioneeringMessages(), reopened.MessagesAsStored(), reopened.Skipped());
        Assert.Empty(migrated.Limits.Encrypted);
        Assert.Contains(migrated.Limits.Notes, n => n.StartsWith(
            $"{messages.Count} message(s) were scanned by a SolidWall that did not record whether a message's content is encrypted", StringComparison.Ordinal));
    }

    [Fact]
    public void Unread_attachments_are_stored_read_back_and_listed_by_item_and_a_case_from_before_counts_what_it_did_not_read()
    {
        using var temp = new TempCase();
        var (items, messages) = Case();
        var k = messages.FindIndex(m => m.Subject == "Phone bank");
        const string unread = "flyer.pdf (PDF): encrypted PDF: its text cannot be read";
        var flyer = new Segment(SegmentKind.Attachment, "Phone bank Saturday at 10.\nPaid for by Friends of Ortiz", "Attached file: shifts.pdf (PDF)");
        messages[k] = messages[k] with { UnreadAttachments = [unread], Segments = [.. messages[k].Segments, flyer] };
        var sha = messages[k].Sha256;
        using (var store = temp.Open())
        {
            Store(store, items, messages);
            Assert.Equal(0, CaseAttachments.Unrecorded(store));
            var stored = store.Messages(withText: true).Single(m => m.Sha256 == sha);
            Assert.Equal([unread], stored.UnreadAttachments);
            Assert.Equal(flyer, stored.Segments[^1]);
            Assert.All(store.Messages(withText: false).Where(m => m.Sha256 != sha), m => Assert.Empty(m.UnreadAttachments));

            var report = Analyser().Analyse(store.Items(), store.ElectioneeringMessages(), store.MessagesAsStored(), store.Skipped());
            var listed = Assert.Single(report.Limits.UnreadAttachments);
            Assert.Equal((sha, unread, "Phone bank", true), (listed.Sha256, listed.Attachment, listed.Subject, listed.Electioneering));
            Assert.Equal(items.Single(i => i.Sha256 == sha).Offset, listed.Offset);
        }

        // A case of version 3 (before attachments were read): opening it counts the messages it holds as not read for them.
        using (var connection = new SqliteConnection($"Data Source={temp.Path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = UndoAttachmentSearch + "DROP INDEX messages_unread_attachments; ALTER TABLE messages DROP COLUMN unread_attachments; PRAGMA user_version = 3;";
            downgrade.ExecuteNonQuery();
        }

        using var reopened = temp.Open();
        Assert.Equal((long)Schema.Latest, Header(temp.Path).Version);
        Assert.Equal(messages.Count, CaseAttachments.Unrecorded(reopened));
        Assert.All(reopened.Messages(withText: false), m => Assert.Empty(m.UnreadAttachments));
        var analyser = new CaseAnalyzer(new AnalysisOptions { Directory = Directory, AttachmentsUnrecorded = CaseAttachments.Unrecorded(reopened) });
        var migrated = analyser.Analyse(reopened.Items(), reopened.ElectioneeringMessages(), reopened.MessagesAsStored(), reopened.Skipped());
        Assert.Empty(migrated.Limits.UnreadAttachments);
        Assert.Contains(migrated.Limits.Notes, n => n.StartsWith($"{messages.Count} message(s) were scanned by a SolidWall that did not read attached files", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_case_records_nothing_as_unrecorded_and_a_damaged_count_is_an_error_naming_the_setting()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        Assert.Equal(0, CaseEncryption.Unrecorded(store));
        store.SetSetting(CaseEncryption.Key, "many");
        var error = Assert.Throws<CaseStoreException>(() => CaseEncryption.Unrecorded(store));
        Assert.Contains("case.encryption_unrecorded is 'many', not a count of messages", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What migration 5 did, undone: the search view back to the message's text alone, and the attachments column gone.</summary>
    private const string UndoAttachmentSearch = """
        DROP VIEW message_search_content;
        ALTER TABLE message_texts DROP COLUMN attachments;
        CREATE VIEW message_search_content AS
            SELECT m.id, m.subject,
                   coalesce(m.from_address, '') || ' ' || coalesce(m.from_name, '') AS sender,
                   m.to_addresses || ' ' || m.cc_addresses || ' ' || m.bcc_addresses AS recipients,
                   t.text
            FROM messages m JOIN message_texts t ON t.id = m.id;

        """;

    private static CaseReport WithoutEncrypted(CaseReport report) =>
        report with { Figures = report.Figures with { Encrypted = 0 }, Limits = report.Limits with { Encrypted = [] } };

    private static (long Version, long Indexes) Header(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema WHERE name = 'messages_electioneering')";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static CaseAnalyzer Analyser() => new(new AnalysisOptions
    {
        Directory = Directory,
        OfficialOffices = ["mayor.city.example"],
        GeneratedAt = Day0.AddDays(30),
    });

    private static string Json(CaseReport report) => JsonSerializer.Serialize(report);

    // Stored in the reverse of SHA-256 order, so that the order of the second read is not the order of the first.
    private static void Store(SqliteCaseStore store, List<CaseItem> items, List<CaseMessage> messages)
    {
        messages.Sort((a, b) => string.CompareOrdinal(b.Sha256, a.Sha256));
        store.Add(items, messages, [new SkippedItem("/export/broken.mbox", 0, "not a message")]);
    }

    /// <summary>
    /// A campaign's blast to five teachers, each of whom passes it on to students (forward, copy, quote; one of
    /// them twice more at one time), a principal pushing it to teachers, students writing back, the office exchanging mail with the campaign and a
    /// mayor's office, and ordinary mail around it.
    /// </summary>
    private static (List<CaseItem> Items, List<CaseMessage> Messages) Case()
    {
        var items = new List<CaseItem>();
        var messages = new List<CaseMessage>();
        var n = 0;
        CaseMessage Add(string from, string[] to, Segment[] segments, bool electioneering = false, string subject = "Subject", string[]? inReplyTo = null, DateTimeOffset? date = null, string? encryption = null)
        {
            var id = $"m{++n}@test.example";
            var text = string.Join("\n\n", segments.Select(s => s.Text));
            var message = new CaseMessage
            {
                Sha256 = Sample.Sha(id),
                MessageId = id,
                InReplyTo = inReplyTo ?? [],
                Date = date ?? Day0.AddHours(n),
                From = from,
                To = to,
                Subject = subject,
                Text = text,
                Segments = segments,
                Electioneering = electioneering,
                Committee = electioneering ? "Friends of Ortiz" : null,
                Encryption = encryption,
                Fingerprints = segments.Select(s => Fingerprinter.Fingerprint(s.Kind, s.Text)).Where(f => f.Shingles > 0).ToList(),
            };
            messages.Add(message);
            foreach (var box in message.Recipients.Append(from).Where(r => Directory.RoleOf(r) != InstitutionRole.External))
            {
                items.Add(new CaseItem(message.Sha256, $"/export/{box}.mbox", items.Count * 1000, 900, box, []));
            }

            return message;
        }

        const string campaign = "team@reelect-ortiz.example";
        var offer = Offer("externship");
        var teachers = Enumerable.Range(1, 5).Select(i => $"teacher{i}@{Staff}").ToArray();
        var blast = Add(campaign, teachers, [new Segment(SegmentKind.Body, offer)], electioneering: true, subject: "Student externship");
        Add(campaign, ["teacher9@" + Staff], [new Segment(SegmentKind.Body, Offer("phone bank"))], electioneering: true, subject: "Phone bank");
        for (var i = 0; i < teachers.Length; i++)
        {
            string[] students = [$"student{(2 * i) + 1}@{Students}", $"student{(2 * i) + 2}@{Students}"];
            var kind = (SegmentKind)(i % 3);
            Segment[] segments = kind == SegmentKind.Body
                ? [new Segment(SegmentKind.Body, "Students, see below.\n\n" + offer)]
                : [new Segment(SegmentKind.Body, "Students, see below."), new Segment(kind, offer)];
            Add(teachers[i], students, segments, subject: kind == SegmentKind.Forward ? "Fwd: Student externship" : "Student externship");
        }

        // Two relays with the same sender and date: only the order they were found in tells their paths apart.
        foreach (var student in new[] { "student20", "student21" })
        {
            Add(teachers[0], [$"{student}@{Students}"], [new Segment(SegmentKind.Body, "For you."), new Segment(SegmentKind.Forward, offer)], subject: "Fwd: Student externship", date: Day0.AddDays(3));
        }

        Add("pat.principal@" + Staff, teachers, [new Segment(SegmentKind.Body, "Please pass this on to your classes."), new Segment(SegmentKind.Forward, offer)], subject: "Fwd: Student externship");
        Add($"student1@{Students}", [campaign], [new Segment(SegmentKind.Body, "I would like to sign up for the externship.")], inReplyTo: [blast.MessageId!]);
        Add($"student4@{Students}", [campaign], [new Segment(SegmentKind.Body, "Count me in, please.")]);
        Add("comms@" + Staff, [campaign], [new Segment(SegmentKind.Body, "Can we share the rally date on our calendar?")], subject: "Rally");
        Add("comms@" + Staff, ["chief@mayor.city.example"], [new Segment(SegmentKind.Body, "The mayor's visit is confirmed for Friday.")], subject: "Visit");
        Add(campaign, [teachers[2], teachers[3]], [], subject: "For your students", encryption: "S/MIME");
        for (var i = 0; i < 20; i++)
        {
            Add($"teacher{i % 7}@{Staff}", [$"teacher{(i + 1) % 7}@{Staff}"], [new Segment(SegmentKind.Body, $"Minutes of meeting {i}: budget, rooms and the spring schedule for grade {i % 12}.")]);
        }

        return (items, messages);
    }

    private static string Offer(string topic) => $"""
        Hi there,

        Our campaign is offering a {topic} for high school students who want to see how a city campaign really
        works. Students commit twelve hours a week and can earn class credit or service hours for their work with
        the re-election team, helping with phone banking, voter outreach and events before the election.

        Please share this with your students, especially juniors and seniors interested in government and
        public policy. Students can sign up on our page today and start right after school next week.
        """;
}
