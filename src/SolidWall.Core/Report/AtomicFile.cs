using System.Security.Cryptography;

namespace SolidWall.Core.Report;

/// <summary>
/// Writes a report file so that a reader never sees half of it: the bytes go to a temporary file in the same
/// directory, are flushed to disk, and the temporary file is then renamed over the target (an atomic replace on
/// one file system). The SHA-256 of the bytes is computed as they are written, so no file is read back.
/// </summary>
internal static class AtomicFile
{
    /// <returns>The lower-case hex SHA-256 of the bytes written.</returns>
    public static string Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            string sha256;
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using (var hashing = new HashingStream(file, hash))
                {
                    write(hashing);
                }

                sha256 = Convert.ToHexStringLower(hash.GetCurrentHash());
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return sha256;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
