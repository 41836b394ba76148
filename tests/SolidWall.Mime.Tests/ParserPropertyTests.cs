using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SolidWall.Mime.Tests;

/// <summary>
/// The parser's promise to the archive scanner: whatever bytes arrive, <see cref="MimeParser.Parse"/>, walking every
/// leaf and decoding it to text never throw and never hang. Checked on arbitrary bytes, on MIME-shaped noise, on real
/// corpus messages after random damage, and on hostile messages built to exhaust depth, header count and line length,
/// each of which must end quickly with a defect on the message.
/// </summary>
public sealed class ParserPropertyTests
{
    private static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HostileDeadline = TimeSpan.FromSeconds(5);

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private readonly ITestOutputHelper _output;

    public ParserPropertyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Arbitrary_bytes_never_throw_or_hang()
    {
        var bytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));
        Check.One(Runs, Prop.ForAll(Arb.From(bytes), (byte[] b) => Exercise(b)));
    }

    /// <summary>Random bytes rarely form a header or a boundary; a soup of MIME's own pieces reaches the parser's corners.</summary>
    [Fact]
    public void Mime_shaped_noise_never_throws_or_hangs()
    {
        string[] pieces =
        [
            "Content-Type: multipart/mixed; boundary=b\r\n", "Content-Type: multipart/alternative; boundary=\"b\"\n",
            "Content-Type: message/rfc822\n", "Content-Type: multipart/digest; boundary=b\n", "Content-Type: text/plain; charset=utf-16\n",
            "Content-Type: text/html; charset=\"x-unknown\"\n", "Content-Type: ;;;\n", "Content-Type: multipart/mixed\n",
            "Content-Transfer-Encoding: base64\n", "Content-Transfer-Encoding: quoted-printable\n", "Content-Transfer-Encoding: x-uuencode\n",
            "Content-Disposition: attachment; filename*0*=utf-8''a%20b; filename*1=c\n",
            "Subject: =?utf-8?B?w6k=?= =?iso-8859-1?Q?caf=E9?= =?x?q?\n", "From: \"a\" <b@c>, (comment) d@e, group: f@g;\n",
            "To: <@route:x@y>, \"unterminated\n", "Date: Thu, 22 Aug 102 18:26:25 +0700\n", "Date: 31 Feb 2002 25:61:61 -9999\n",
            "From x@y Mon Jan  1 00:00:00 2002\n", "\n", "\r\n", "\r", " folded\n", "\t", "--b\n", "--b--\n", "--b \r\n", "--", "b",
            "=\n", "=4", "=?", "?=", "==", "begin 644 x\n", "M86)C\n", "end\n", "\u00e9", "\0", ":", ";", "\"", "\\", "<", ">", "(", ")",
        ];
        var gen = Gen.ListOf(Gen.Elements(pieces)).Select(list => Encoding.UTF8.GetBytes(string.Concat(list)));
        Check.One(Runs.WithEndSize(200), Prop.ForAll(Arb.From(gen), (byte[] b) => Exercise(b)));
    }

    /// <summary>Real messages with the damage archives carry: flipped bits, truncation, repeated boundaries, lost line breaks.</summary>
    [Fact]
    public void Damaged_corpus_messages_never_throw_or_hang()
    {
        var samples = CorpusSample();
        var mutation = Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(a => Gen.Choose(0, int.MaxValue).Select(b => new Mutation(kind, a, b))));
        var cases = Gen.Choose(0, samples.Count - 1).SelectMany(i => Gen.ListOf(mutation).Select(list => new DamagedMessage(samples[i], list.ToArray())));
        Check.One(Runs, Prop.ForAll(Arb.From(cases), (DamagedMessage m) => Exercise(m.Apply())));
    }

    [Fact]
    public void Multipart_nesting_ten_thousand_deep_ends_with_a_defect()
    {
        const int depth = 10_000;
        var sb = new StringBuilder("From: a@example.org\r\nSubject: deep\r\n");
        for (var i = 0; i < depth; i++)
        {
            sb.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
        }
        sb.Append("Content-Type: text/plain\r\n\r\nthe bottom\r\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            sb.Append("--b").Append(i).Append("--\r\n");
        }
        var m = Hostile("multipart nesting 10,000 deep", Encoding.ASCII.GetBytes(sb.ToString()));
        Assert.Contains(m.Defects.Items, d => d.Kind == "nesting-too-deep");
    }

    [Fact]
    public void Message_rfc822_nesting_ten_thousand_deep_ends_with_a_defect()
    {
        var one = "Subject: wrap\r\nContent-Type: message/rfc822\r\n\r\n"u8.ToArray();
        var bytes = new byte[one.Length * 10_000 + 20];
        for (var i = 0; i < 10_000; i++)
        {
            one.CopyTo(bytes, i * one.Length);
        }
        "Subject: bottom\r\n\r\nx"u8.CopyTo(bytes.AsSpan(one.Length * 10_000));
        var m = Hostile("message/rfc822 nesting 10,000 deep", bytes);
        Assert.Contains(m.Defects.Items, d => d.Kind == "nesting-too-deep");
    }

    [Fact]
    public void A_million_headers_end_with_a_defect()
    {
        var line = "X-Filler: a header that repeats\r\n"u8;
        var bytes = new byte[line.Length * 1_000_000 + 8];
        for (var i = 0; i < 1_000_000; i++)
        {
            line.CopyTo(bytes.AsSpan(i * line.Length));
        }
        "\r\nbody\r\n"u8.CopyTo(bytes.AsSpan(line.Length * 1_000_000));
        var m = Hostile("a million headers", bytes);
        Assert.Contains(m.Defects.Items, d => d.Kind == "headers-too-many");
        Assert.True(m.Headers.Count <= MimeLimits.Default.MaxHeaders);
    }

    [Fact]
    public void A_100_MB_header_line_ends_with_a_defect()
    {
        var head = "From: a@example.org\r\nSubject: "u8;
        var tail = "\r\n\r\nbody\r\n"u8;
        var bytes = new byte[head.Length + (100 << 20) + tail.Length];
        head.CopyTo(bytes);
        bytes.AsSpan(head.Length, 100 << 20).Fill((byte)'a');
        tail.CopyTo(bytes.AsSpan(head.Length + (100 << 20)));
        var m = Hostile("a 100 MB header line", bytes);
        Assert.Contains(m.Defects.Items, d => d.Kind == "header-too-long");
    }

    [Fact]
    public void A_100_MB_body_line_in_a_multipart_without_its_boundary_ends_with_a_defect()
    {
        var head = "Content-Type: multipart/mixed; boundary=\"never\"\r\n\r\n--never\r\nContent-Type: text/plain\r\n\r\n"u8;
        var bytes = new byte[head.Length + (100 << 20)];
        head.CopyTo(bytes);
        bytes.AsSpan(head.Length).Fill((byte)'-');
        var m = Hostile("a 100 MB body line with no closing boundary", bytes);
        Assert.Contains(m.Defects.Items, d => d.Kind == "boundary-final-missing");
    }

    [Fact]
    public void A_hundred_thousand_parts_end_with_a_defect()
    {
        var sb = new StringBuilder("Content-Type: multipart/mixed; boundary=p\r\n\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append("--p\r\n\r\nx\r\n");
        }
        sb.Append("--p--\r\n");
        var m = Hostile("100,000 parts", Encoding.ASCII.GetBytes(sb.ToString()));
        Assert.Contains(m.Defects.Items, d => d.Kind == "parts-too-many");
    }

    /// <summary>Parses and walks a hostile message under the deadline and prints how long it took.</summary>
    private MimeMessage Hostile(string what, byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        var message = Exercise(bytes, HostileDeadline);
        _output.WriteLine($"{what}: {bytes.Length:N0} bytes in {clock.ElapsedMilliseconds} ms, {message.Defects.Count} defects");
        return message;
    }

    private static MimeMessage Exercise(byte[] bytes) => Exercise(bytes, CaseDeadline);

    /// <summary>
    /// Everything a scan does with a message: parse, read the envelope fields, walk every leaf (into embedded
    /// messages) and decode each to text. On a thread of its own, so a hang fails the test instead of stalling it.
    /// </summary>
    private static MimeMessage Exercise(byte[] bytes, TimeSpan deadline)
    {
        MimeMessage? result = null;
        ExceptionDispatchInfo? error = null;
        var worker = new Thread(() =>
        {
            try
            {
                var m = MimeParser.Parse(bytes);
                _ = m.Subject;
                _ = m.Date;
                _ = m.From.Count + m.To.Count + m.Cc.Count;
                foreach (var leaf in m.Leaves())
                {
                    _ = leaf.GetText(m.Defects);
                    _ = leaf.FileName;
                }
                result = m;
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        })
        { IsBackground = true, Name = "parser property case" };
        worker.Start();
        if (!worker.Join(deadline))
        {
            throw new TimeoutException($"parsing {bytes.Length:N0} bytes did not finish within {deadline.TotalSeconds:0} s");
        }
        error?.Throw();
        return result!;
    }

    /// <summary>All mime-torture messages plus every 40th ham/spam message: a spread of real structure, read once.</summary>
    private static List<CorpusMessage> CorpusSample()
    {
        var paths = Corpus.MessageFiles("mime-torture/").Concat(Corpus.MessageFiles("ham-spam/").Where((_, i) => i % 40 == 0));
        return paths.Select(p => new CorpusMessage(p, Corpus.Read(p))).ToList();
    }

    internal sealed record CorpusMessage(string Path, byte[] Bytes)
    {
        public override string ToString() => Path;
    }

    /// <summary>One kind of damage at positions derived from two random numbers (taken modulo the message length).</summary>
    internal readonly record struct Mutation(int Kind, int A, int B)
    {
        public byte[] Apply(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return bytes;
            }
            var at = A % bytes.Length;
            switch (Kind)
            {
                case 0: // flip one bit
                    {
                        var copy = (byte[])bytes.Clone();
                        copy[at] ^= (byte)(1 << (B % 8));
                        return copy;
                    }
                case 1: // truncate
                    return bytes[..at];
                case 2: // repeat a boundary-looking line (any line starting "--") somewhere else
                    {
                        var line = FindDashLine(bytes, at);
                        if (line.Length == 0)
                        {
                            return bytes;
                        }
                        var where = B % (bytes.Length + 1);
                        return [.. bytes[..where], .. line, .. bytes[where..]];
                    }
                case 3: // remove the line breaks in a stretch
                    {
                        var end = Math.Min(bytes.Length, at + 1 + (B % 4096));
                        var kept = bytes[at..end].Where(c => c != (byte)'\n' && c != (byte)'\r');
                        return [.. bytes[..at], .. kept, .. bytes[end..]];
                    }
                case 4: // duplicate a stretch in place
                    {
                        var end = Math.Min(bytes.Length, at + 1 + (B % 2048));
                        return [.. bytes[..end], .. bytes[at..end], .. bytes[end..]];
                    }
                default: // cut a stretch out
                    {
                        var end = Math.Min(bytes.Length, at + 1 + (B % 2048));
                        return [.. bytes[..at], .. bytes[end..]];
                    }
            }
        }

        private static byte[] FindDashLine(byte[] bytes, int from)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                var start = pass == 0 ? from : 0;
                for (var i = start; i + 1 < bytes.Length; i++)
                {
                    if ((i == 0 || bytes[i - 1] == (byte)'\n') && bytes[i] == (byte)'-' && bytes[i + 1] == (byte)'-')
                    {
                        var nl = Array.IndexOf(bytes, (byte)'\n', i);
                        return bytes[i..(nl < 0 ? bytes.Length : nl + 1)];
                    }
                }
            }
            return [];
        }

        public override string ToString() => Kind switch
        {
            0 => $"flip bit {B % 8} at {A}",
            1 => $"truncate at {A}",
            2 => $"repeat a '--' line near {A} at {B}",
            3 => $"remove line breaks from {A} for {B % 4096}",
            4 => $"duplicate from {A} for {B % 2048}",
            _ => $"cut from {A} for {B % 2048}",
        };
    }

    internal sealed record DamagedMessage(CorpusMessage Original, Mutation[] Mutations)
    {
        public byte[] Apply() => Mutations.Aggregate(Original.Bytes, (bytes, m) => m.Apply(bytes));

        public override string ToString() => $"{Original.Path} with [{string.Join("; ", Mutations)}]";
    }
}
