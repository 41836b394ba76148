using System.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The model file (model.bin), little-endian: "SWTM", version, bucket bits, head count, the fingerprint of the features
/// it was trained on (<see cref="FeatureExtractor.Fingerprint"/>); per head its name, bias
/// and Platt A and B (doubles); then per head the count of non-zero weights followed by each as the gap from the
/// previous bucket (LEB128) and the weight as an IEEE half. Weights are stored only where they are non-zero,
/// which keeps the file small; the trainer already rounds every weight to a half, so a model read back is
/// exactly the model that was written.
/// </summary>
public static class ModelFile
{
    private const uint Magic = 0x4D545753; // "SWTM"
    /// <summary>2 since the file names the features it was trained on (29 November 2026); a version 1 file predates the concept lexicon.</summary>
    private const ushort Version = 2;

    public static void Write(TextModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write((byte)FeatureExtractor.BucketBits);
        w.Write((byte)TextModel.HeadCount);
        w.Write(FeatureExtractor.Fingerprint);
        for (var h = 0; h < TextModel.HeadCount; h++)
        {
            w.Write(h == 0 ? "electioneering" : TextModel.Categories[h - 1]);
            w.Write(model.Biases[h]);
            w.Write(model.Calibration[h].A);
            w.Write(model.Calibration[h].B);
        }

        for (var h = 0; h < TextModel.HeadCount; h++)
        {
            var count = 0;
            for (var b = 0; b < FeatureExtractor.Buckets; b++)
            {
                if (model.Weight(b, h) != 0)
                {
                    count++;
                }
            }

            w.Write(count);
            var previous = -1;
            for (var b = 0; b < FeatureExtractor.Buckets; b++)
            {
                var value = model.Weight(b, h);
                if (value != 0)
                {
                    w.Write7BitEncodedInt(b - previous);
                    w.Write(BitConverter.HalfToUInt16Bits((Half)value));
                    previous = b;
                }
            }
        }
    }

    public static byte[] ToBytes(TextModel model)
    {
        using var ms = new MemoryStream();
        Write(model, ms);
        return ms.ToArray();
    }

    /// <summary>
    /// Reads a model file <c>solidwall train --out</c> wrote, and gives its SHA-256. A file that is no model is refused
    /// with a <see cref="ConfigurationException"/> naming it; a missing or unreadable one throws as the file system does.
    /// </summary>
    public static TextModel ReadFile(string path, out string sha256)
    {
        var bytes = File.ReadAllBytes(path);
        sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return Read(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new ConfigurationException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Where `train --out FILE` writes the weights it fitted with the model: FILE.policy.yaml.</summary>
    public static string FittedPolicyPath(string modelPath) => modelPath + ".policy.yaml";

    /// <summary>
    /// The weights fitted with the model at <paramref name="modelPath"/>, as YAML. A model is never read without them:
    /// the combination's weights belong to the model they were fitted on. Missing, a <see cref="FileNotFoundException"/> that says so.
    /// </summary>
    public static string ReadFittedPolicy(string modelPath)
    {
        var fitted = FittedPolicyPath(modelPath);
        return File.Exists(fitted) ? File.ReadAllText(fitted)
            : throw new FileNotFoundException($"{fitted}: not found: `solidwall train --out {modelPath}` writes the weights fitted with the model there, and the model is not read without them", fitted);
    }

    public static TextModel Read(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a SolidWall text model (bad magic)");
        }

        var version = r.ReadUInt16();
        if (version != Version)
        {
            throw new InvalidDataException($"text model version {version} is not supported (expected {Version}); retrain with `solidwall train`");
        }

        var bits = r.ReadByte();
        var heads = r.ReadByte();
        if (bits != FeatureExtractor.BucketBits || heads != TextModel.HeadCount)
        {
            throw new InvalidDataException($"text model has {bits} bucket bits and {heads} heads; this build expects {FeatureExtractor.BucketBits} and {TextModel.HeadCount}");
        }

        // Weights belong to the features they were learned on: read with other ones (another tokenizer, another concept
        // lexicon) a model scores words it never saw in buckets that meant something else, and nothing would say so.
        var features = r.ReadUInt32();
        if (features != FeatureExtractor.Fingerprint)
        {
            throw new InvalidDataException($"text model was trained on features {features:x8}, and this SolidWall computes {FeatureExtractor.Fingerprint:x8} " +
                                           "(its tokenizer, features or concept lexicon changed); retrain with `solidwall train`");
        }

        var biases = new double[heads];
        var platt = new Platt[heads];
        for (var h = 0; h < heads; h++)
        {
            var name = r.ReadString();
            var expected = h == 0 ? "electioneering" : TextModel.Categories[h - 1];
            if (name != expected)
            {
                throw new InvalidDataException($"text model head {h} is '{name}', expected '{expected}'");
            }

            biases[h] = r.ReadDouble();
            platt[h] = new Platt(r.ReadDouble(), r.ReadDouble());
        }

        var weights = new float[FeatureExtractor.Buckets * heads];
        for (var h = 0; h < heads; h++)
        {
            var count = r.ReadInt32();
            var bucket = -1;
            for (var i = 0; i < count; i++)
            {
                bucket += r.Read7BitEncodedInt();
                if ((uint)bucket >= FeatureExtractor.Buckets)
                {
                    throw new InvalidDataException("text model weight index out of range");
                }

                weights[(bucket * heads) + h] = (float)BitConverter.UInt16BitsToHalf(r.ReadUInt16());
            }
        }

        return new TextModel(weights, biases, platt);
    }
}
