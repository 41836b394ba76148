using System.Diagnostics;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Text;

namespace SolidWall.Bench;

/// <summary>
/// <c>classify [--shipped] [--registry] [--warm SECONDS] [SECONDS] [CORPORA_DIR] [DISTRICT_DIR]</c> (or <c>--parts</c>, <c>--patterns</c>, <c>--demo</c>, <c>--languages</c>, below): the `model` benchmark's classify figure alone, over a longer
/// loop (default 10 s) and without the other parts, so that a profiler attached to it (`perf record` with
/// <c>DOTNET_PerfMapEnabled=1</c>) sees the detector and little else, and old and new builds can be interleaved quickly.
/// </summary>
internal static class ClassifyBench
{
    public static int Run(string[] args)
    {
        if (args.FirstOrDefault() == "--parts")
        {
            return Parts(args[1..]);
        }

        if (args.FirstOrDefault() == "--patterns")
        {
            return Patterns();
        }

        if (args.FirstOrDefault() == "--languages")
        {
            return Languages(args.Length > 1 ? args[1] : null);
        }

        if (args.FirstOrDefault() == "--demo")
        {
            return Demo(args[1..]);
        }

        // --shipped: the embedded model and the default policy (what `train` writes) instead of training first, so that
        // builds can be alternated a few seconds apart.
        var shipped = args.Contains("--shipped");
        // --registry: with the district set's registry (18 campaigns, their names in four scripts), as an investigator
        // who registered the campaigns runs the detector: names are masked for the model and the registry signals read.
        var withRegistry = args.Contains("--registry");
        // --warm N: classify for N seconds before the timed rounds, untimed. Under the runtime's default tiered
        // compilation (how `solidwall` runs: a scan of an archive, a milter that runs for days) the first seconds run
        // code the JIT compiled quickly, without optimising it; after about three seconds the detector's methods are
        // compiled again, optimised, with the values of its static readonly tables known, and stay so. Run without
        // DOTNET_TieredCompilation=0 and with --warm 6, the rounds read that steady state.
        var warmAt = Array.IndexOf(args, "--warm");
        var warm = 0.0;
        if (warmAt >= 0 && (warmAt + 1 == args.Length || !double.TryParse(args[warmAt + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out warm) || warm < 0))
        {
            Console.Error.WriteLine("classify: --warm needs the seconds to warm up for, a number of 0 or more (--warm 6)");
            return 2;
        }

        args = [.. args.Where((a, i) => a is not ("--shipped" or "--registry") && (warmAt < 0 || (i != warmAt && i != warmAt + 1)))];
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var root = TrainingData.FindRepositoryRoot(Environment.CurrentDirectory) ?? TrainingData.FindRepositoryRoot(AppContext.BaseDirectory);
        var corpora = args.Length > 1 ? args[1] : Path.GetFullPath(Path.Combine(root ?? ".", "..", "shared", "corpora"));
        var district = args.Length > 2 ? args[2] : Path.Combine(root ?? ".", "data", "district");

        var examples = TrainingData.Load(corpora, district);
        // What the detector holds once built: the model's weights and the signals' compiled patterns.
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        _ = SignalCatalog.All.Count;
        // Patterns are built on first use (LazyRegex): built all here, so that the figure is what a process that has met
        // every kind of mail holds, and no timed round pays for building one.
        _ = StaticPatterns().Count();
        var signals = GC.GetTotalMemory(forceFullCollection: true) - heap;
        var model = TextModel.LoadEmbedded();
        var weights = GC.GetTotalMemory(forceFullCollection: true) - heap - signals;
        Console.WriteLine($"memory: the signals' patterns {signals / 1e6:F1} MB, the embedded model {weights / 1e6:F1} MB");
        var registry = withRegistry ? Registry.Load(Path.Combine(district, "registry.yaml")) : Registry.Empty;
        var detector = shipped ? new Detector(registry: registry, model: model) : DetectorTrainer.Train(examples).CreateDetector(registry: registry);
        var messages = examples.Select(e => e.AsMessage()).ToArray();
        foreach (var m in messages.Take(500))
        {
            detector.Classify(m);
        }


        for (var warming = Stopwatch.StartNew(); warming.Elapsed.TotalSeconds < warm;)
        {
            foreach (var m in messages)
            {
                detector.Classify(m);
            }
        }

        // Timed in rounds of about a second, so that the spread shows how noisy the machine is.
        var rounds = new List<double>();
        var total = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var done = 0L;
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var classified = 0L;
            var round = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            while (round.Elapsed.TotalSeconds < 1)
            {
                foreach (var m in messages)
                {
                    detector.Classify(m);
                }

                classified += messages.Length;
            }

            done += classified;
            rounds.Add(classified / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        Console.WriteLine($"rounds in order: {string.Join(" ", rounds.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}");
        rounds.Sort();
        Console.WriteLine($"classify{(withRegistry ? ", district registry" : "")}: messages per CPU-second, one thread, {rounds.Count} rounds: median {rounds[rounds.Count / 2]:N0}, best {rounds[^1]:N0}, worst {rounds[0]:N0}");
        Console.WriteLine($"allocated: {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)done:N0} bytes per message; {GC.CollectionCount(0) - collections:N0} gen-0 collections over {done:N0} messages, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds * 1000 / done:F2} µs per message");
        return 0;
    }

    /// <summary>
    /// <c>classify --demo [SECONDS] [DEMO_DIR]</c>: the shipped detector on the demo archive's 32,557 items, parsed and
    /// normalised beforehand: a district's mail as it is (2 % of it campaign mail), where the training set the default
    /// figure reads is a quarter campaign mail and the rest chosen to look like it. Read with the demo's registry and
    /// roster, as `scan` reads it, and with none; messages per CPU-second, one thread, in rounds of about a second.
    /// The archive is generated under DEMO_DIR (default: the one `scan` and `verdicts` use) when it is not there yet.
    /// </summary>
    private static int Demo(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "solidwall-bench-demo");
        if (!File.Exists(Path.Combine(dir, "ground-truth.json")))
        {
            new SolidWall.Core.Demo.DistrictArchiveGenerator(new SolidWall.Core.Demo.DemoOptions()).Generate(dir);
        }

        var messages = SolidWall.Mime.Sources.MessageSources.Open(Path.Combine(dir, "archive")).Read(_ => { }).Select(TrainingMail.Normalize).ToArray();
        var model = TextModel.LoadEmbedded();
        var registry = Registry.Load(Path.Combine(dir, "registry.yaml"));
        var directory = InstitutionDirectory.Load([SolidWall.Core.Demo.DemoDistrict.StaffDomain], [SolidWall.Core.Demo.DemoDistrict.StudentDomain], Path.Combine(dir, "directory.csv"));
        Console.WriteLine($"demo archive: {messages.Length:N0} messages, {messages.Average(m => m.Text.Length):F0} characters of text on average");
        foreach (var (what, detector) in new[]
        {
            ("the demo's registry and roster", new Detector(registry: registry, directory: directory, model: model)),
            ("no registry, no roster", new Detector(model: model)),
        })
        {
            var flagged = messages.Count(m => detector.Classify(m).IsElectioneering);
            var rounds = new List<double>();
            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < seconds)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var m in messages)
                {
                    detector.Classify(m);
                }

                rounds.Add(messages.Length / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }

            rounds.Sort();
            Console.WriteLine($"classify the demo archive, {what} ({flagged:N0} flagged): messages per CPU-second, one thread, {rounds.Count} rounds: median {rounds[rounds.Count / 2]:N0}, best {rounds[^1]:N0}, worst {rounds[0]:N0}");
        }

