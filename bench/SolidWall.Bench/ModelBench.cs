using System.Diagnostics;
using SolidWall.Core;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Bench;

/// <summary>
/// Text model figures: training time on all the training data, and scoring throughput on one core for messages
/// already parsed (tokenize, hash, dot product, top terms). Usage: <c>model [CORPORA_DIR] [DISTRICT_DIR]</c>.
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
        var model = ModelTrainer.Train(examples);
        var cpuTrain = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"train: {stopwatch.Elapsed.TotalSeconds:F2} s wall, {cpuTrain.TotalSeconds:F2} s CPU, {Environment.ProcessorCount} cores (features, 5-fold calibration, final fit)");

        var messages = examples.Select((e, i) => new Message { Source = e.Id, Offset = 0, Sha256 = i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), Subject = e.Subject, Text = e.Text }).ToArray();
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

        // The parts: tokenizing alone, and tokenizing + hashing into a vector, over the same messages once.
        var tokens = new TokenBuffer();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var m in messages)
        {
            tokens.Clear();
            Tokenizer.Tokenize(m.Subject ?? "", tokens);
            Tokenizer.Tokenize(m.Text, tokens);
        }

        var cpuTokenize = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        var extractor = new FeatureExtractor();
        cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var m in messages)
        {
            extractor.Extract(m.Subject, m.Text);
        }

        var cpuExtract = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        Console.WriteLine($"parts: tokenize {messages.Length / cpuTokenize:N0}/s, tokenize+hash {messages.Length / cpuExtract:N0}/s per CPU second");
        Console.WriteLine($"score: {scored / wall:N0} messages/s wall, {scored / cpuScore:N0} messages/s per CPU second, one thread " +
            $"({passes} passes over {messages.Length} messages, {chars / (double)messages.Length:N0} chars each on average, {passes * chars / cpuScore / 1e6:F1} M chars/s; checksum {sink:F1})");
        return 0;
    }
}
