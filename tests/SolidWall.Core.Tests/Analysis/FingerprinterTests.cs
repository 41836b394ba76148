using FsCheck;
using FsCheck.Fluent;
using SolidWall.Core.Analysis;

namespace SolidWall.Core.Tests.Analysis;

public sealed class FingerprinterTests
{
    private const string Template = """
        The school board election is on November 5. Our candidate Jane Ortiz needs volunteers to knock on doors
        this weekend, and we are counting on you. Sign up for a shift at https://janeforboard.example/volunteer?t=a3f9c1&refcode=em-2291
        or reply to this message. Every hour you give brings us closer to a board that listens to teachers.
        Paid for by Friends of Jane Ortiz.
        """;

    private static readonly Fingerprinter Fingerprinter = new();

    [Theory]
    [InlineData("Hi Maria,\nThe meeting is at noon.", "the meeting is at noon")]
    [InlineData("Dear Mr. Lopez,\n\nThe meeting is at noon.", "the meeting is at noon")]
    [InlineData("Hello there!\nThe meeting is at noon.", "the meeting is at noon")]
    [InlineData("Good morning Ms. Chen,\nThe meeting is at noon.", "the meeting is at noon")]
    [InlineData("Estimado/a Ana:\nLa reunión es al mediodía.", "la reunion es al mediodia")]
    [InlineData("Hola Juan,\nLa reunión es al mediodía.", "la reunion es al mediodia")]
    [InlineData("Buenos días, señora Pérez:\nLa reunión es al mediodía.", "la reunion es al mediodia")]
    [InlineData("Chère Claire,\nLa réunion est à midi.", "la reunion est a midi")]
    [InlineData("Bonjour Monsieur Dupont,\nLa réunion est à midi.", "la reunion est a midi")]
    [InlineData("Hi Maria, the meeting is at noon.", "the meeting is at noon")]
    [InlineData("View this email in your browser\nHi Maria,\nThe meeting is at noon.", "view this email in your browser the meeting is at noon")]
    public void Greeting_lines_are_dropped_in_several_languages(string text, string expected) =>
        Assert.Equal(expected, Fingerprinter.NormaliseForShingles(text));

    [Theory]
    [InlineData("The meeting is at noon,\nsee you.", "the meeting is at noon see you")]
    [InlineData("Highlights of the week:\nA new library.", "highlights of the week a new library")]
    [InlineData("Dear colleagues and friends of the district, as you know the budget vote is tomorrow and we need every voice heard", "dear colleagues and friends of the district as you know the budget vote is tomorrow and we need every voice heard")]
    public void Lines_that_are_not_greetings_are_kept(string text, string expected) =>
        Assert.Equal(expected, Fingerprinter.NormaliseForShingles(text));

    [Theory]
    [InlineData("Donate: https://secure.actblue.example/donate/jane?refcode=em_2291&amount=25#top now", "donate https://secure.actblue.example/donate/jane now")]
    [InlineData("(see HTTP://Example.org/Path/To/Page?t=a3f9c1).", "see http://example.org/path/to/page")]
    [InlineData("visit www.janeforboard.example/events, today", "visit http://www.janeforboard.example/events today")]
    [InlineData("click https://click.mailer.example/ls/click/u001a9f3c22/track?upn=XyZ", "click https://click.mailer.example/ls/click/<id>/track")]
    [InlineData("https://a.example/x?t=1 and https://a.example/x?t=2", "https://a.example/x and https://a.example/x")]
    public void Links_keep_scheme_host_and_path_only(string text, string expected) =>
        Assert.Equal(expected, Fingerprinter.NormaliseForShingles(text));

    [Theory]
    [InlineData("Your code is 7f3a9c2e1b and your id A19F00", "your code is <id> and your id <id>")]
    [InlineData("Write to maria.lopez@district.example or <mailto:help@x.example>.", "write to <email> or <email>")]
    [InlineData("We raised $1,250.75 from 312 donors on 10/15/2024.", "we raised <num> from <num> donors on <num>")]
    [InlineData("Call 555-123-4567 about K12 and MP3 and COVID-19", "call <num> about k12 and mp3 and covid <num>")]
    [InlineData("Don’t wait — it's   time!!!  Vote…", "dont wait its time vote")]
    [InlineData("ＦＵＬＬＷＩＤＴＨ ﬁne e\u0301cole in\u00ADformation ze\u200Bro", "fullwidth fine ecole information zero")]
    [InlineData("Gracias por su apoyo. ¡Vote el 5 de noviembre! Año", "gracias por su apoyo vote el <num> de noviembre ano")]
    public void Tokens_numbers_addresses_and_punctuation_are_normalised(string text, string expected) =>
        Assert.Equal(expected, Fingerprinter.NormaliseForShingles(text));

