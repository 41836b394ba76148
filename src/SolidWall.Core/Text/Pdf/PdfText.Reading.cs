namespace SolidWall.Core.Text;

public static partial class PdfText
{
    /// <summary>What one extraction has used of its limits, and the first problem met.</summary>
    private sealed class Reading(long maxDecoded)
    {
        private long decoded;
        private long interpreted;

        public string? Problem { get; private set; }

        /// <summary>Set when a limit is reached: nothing more is decompressed, and no further page is read.</summary>
        public bool Stopped { get; private set; }

        /// <summary>Set when the limit on content drawn or on characters is reached: the page being read stops too.</summary>
        public bool ContentStopped { get; private set; }

        public long Characters { get; set; }

        /// <summary>Where lexers collect a token's bytes: one token is read at a time, whichever lexer reads it.</summary>
        public byte[] Scratch { get; set; } = new byte[256];

        // The first problem is the one named: later ones are most often its consequences.
        public void Report(string problem) => Problem ??= problem;

        public void Stop(string problem, bool content = false)
        {
            Report(problem);
            Stopped = true;
            ContentStopped |= content;
        }

        /// <summary>How many of <paramref name="count"/> more decompressed bytes may be kept; stops the reading when that is fewer.</summary>
        public int AllowDecoded(int count, int streamOffset)
        {
            var allowed = (int)Math.Clamp(maxDecoded - decoded, 0, count);
            decoded += allowed;
            if (allowed < count)
            {
                Stop($"stream at byte {streamOffset}: more than {Size(maxDecoded)} of decompressed data in the PDF, the rest is not read");
            }

            return allowed;
        }

        public bool AllowInterpreted(int count, int pageNumber)
        {
            interpreted += count;
            if (interpreted > MaxInterpretedBytes)
            {
                Stop($"page {pageNumber}: more than {Size(MaxInterpretedBytes)} of content drawn (forms drawn inside forms?), the rest is not read", content: true);
                return false;
            }

            return true;
        }

        private static string Size(long bytes) =>
            bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : bytes % 1024 == 0 ? $"{bytes / 1024} KB" : $"{bytes} bytes";
    }
}
