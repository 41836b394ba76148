using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SolidWall.Core.Report;

/// <summary>
/// Checks a report directory against its manifest.json: the manifest's own SHA-256, the SHA-256 of every file it
/// lists, that index.html names the same manifest hash, and that no file was added beside them. What each check
/// does is written in docs/FORMATS.md ("Report"), so that anyone can repeat it with <c>sha256sum</c> and <c>sed</c>.
/// </summary>
public static class ManifestVerifier
{
    /// <returns>The problems found, each naming the file and what is wrong; empty when the report is intact.</returns>
    public static IReadOnlyList<string> Verify(string dir)
    {
        var problems = new List<string>();
        var manifestPath = Path.Combine(dir, ManifestRules.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            problems.Add($"{manifestPath}: missing");
            return problems;
        }

        var bytes = File.ReadAllBytes(manifestPath);
        var own = CheckOwnHash(bytes, problems);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            problems.Add($"{ManifestRules.ManifestFileName}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}");
            return problems;
        }

        using (document)
        {
            var listed = CheckFiles(dir, document.RootElement, own, problems);
            CheckEvidenceCount(document.RootElement, problems);
            foreach (var path in Directory.EnumerateFiles(dir))
            {
                var name = Path.GetFileName(path);
                if (name != ManifestRules.ManifestFileName && !listed.Contains(name))
                {
                    problems.Add($"{name}: not listed in {ManifestRules.ManifestFileName} (added after the report was written?)");
                }
            }
        }

        return problems;
    }

    private static string? CheckOwnHash(byte[] bytes, List<string> problems)
    {
        var position = ManifestRules.HashPosition(bytes, ManifestRules.ManifestMarker);
        if (position < 0 || position + ManifestRules.HexLength > bytes.Length || !ManifestRules.IsLowerHex(bytes.AsSpan(position, ManifestRules.HexLength)))
        {
            problems.Add($"{ManifestRules.ManifestFileName}: no single \"manifestSha256\" value of 64 lower-case hex digits");
            return null;
        }

        var recorded = Encoding.ASCII.GetString(bytes, position, ManifestRules.HexLength);
        var actual = ManifestRules.HashWithout(bytes, position);
        if (recorded != actual)
        {
            problems.Add($"{ManifestRules.ManifestFileName}: manifestSha256 is {recorded} but the manifest hashes to {actual}: it was changed after it was written");
        }

        return recorded;
    }

    private static HashSet<string> CheckFiles(string dir, JsonElement root, string? own, List<string> problems)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{ManifestRules.ManifestFileName}: no \"files\" array");
            return listed;
        }

        foreach (var file in files.EnumerateArray())
        {
            var name = file.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var recorded = file.TryGetProperty("sha256", out var h) ? h.GetString() ?? "" : "";
            var marker = file.TryGetProperty("hashedWithoutHexAfter", out var m) ? m.GetString() : null;
            listed.Add(name);

            // A plain name in the report directory; anything else would let a manifest point outside it.
            if (name.Length == 0 || name != Path.GetFileName(name) || name is "." or "..")
            {
                problems.Add($"{ManifestRules.ManifestFileName}: file entry \"{name}\" is not a file name in the report directory");
                continue;
            }

            var path = Path.Combine(dir, name);
            if (!File.Exists(path))
            {
                problems.Add($"{name}: listed in {ManifestRules.ManifestFileName} but missing");
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            string actual;
            if (marker is null)
            {
                actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }
            else
            {
                var position = ManifestRules.HashPosition(bytes, marker);
                if (position < 0 || position + ManifestRules.HexLength > bytes.Length)
                {
                    problems.Add($"{name}: the marker {marker} is missing or appears more than once");
                    continue;
                }

                actual = ManifestRules.HashWithout(bytes, position);
                var named = Encoding.ASCII.GetString(bytes, position, ManifestRules.HexLength);
                if (own is not null && named != own)
                {
                    problems.Add($"{name}: names manifest SHA-256 {named}, but {ManifestRules.ManifestFileName} has {own}");
                }
            }

            if (actual != recorded)
            {
                problems.Add($"{name}: SHA-256 is {actual}, {ManifestRules.ManifestFileName} records {recorded}: the file was changed");
            }
        }

        return listed;
    }

    private static void CheckEvidenceCount(JsonElement root, List<string> problems)
    {
        if (root.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Array
            && root.TryGetProperty("evidenceCount", out var count) && count.TryGetInt32(out var expected))
        {
            var actual = evidence.GetArrayLength();
            if (actual != expected)
            {
                problems.Add($"{ManifestRules.ManifestFileName}: evidenceCount is {expected} but the evidence list has {actual} items");
            }
        }
        else
        {
            problems.Add($"{ManifestRules.ManifestFileName}: no \"evidence\" array with its \"evidenceCount\"");
        }
    }
}
