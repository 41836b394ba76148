using System.Diagnostics;
using System.Text;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Bench;

/// <summary>
/// <c>hostile [SIZE...]</c>: what the detector costs on text built to be costly, at each size (characters; default 100,000,
/// 200,000 and 400,000), with no registry and with the district set's: a mail filter in front of a district reads whatever
/// anyone sends, and a message whose cost grows faster than its length would hold the queue. Each shape repeats one
/// pattern's bait (anchors without stops, quoted lines, forwards, postscripts, links, disclaimers, titles, registered
/// names, other scripts, distinct words) to the size; the last column is the cost of the largest size over that of the
/// smallest, per character: 1.0 is linear. Milliseconds a message, the mean of at least 0.3 s of runs after one.
/// </summary>
internal static class HostileBench
{
    public static int Run(string[] args)
    {
        var registry = Registry.Load(Path.Combine(TrainingData.FindRepositoryRoot(Environment.CurrentDirectory)!, "data", "district", "registry.yaml"));
        var detectors = new[] { ("none", new Detector(model: TextModel.LoadEmbedded())), ("registry", new Detector(registry: registry, model: TextModel.LoadEmbedded())) };
        var shapes = new (string Name, Func<int, string> Make)[]
        {
            ("prose", n => Repeat("Please remember to bring your permission slip and lunch money on Friday. ", n)),
            ("vote for, no stops", n => Repeat("vote for reyes vote yes on question 1 donate chip in paid for by friends of ", n)),
            ("one word", n => new string('a', n)),
            ("words, no spaces between stops", n => Repeat("volunteer-canvass-rally-donate-", n)),
            ("quoted lines", n => Repeat("> vote for Reyes on the 28th\nplease share with your advisory\n", n)),
            ("forward headers", n => Repeat("\n---------- Forwarded message ---------\nFrom: Reyes for Mayor <info@reyes.example>\nSubject: vote\n\nvote for Reyes\n", n)),
            ("P.S. lines", n => Repeat("\nP.S. vote for Reyes\n", n)),
            ("links", n => Repeat("https://secure.actblue.com/donate/reyes?x=1 ", n)),
            ("paid for by", n => Repeat("Paid for by Friends of Reyes. ", n)),
            ("titles", n => Repeat("Ald. Mott and Mayor Reyes ", n)),
            ("cyrillic", n => Repeat("голосуйте за Мотта, пожертвуйте на кампанію ", n)),
            ("chinese", n => Repeat("请投票给纳塔拉詹捐款", n)),
            ("names", n => Repeat("Dana Ortiz Marcus Reyes Grace Kowalczyk Priya Raman ", n)),
            ("blank lines", n => Repeat("\n\n \n", n)),
            ("caution banners", n => Repeat("CAUTION: This email originated from outside of the organization.\n\n", n)),
            ("nested quotes", n => Repeat(">>>>>>>>>>>> vote for Reyes\n", n)),
            ("distinct words", DistinctWords),
        };
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100_000, 200_000, 400_000];
        var only = Environment.GetEnvironmentVariable("SHAPE");
        foreach (var (shape, make) in shapes)
        {
            if (only is not null && !shape.Contains(only, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (what, detector) in detectors)
            {
                var line = new StringBuilder($"{shape,-32} {what,-9}");
                var perCharacter = new List<double>();
                foreach (var size in sizes)
                {
                    var text = make(size);
                    var message = TrainingMail.Compose("hostile", "a@b.example", ["c@lakeshore-schools.example"], "vote", text);
                    detector.Classify(message);
                    var clock = Stopwatch.StartNew();
                    var runs = 0;
                    while (clock.ElapsedMilliseconds < 300 || runs < 2)
                    {
                        detector.Classify(message);
                        runs++;
                    }

                    var ms = clock.Elapsed.TotalMilliseconds / runs;
                    perCharacter.Add(ms / size);
                    line.Append($" {size / 1000,5}k chars {ms,8:F1} ms");
                }

                line.Append($"   growth {perCharacter[^1] / perCharacter[0],4:F2}");
                Console.WriteLine(line);
            }
        }

        return 0;
    }

    // Words that never repeat ("qazuv", "qazuw", …): every one a new feature and a new entry in every table keyed by words.
    private static string DistinctWords(int length)
    {
        var b = new StringBuilder(length + 8);
        for (var i = 0; b.Length < length; i++)
        {
            for (var n = i; ; n /= 26)
            {
                b.Append((char)('a' + (n % 26)));
                if (n < 26)
                {
                    break;
                }
            }

            b.Append(' ');
        }

        return b.ToString(0, length);
    }

    private static string Repeat(string unit, int length)
    {
        var b = new StringBuilder(length + unit.Length);
        while (b.Length < length)
        {
            b.Append(unit);
        }

        return b.ToString(0, length);
    }
}
