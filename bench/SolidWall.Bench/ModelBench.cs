using System.Diagnostics;
using SolidWall.Core;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Bench;

/// <summary>
/// Detection figures: training time on all the training data (text model and score combination, as `solidwall
/// train`), the whole detector's throughput on one core for messages already parsed (every signal, the model, the
/// verdict with its reasons; first the 3 s right after a short warm-up, then the 3 s after those, in steady state), and
/// the text model's alone. Usage: <c>model [CORPORA_DIR] [DISTRICT_DIR]</c>.
/// </summary>
internal static class ModelBench
{
    public static int Run(string[] args)
    {
        var root = TrainingData.FindRepositoryRoot(Environment.CurrentDirectory) ?? TrainingData.FindRepositoryRoot(AppContext.BaseDirectory);
        var corpora = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(root ?? ".", "..", "shared", "corpora"));
        var district = args.Length > 1 ? args[1] : Path.Combine(root ?? ".", "data", "district");

        var stopwatch = Stopwatch.StartNew();
        var examples = TrainingData.Load(corpora, district);
        Console.WriteLine($"load: {examples.Count} examples in {stopwatch.Elapsed.TotalSeconds:F2} s (MIME parse and normalise included)");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        stopwatch.Restart();
        var trained = DetectorTrainer.Train(examples);
        var model = trained.Model;
        var cpuTrain = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"train: {stopwatch.Elapsed.TotalSeconds:F2} s wall, {cpuTrain.TotalSeconds:F2} s CPU, {Environment.ProcessorCount} cores (features, signals, {new TrainerOptions().CalibrationFolds}-fold calibration, final fit, score combination)");

        // The messages as the parser and normaliser gave them (links, segments, sender), the detector's real input.
        var messages = examples.Select(e => e.AsMessage()).ToArray();
        var detector = trained.CreateDetector();
        foreach (var m in messages.Take(500))
        {
            detector.Classify(m);
        }

        var flagged = 0L;
        var classified = 0L;
        stopwatch.Restart();
        var detectorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (stopwatch.Elapsed.TotalSeconds < 3)
        {
            foreach (var m in messages)
            {
                flagged += detector.Classify(m).IsElectioneering ? 1 : 0;
            }

            classified += messages.Length;
        }

        var cpuDetector = (Process.GetCurrentProcess().TotalProcessorTime - detectorCpu).TotalSeconds;
        Console.WriteLine($"classify (detector: signals + model + verdict): {classified / stopwatch.Elapsed.TotalSeconds:N0} messages/s wall, {classified / cpuDetector:N0} messages/s per CPU second, one thread ({messages.Length} messages; {flagged / (classified / messages.Length)} flagged per pass)");

        // The same again, now that the loop above has warmed up: its first second runs partly on code the JIT has not
        // optimised yet (tier 0) and pays for compiling it on the background thread, which a long scan pays once.
        classified = 0;
        stopwatch.Restart();
        detectorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (stopwatch.Elapsed.TotalSeconds < 3)
        {
            foreach (var m in messages)
            {
                detector.Classify(m);
            }

            classified += messages.Length;
        }

        cpuDetector = (Process.GetCurrentProcess().TotalProcessorTime - detectorCpu).TotalSeconds;
        Console.WriteLine($"classify, steady state (the next 3 s): {classified / stopwatch.Elapsed.TotalSeconds:N0} messages/s wall, {classified / cpuDetector:N0} messages/s per CPU second, one thread");
        var chars = messages.Sum(m => (long)m.Text.Length + (m.Subject?.Length ?? 0));

        // Warm up, then score every message on this thread until at least two seconds have passed.
        foreach (var m in messages.Take(500))
        {
            model.Score(m);
        }

        var scored = 0L;
        var passes = 0;
        var sink = 0.0;
        stopwatch.Restart();
        var threadCpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (stopwatch.Elapsed.TotalSeconds < 2)
        {
            foreach (var m in messages)
            {
                sink += model.Score(m).Probability;
            }

            scored += messages.Length;
            passes++;
        }

        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpuScore = (Process.GetCurrentProcess().TotalProcessorTime - threadCpu).TotalSeconds;

        // Each signal alone over every message once: where the detector's time goes.
        var contexts = messages.Select(m => new DetectionContext(m, Registry.Empty, InstitutionDirectory.Empty, Policy.Default)).ToArray();

        // The one pass that finds every phrase signal's words, which the first signal to need it would otherwise pay for.
        var lexiconStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var c in contexts)
        {
            foreach (var field in c.Fields)
            {
                _ = field.Hits;
            }
        }

        Console.WriteLine($"  lexicon scan (all signals' words) {(Process.GetCurrentProcess().TotalProcessorTime - lexiconStart).TotalMilliseconds * 1000 / contexts.Length,8:F1} µs/message");
        foreach (var signal in SignalCatalog.All)
        {
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var c in contexts)
            {
                signal.Evaluate(c);
            }

            Console.WriteLine($"  signal {signal.Name,-26} {(Process.GetCurrentProcess().TotalProcessorTime - start).TotalMilliseconds * 1000 / contexts.Length,8:F1} µs/message");
        }

        // Allowed mail only (most of any real archive): the nine category heads are skipped below 1 %.
        var allowed = messages.Where((_, i) => !examples[i].Electioneering).ToArray();
        var allowedStart = Process.GetCurrentProcess().TotalProcessorTime;
        var allowedScored = 0L;
        stopwatch.Restart();
        while (stopwatch.Elapsed.TotalSeconds < 1)
        {
            foreach (var m in allowed)
            {
                sink += model.Score(m).Probability;
            }

            allowedScored += allowed.Length;
        }

        var cpuAllowed = (Process.GetCurrentProcess().TotalProcessorTime - allowedStart).TotalSeconds;
        Console.WriteLine($"score, allowed mail only: {allowedScored / cpuAllowed:N0} messages/s per CPU second, one thread ({allowed.Length} messages)");

        // The parts: tokenizing alone, and tokenizing + hashing into a vector, over the same messages for a second each.
        var tokens = new TokenBuffer();
        var cpuTokenize = Parts(messages, m =>
        {
            tokens.Clear();
            Tokenizer.Tokenize(m.Subject ?? "", tokens);
            Tokenizer.Tokenize(m.Text, tokens);
        });
        var extractor = new FeatureExtractor();
        var cpuExtract = Parts(messages, m => extractor.Extract(m.Subject, m.Text, m.Segments));
        Console.WriteLine($"parts: tokenize {cpuTokenize:N0}/s, tokenize+hash {cpuExtract:N0}/s per CPU second");
        Console.WriteLine($"score: {scored / wall:N0} messages/s wall, {scored / cpuScore:N0} messages/s per CPU second, one thread " +
            $"({passes} passes over {messages.Length} messages, {chars / (double)messages.Length:N0} chars each on average, {passes * chars / cpuScore / 1e6:F1} M chars/s; checksum {sink:F1})");
        return 0;
    }

    /// <summary>Messages per CPU-second of <paramref name="part"/>, after a warm-up pass, over whole passes for at least a second.</summary>
    private static double Parts(Message[] messages, Action<Message> part)
    {
        foreach (var m in messages)
        {
            part(m);
        }

        var done = 0L;
        var stopwatch = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        while (stopwatch.Elapsed.TotalSeconds < 1)
        {
            foreach (var m in messages)
            {
                part(m);
            }

            done += messages.Length;
        }

        return done / (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
    }
}