    [Fact]
    public void Two_personalised_copies_of_one_template_are_identical_after_normalisation()
    {
        var maria = "Hi Maria,\n\n" + Template.Replace("a3f9c1", "77b02e", StringComparison.Ordinal) + "\nThis message was sent to maria.garcia@district.example.";
        var lopez = "Dear Mr. Lopez,\n\n" + Template.Replace("em-2291", "em-1180", StringComparison.Ordinal) + "\nThis message was sent to r.lopez@district.example.";
        var a = Fingerprinter.Fingerprint(SegmentKind.Body, maria);
        var b = Fingerprinter.Fingerprint(SegmentKind.Body, lopez);
        Assert.Equal(1.0, Fingerprinter.Similarity(a.MinHash, b.MinHash));
        Assert.Equal(a.Shingles, b.Shingles);
        Assert.True(a.Shingles > 50, $"{a.Shingles} shingles");
    }

    [Fact]
    public void What_the_institutions_mail_system_writes_into_mail_is_not_shingled()
    {
        // A gateway's warning above mail from outside, a group's footer or a confidentiality notice below: the same on
        // every message, and no part of what the sender wrote.
        const string banner = "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender and know the content is safe.";
        const string notice = "CONFIDENTIALITY NOTICE: This e-mail message is for the sole use of the intended recipient(s) and may contain "
            + "confidential information protected by FERPA. Any unauthorized review, use or disclosure is prohibited.";
        const string text = "Join us Saturday at 10 for the canvass launch at Lincoln Park.";
        var plain = Fingerprinter.Fingerprint(SegmentKind.Body, text);
        foreach (var archived in new[] { banner + "\n\n" + text, text + "\n\n" + notice, banner + "\n\n" + text + "\n\n--\n" + notice })
        {
            var fingerprint = Fingerprinter.Fingerprint(SegmentKind.Body, archived);
            Assert.Equal(plain.Shingles, fingerprint.Shingles);
            Assert.Equal(plain.MinHash, fingerprint.MinHash);
            Assert.Equal(Fingerprinter.NormaliseForShingles(text), Fingerprinter.NormaliseForShingles(archived));
        }

        // A message that is nothing but a notice has no words of its own.
        Assert.Equal(0, Fingerprinter.Fingerprint(SegmentKind.Body, notice).Shingles);
    }

