using System.Buffers;
using System.Text;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
    // One page's text as a reader wants it: runs of spaces collapsed, lines trimmed, at most one blank line in a row, no
    // control or private-use characters, no lone surrogates, ligatures (ﬁ, ﬂ) spelt out so that "Office" is found,
    // right-to-left lines in reading order.
    private static string Clean(StringBuilder text)
    {
        // Read from an array rather than through the builder's indexer, which walks its chunks for every character.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            text.CopyTo(0, buffer, 0, text.Length);
            return new Cleaner(text.Length).Clean(buffer.AsSpan(0, text.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The state of <see cref="Clean(StringBuilder)"/>: the text so far and the line being gathered.</summary>
    private sealed class Cleaner(int capacity)
    {
        private readonly StringBuilder output = new(capacity);
        private char[] line = new char[256];
        private int count;
        private bool blank;

        // The line holds a right-to-left letter or a mark of the reorderer's: only then can Reorder change it.
        private bool mixed;

        public string Clean(ReadOnlySpan<char> raw)
        {
            var space = false;
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c is > ' ' and < '\u007F')
                {
                    // Printable ASCII, most of any text: none of it is dropped, spelt out or reordered.
                    var run = raw[i..].IndexOfAnyExceptInRange('!', '~');
                    run = run < 0 ? raw.Length - i : run;
                    if (space)
                    {
                        Put(' ');
                        space = false;
                    }

                    Put(raw.Slice(i, run));
                    i += run - 1;
                    continue;
                }

                if (c is '\n' or '\r')
                {
                    EndLine();
                    space = false;
                    continue;
                }

                if (c is ' ' or '\t' or '\u00A0' or '\u3000' or (>= '\u2000' and <= '\u200A'))
                {
                    space = count > 0;
                    continue;
                }

                var surrogatePair = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]);
                if (char.IsControl(c) || (char.IsSurrogate(c) && !surrogatePair) || c is '\uFFFD' or '\uFEFF' or '\u200B' or (>= '\uE000' and <= '\uF8FF'))
                {
                    continue;
                }

                if (space)
                {
                    Put(' ');
                    space = false;
                }

                if (surrogatePair)
                {
                    Put(c);
                    Put(raw[++i]);
                    continue;
                }

                if (c is (>= '\uFB50' and < UnitStart) or (> '\uFDEF' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC'))
                {
                    // Arabic presentation forms (a glyph's shape, from older writers' maps) as the letters they are.
                    var letters = c.ToString().Normalize(NormalizationForm.FormKC);
                    Put(letters.Length > 1 ? UnitStart + letters + UnitEnd : letters);
                    mixed = true;
                    continue;
                }

                switch (c)
                {
                    case 'ﬀ':
                        Put("ff");
                        break;
                    case 'ﬁ':
                        Put("fi");
                        break;
                    case 'ﬂ':
                        Put("fl");
                        break;
                    case 'ﬃ':
                        Put("ffi");
                        break;
                    case 'ﬄ':
                        Put("ffl");
                        break;
                    case 'ﬅ' or 'ﬆ':
                        Put("st");
                        break;
                    default:
                        mixed |= c is UnitStart or UnitEnd or ReadingOrder || IsRightToLeft(c);
                        Put(c);
                        break;
                }
            }

            EndLine();
            return output.ToString();
        }

        private void EndLine()
        {
            ReadOnlySpan<char> finished;
            if (mixed)
            {
                finished = Reorder(new string(line, 0, count)).AsSpan().Trim(' ');
            }
            else
            {
                // Nothing for Reorder to do: the line as it is, trimmed.
                finished = line.AsSpan(0, count).Trim(' ');
            }

            count = 0;
            mixed = false;
            TextCleanup.AppendLine(output, finished, ref blank);
        }

        private void Put(char c)
        {
            if (count == line.Length)
            {
                Array.Resize(ref line, line.Length * 2);
            }

            line[count++] = c;
        }

        private void Put(ReadOnlySpan<char> s)
        {
            if (count + s.Length > line.Length)
            {
                Array.Resize(ref line, (int)Math.Min(Math.Max(line.Length * 2L, (long)count + s.Length), Array.MaxLength));
            }

            s.CopyTo(line.AsSpan(count));
            count += s.Length;
        }
    }
}