        return 0;
    }

    /// <summary>
    /// <c>classify --parts [ROUNDS [TEXT]]</c>: the detector's parts on the same messages, each the fastest of ROUNDS rounds
    /// (default 7) of half a second, in µs per message: fastest rather than median, since other work on the machine
    /// only ever slows a round down; and what one pass allocates, per message (a part that rents from a pool the
    /// detector gives back shows the rent as allocated). No training: the embedded model.
    /// </summary>
    private static int Parts(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
        s_only = args.Length > 1 ? args[1] : null;
        var root = TrainingData.FindRepositoryRoot(Environment.CurrentDirectory) ?? TrainingData.FindRepositoryRoot(AppContext.BaseDirectory);
        var examples = TrainingData.Load(Path.GetFullPath(Path.Combine(root ?? ".", "..", "shared", "corpora")), Path.Combine(root ?? ".", "data", "district"));
        var messages = examples.Select(e => e.AsMessage()).ToArray();
        var model = TextModel.LoadEmbedded();
        var detector = new Detector(model: model);
        var lowered = messages.Select(m => InvariantLower.Of(m.Text)).ToArray();
        var contexts = messages.Select(m => new DetectionContext(m, Registry.Empty, InstitutionDirectory.Empty, Policy.Default)).ToArray();
        foreach (var c in contexts)
        {
            _ = c.Text.Hits;
        }

        Time("lower-case the text", rounds, messages.Length, i => InvariantLower.Of(messages[i].Text));
        Time("lexicon scan of the text", rounds, messages.Length, i => SignalCatalog.Lexicon.Scan(lowered[i]));
        Time("boilerplate looked for in the subject", rounds, messages.Length, i => MailBoilerplate.BlankSubject(messages[i].Subject));
        Time("boilerplate looked for in the text", rounds, messages.Length, i => MailBoilerplate.Blank(messages[i].Text));
        Time("context, fields lower-cased", rounds, messages.Length, i => new DetectionContext(messages[i], Registry.Empty, InstitutionDirectory.Empty, Policy.Default));
        Time("text model score", rounds, messages.Length, i => model.Score(messages[i]));
        // The model's steps on their own: tokens, then the vector (tokens again), then the vector scored.
        var extractor = new FeatureExtractor();
        Time("text model: tokens", rounds, messages.Length, i =>
        {
            extractor.Tokens.Clear();
            Tokenizer.Tokenize(messages[i].Text, extractor.Tokens);
        });
        Time("text model: tokens and vector", rounds, messages.Length, i => extractor.Extract(messages[i].Subject, messages[i].Text, messages[i].Segments));
        var vectors = messages.Select(m => extractor.Extract(m.Subject, m.Text, m.Segments).Compact()).ToArray();
        Time("text model: probability of a built vector", rounds, messages.Length, i => model.Probability(vectors[i]));
        var headsArray = new double[TextModel.HeadCount];
        Time("text model: category heads of a built vector", rounds, messages.Length, i => model.CategoryRaw(vectors[i], headsArray));
        Time("text model: postscript looked for", rounds, messages.Length, i => Postscript.Find(messages[i].Text));
        Console.WriteLine($"  (features per message: {vectors.Average(v => v.Count):F0}; tokens {vectors.Average(v => v.TokenCount):F0}; text {messages.Average(m => m.Text.Length):F0} chars)");
        foreach (var signal in SignalCatalog.All)
        {
            Time($"signal {signal.Name}", rounds, messages.Length, i => signal.Evaluate(contexts[i]));
        }

        // The coercion rule runs only on mail found electioneering: here on the rows labelled so, its cost spread over all.
        Time("coercion rule, on electioneering rows", rounds, messages.Length, i =>
        {
            if (examples[i].Electioneering)
            {
                CoercionRule.Adds(contexts[i]);
            }
        });
        Time("classify, whole detector", rounds, messages.Length, i => detector.Classify(messages[i]));

        // With the district set's registry (18 campaigns, their names in four scripts): what the registry signals cost.
        var registry = Registry.Load(Path.Combine(root ?? ".", "data", "district", "registry.yaml"));
        var registered = messages.Select(m => new DetectionContext(m, registry, InstitutionDirectory.Empty, Policy.Default)).ToArray();
        foreach (var signal in SignalCatalog.All.Where(s => s.Name.StartsWith("Registered", StringComparison.Ordinal)))
        {
            Time($"signal {signal.Name}, district registry", rounds, messages.Length, i => signal.Evaluate(registered[i]));
        }

        // The same, each on a fresh context: the places a name stands are found once per context and kept, so the
        // lines above time only the reading of what the first round found.
        var registrySignals = SignalCatalog.All.Where(s => s.Name.StartsWith("Registered", StringComparison.Ordinal)).ToArray();
        Time("registry signals, fresh context each", rounds, messages.Length, i =>
        {
            var context = new DetectionContext(messages[i], registry, InstitutionDirectory.Empty, Policy.Default);
            foreach (var signal in registrySignals)
            {
                signal.Evaluate(context);
            }
        });
        foreach (var signal in registrySignals)
        {
            Time($"signal {signal.Name}, district registry, fresh context each", rounds, messages.Length, i =>
                signal.Evaluate(new DetectionContext(messages[i], registry, InstitutionDirectory.Empty, Policy.Default)));
        }

        Time("context only, district registry", rounds, messages.Length, i => new DetectionContext(messages[i], registry, InstitutionDirectory.Empty, Policy.Default));
        Time("names masked for the model, district registry", rounds, messages.Length, i => registry.ModelNames.Mask(messages[i].Text));
        Time("registered names found, district registry", rounds, messages.Length, i => registry.AllNames(registered[i].Text.Lower));
        Time("text model score, district registry", rounds, messages.Length, i => model.Score(messages[i], registry));

        var withRegistry = new Detector(registry: registry, model: model);
        Time("classify, whole detector, district registry", rounds, messages.Length, i => withRegistry.Classify(messages[i]));
        return 0;
    }

    /// <summary>
    /// <c>classify --patterns</c>: what building each of the detector's patterns costs (the mean of three builds of the same
    /// pattern, after the detector was built once), most first: most of what a process pays before its first verdict;
    /// and what one built copy keeps alive, most first: most of the memory a process holds before its first message.
    /// </summary>
    // Every pattern the detector's assembly keeps in a static field, built: a Regex, a LazyRegex, a PhrasePattern's, a
    // TrapPattern's, and those in a static array of tuples (CandidateCallToAction's actions).
    private static IEnumerable<(string Where, System.Text.RegularExpressions.Regex Regex)> StaticPatterns()
    {
        const System.Reflection.BindingFlags Statics = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
        const System.Reflection.BindingFlags Instance = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
        _ = SignalCatalog.All.Count;
        foreach (var type in typeof(Detector).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(Statics))
            {
                if (field.FieldType.IsArray && field.FieldType.GetElementType() is { IsValueType: true } element
                    && element.GetFields(Instance).Any(f => f.FieldType == typeof(LazyRegex)) && field.GetValue(null) is Array items)
                {
                    var k = 0;
                    foreach (var item in items)
                    {
                        foreach (var inner in element.GetFields(Instance).Where(f => f.FieldType == typeof(LazyRegex)))
                        {
                            yield return ($"{type.Name}.{field.Name}[{k}]", ((LazyRegex)inner.GetValue(item)!).Value);
                        }

                        k++;
                    }

                    continue;
                }

                var value = field.FieldType == typeof(System.Text.RegularExpressions.Regex) || field.FieldType == typeof(PhrasePattern) || field.FieldType == typeof(LazyRegex)
                    || field.FieldType == typeof(TrapPattern) ? field.GetValue(null) : null;
                var lazy = value as LazyRegex ?? (value is TrapPattern trap ? typeof(TrapPattern).GetFields(Instance).Single(f => f.FieldType == typeof(LazyRegex)).GetValue(trap) as LazyRegex : null);
                if ((value as System.Text.RegularExpressions.Regex ?? (value as PhrasePattern)?.Regex ?? lazy?.Value) is { } regex)
                {
                    yield return ($"{type.Name}.{field.Name}", regex);
                }
            }
        }
    }

    private static int Patterns()
    {
        var rows = new List<(double Ms, long Kept, string Where)>();
        foreach (var (where, regex) in StaticPatterns())
        {
            var clock = Stopwatch.StartNew();
            for (var k = 0; k < 3; k++)
            {
                _ = new System.Text.RegularExpressions.Regex(regex.ToString(), regex.Options);
            }

            var ms = clock.Elapsed.TotalMilliseconds / 3;
            // What one more copy keeps alive once built (its automaton's builder, character-set tables and caches).
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var copy = new System.Text.RegularExpressions.Regex(regex.ToString(), regex.Options);
            var kept = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(copy);
            rows.Add((ms, kept, where));
        }

        foreach (var (ms, kept, where) in rows.OrderByDescending(r => r.Ms).Take(20))
        {
            Console.WriteLine($"  {ms,8:F1} ms  {kept / 1e6,6:F2} MB kept  {where}");
        }

        Console.WriteLine("most memory kept:");
        foreach (var (ms, kept, where) in rows.OrderByDescending(r => r.Kept).Take(10))
        {
            Console.WriteLine($"  {kept / 1e6,6:F2} MB kept  {ms,8:F1} ms  {where}");
        }

        Console.WriteLine($"patterns: {rows.Count} in static fields, {rows.Sum(r => r.Ms):F0} ms to build them all once more, {rows.Sum(r => r.Kept) / 1e6:F1} MB kept by one copy of each");
        return 0;
    }

    /// <summary>
    /// With <c>--parts ROUNDS TEXT</c>, only the parts whose name holds TEXT are timed ("text model", "classify"); with
    /// <c>=TEXT</c>, only the part named TEXT ("=classify, whole detector", without the district registry's run).
    /// </summary>
    private static string? s_only;

    private static void Time(string what, int rounds, int count, Action<int> part)
    {
        if (s_only is not null && (s_only.StartsWith('=') ? what != s_only[1..] : !what.Contains(s_only, StringComparison.Ordinal)))
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            part(i);
        }

        // What one pass over the messages allocates, per message.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            part(i);
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var done = 0L;
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            while (clock.Elapsed.TotalSeconds < 0.5)
            {
                for (var i = 0; i < count; i++)
                {
                    part(i);
                }

                done += count;
            }

            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / done);
        }

        Console.WriteLine($"  {what,-40} {best,8:F2} µs/message {bytes,8:N0} bytes/message");
    }

    /// <summary>
    /// <c>classify --languages [LANGUAGE]</c>: the shipped detector on the district set's rows language by language, with no
    /// registry and with the district's: µs a message and ns a character, each the fastest pass of a second of passes (or,
    /// with one LANGUAGE, twenty seconds of them, for a profiler). Mail in Ukrainian, Arabic, Chinese or Vietnamese is
    /// read by patterns of its own (<see cref="SolidWall.Core.Detection.OtherScripts"/>).
    /// </summary>
    private static int Languages(string? only)
    {
        var root = TrainingData.FindRepositoryRoot(Environment.CurrentDirectory)!;
        var district = Path.Combine(root, "data", "district");
        var language = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(district, "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file))
            {
                using var row = System.Text.Json.JsonDocument.Parse(line);
                language["district:" + row.RootElement.GetProperty("id").GetString()!] = row.RootElement.GetProperty("language").GetString()!;
            }
        }

        var examples = TrainingData.Load(Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora")), district).Where(e => e.IsDistrict).ToArray();
        var registry = Registry.Load(Path.Combine(district, "registry.yaml"));
        foreach (var (what, detector) in new[] { ("no registry", new Detector(model: TextModel.LoadEmbedded())), ("district registry", new Detector(registry: registry, model: TextModel.LoadEmbedded())) })
        {
            foreach (var group in examples.GroupBy(e => language[e.Id]).OrderByDescending(g => g.Count()))
            {
                if (only is not null && group.Key != only)
                {
                    continue;
                }

                var messages = group.Select(e => e.AsMessage()).ToArray();
                var chars = messages.Sum(m => (long)m.Text.Length);
                foreach (var m in messages)
                {
                    detector.Classify(m);
                }

                var best = double.MaxValue;
                for (var spent = Stopwatch.StartNew(); spent.ElapsedMilliseconds < (only is null ? 1000 : 20_000);)
                {
                    var clock = Stopwatch.StartNew();
                    foreach (var m in messages)
                    {
                        detector.Classify(m);
                    }

                    best = Math.Min(best, clock.Elapsed.TotalMilliseconds * 1000);
                }

                Console.WriteLine($"{what,-18} {group.Key,3} {messages.Length,5} rows {chars / messages.Length,5} chars {best / messages.Length,7:F1} µs/message {best * 1000 / chars,6:F1} ns/char");
            }
        }

        return 0;
    }
}