    [Fact]
    public void Personalised_copies_agree_for_any_name_and_token()
    {
        var names = Gen.Elements("Maria", "Mr. Lopez", "Ana Pérez", "Dr. Chen", "team", "Jean-Luc", "O'Brien");
        var greetings = Gen.Elements("Hi {0},", "Dear {0},", "Hello {0}!", "Hola {0}:", "Estimada {0}:", "Cher {0},", "Good afternoon {0},");
        var tokens = Gen.Elements("a3f9c1", "ZZ9921", "00aa11bb22", "x7y8z9q0");
        var gen = Gen.Zip(Gen.Zip(names, greetings), tokens);
        var reference = Fingerprinter.Fingerprint(SegmentKind.Body, Template);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var ((name, greeting), token) = t;
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, greeting, name) + "\n" + Template.Replace("a3f9c1", token, StringComparison.Ordinal);
            return Fingerprinter.Similarity(reference.MinHash, Fingerprinter.Fingerprint(SegmentKind.Body, text).MinHash) == 1.0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Different_texts_are_about_zero()
    {
        var other = "Reminder: the cafeteria will be closed on Friday for maintenance. Lunch will be served in the gym. "
            + "Please bring your student ID card and let your homeroom teacher know about any allergies before noon.";
        var a = Fingerprinter.Fingerprint(SegmentKind.Body, Template);
        var b = Fingerprinter.Fingerprint(SegmentKind.Body, other);
        Assert.True(Fingerprinter.Similarity(a.MinHash, b.MinHash) < 0.1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("!!! --- ...")]
    [InlineData("Hi Maria,")]
    public void Empty_texts_have_no_shingles(string text)
    {
        var fingerprint = Fingerprinter.Fingerprint(SegmentKind.Quote, text);
        Assert.Equal(0, fingerprint.Shingles);
        Assert.Equal(SegmentKind.Quote, fingerprint.Kind);
        Assert.Equal(64, fingerprint.MinHash.Length);
        Assert.All(fingerprint.MinHash, v => Assert.Equal(uint.MaxValue, v));
    }

    [Fact]
    public void A_text_shorter_than_a_shingle_is_one_shingle()
    {
        Assert.Equal(1, Fingerprinter.Fingerprint(SegmentKind.Body, "Vote").Shingles);
        Assert.Equal(1, Fingerprinter.Fingerprint(SegmentKind.Body, "Vote today").Shingles);
        Assert.Equal(2, Fingerprinter.Fingerprint(SegmentKind.Body, "Vote today, Jane Ortiz").Shingles);
        Assert.NotEqual(
            Fingerprinter.Fingerprint(SegmentKind.Body, "Vote today").MinHash,
            Fingerprinter.Fingerprint(SegmentKind.Body, "today Vote").MinHash);
    }

    [Fact]
    public void Repeated_shingles_count_once()
    {
        var once = Fingerprinter.Fingerprint(SegmentKind.Body, "donate now to win");
        var twice = Fingerprinter.Fingerprint(SegmentKind.Body, "donate now to win donate now to win");
        Assert.Equal(2, once.Shingles);
        Assert.Equal(4, twice.Shingles); // "donate now to", "now to win", "to win donate", "win donate now"
    }

    [Fact]
    public void Arbitrary_strings_never_throw_and_are_deterministic()
    {
        var pieces = Gen.OneOf(
            Gen.Elements("Hi ", "Dear ", ",\n", ":", "http://", "https://x.example/", "?t=", "#", "www.", "@", "a@b.c", "1,2", "-", "'", "’",
                "\u0301", "\u00AD", "\u200B", "\uD800", "\uDC00", "ß", "İ", "ﬁ", "\n", " "),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));
        var gen = pieces.ListOf().Select(l => string.Concat(l));
        var other = new Fingerprinter();
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var a = Fingerprinter.Fingerprint(SegmentKind.Body, text);
            var b = other.Fingerprint(SegmentKind.Body, text);
            return a.MinHash.AsSpan().SequenceEqual(b.MinHash) && a.Shingles == b.Shingles && Fingerprinter.NormaliseForShingles(text) is not null;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Seeds_and_sizes_are_honoured()
    {
        var small = new Fingerprinter(hashes: 16, shingleWords: 2, seed: 42);
        var fingerprint = small.Fingerprint(SegmentKind.Body, Template);
        Assert.Equal(16, small.Hashes);
        Assert.Equal(16, fingerprint.MinHash.Length);
        Assert.NotEqual(Fingerprinter.Fingerprint(SegmentKind.Body, Template).MinHash.Take(16), fingerprint.MinHash);
    }

    [Fact]
    public void A_forward_is_fingerprinted_apart_from_the_note_above_it()
    {
        var message = new Message
        {
            Source = "t",
            Offset = 0,
            Sha256 = new string('0', 64),
            Text = "ignored",
            Segments =
            [
                new Segment(SegmentKind.Body, "Please share this with your students, it counts as service hours."),
                new Segment(SegmentKind.Quote, "  \n"),
                new Segment(SegmentKind.Forward, "Hi Ms. Chen,\n" + Template, "From: Jane Ortiz"),
            ],
        };
        var fingerprints = Fingerprinter.Fingerprints(message);
        Assert.Equal([SegmentKind.Body, SegmentKind.Forward], fingerprints.Select(f => f.Kind));
        var blast = Fingerprinter.Fingerprint(SegmentKind.Body, "Dear Maria,\n" + Template);
        Assert.Equal(1.0, Fingerprinter.Similarity(blast.MinHash, fingerprints[1].MinHash));
        Assert.True(Fingerprinter.Similarity(blast.MinHash, fingerprints[0].MinHash) < 0.1);

        var unsplit = new Message { Source = "t", Offset = 0, Sha256 = new string('0', 64), Text = Template };
        Assert.Equal(1.0, Fingerprinter.Similarity(blast.MinHash, Assert.Single(Fingerprinter.Fingerprints(unsplit)).MinHash));
    }
}
