using System.Globalization;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
    private sealed partial class ContentReader
    {
        private void Show(PdfString? s)
        {
            if (s is null)
            {
                return;
            }

            Place();
            Glyphs(s.Bytes);
            Placed();
        }

        // [(Vo) 120 (te) -250 (Ortiz)]: a number moves the next string left (positive) or right (negative) by
        // thousandths of the font size; a move right of more than 0.2 of it between two strings is a space.
        private void ShowArray(List<object?>? items)
        {
            if (items is null)
            {
                return;
            }

            var shown = false;
            var space = false;
            foreach (var item in items)
            {
                if (item is double adjustment && double.IsFinite(adjustment))
                {
                    textMatrix = textMatrix.AfterAdvance(-adjustment / 1000 * state.FontSize * state.Scale);
                    space |= shown && adjustment < -200;
                }
                else if (item is PdfString s)
                {
                    if (!shown)
                    {
                        Place();
                        shown = true;
                    }
                    else if (space)
                    {
                        Append(" ");
                    }

                    space = false;
                    Glyphs(s.Bytes);
                }
            }

            if (shown)
            {
                Placed();
            }
        }

        // Before a string: a line break when it starts off the last string's line, a space when it starts well after
        // the last string's end (or well before it: text drawn out of order, a column to the left).
        private void Place()
        {
            var font = state.Font ?? Font.Fallback;
            if (font.Unreadable)
            {
                return; // its text is left out, and so is the line break or space before it
            }

            var m = textMatrix.Then(state.Ctm);
            var size = Math.Abs(state.FontSize) * Math.Sqrt((m.C * m.C) + (m.D * m.D));
            if (placed)
            {
                var dx = m.E - endX;
                var dy = m.F - endY;
                var along = (dx * directionX) + (dy * directionY);
                var across = (dy * directionX) - (dx * directionY);
                var larger = Math.Max(Math.Max(em, size), 1e-6);
                var smaller = Math.Max(Math.Min(em, size), 1e-6);
                if (newLine || Math.Abs(across) > 0.5 * larger)
                {
                    EndLine();
                    Append("\n");
                }
                else if (along > (estimated || font.Estimated ? 0.6 : 0.2) * smaller || along < -0.5 * larger)
                {
                    Append(" ");
                }
            }

            newLine = false;
            em = size;
            estimated = font.Estimated;
        }

        private void Placed()
        {
            if ((state.Font ?? Font.Fallback).Unreadable)
            {
                return;
            }

            var m = textMatrix.Then(state.Ctm);
            var length = Math.Sqrt((m.A * m.A) + (m.B * m.B));
            (directionX, directionY) = length > 1e-9 ? (m.A / length, m.B / length) : (1.0, 0.0);
            (endX, endY) = (m.E, m.F);
            placed = true;
        }

        // Each code's text, and the text matrix moved on by its width (ISO 32000-1, 9.4.4).
        private void Glyphs(byte[] bytes)
        {
            var font = state.Font ?? Font.Fallback;
            if (font.Unreadable && fontsReported.Add(font))
            {
                reading.Report($"page {pageNumber}: font {font.Label} has {font.Codes} codes and no ToUnicode map, its text is left out");
            }

            // The text matrix is kept in a local while the string's glyphs move it, and stored back after.
            var matrix = textMatrix;
            var (size, charSpacing, wordSpacing, scaling) = (state.FontSize, state.CharSpacing, state.WordSpacing, state.Scale);
            for (var pos = 0; pos < bytes.Length;)
            {
                var length = font.NextCode(bytes, pos, out var code);
                pos += length;
                if (!font.Unreadable && font.Text(code, length) is { } glyph)
                {
                    var rightToLeft = HasRightToLeft(glyph);
                    if (rightToLeft)
                    {
                        var m = matrix.Then(state.Ctm);
                        var scale = Math.Sqrt((m.A * m.A) + (m.B * m.B));
                        var at = scale > 1e-9 ? ((m.E * m.A) + (m.F * m.B)) / scale : m.E;
                        leftwards += at < lastRightToLeft ? 1 : 0;
                        rightwards += at > lastRightToLeft ? 1 : 0;
                        lastRightToLeft = at;
                    }

                    // A ligature's characters (لا) are in reading order already: kept together when the line is reordered.
                    Append(glyph.Length > 1 && rightToLeft ? UnitStart + glyph + UnitEnd : glyph);
                }

                var advance = (font.Width(code) / 1000 * size) + charSpacing + (length == 1 && code == 32 ? wordSpacing : 0);
                matrix = matrix.AfterAdvance(advance * scaling);
            }

            textMatrix = matrix;
        }

        // A line whose right-to-left glyphs were drawn leftwards is in reading order already: marked so, it is not reordered.
        private void EndLine()
        {
            if (leftwards > rightwards)
            {
                Append(ReadingOrder.ToString());
            }

            leftwards = rightwards = 0;
            lastRightToLeft = null;
        }

        private void Append(string s)
        {
            if (actualDepth > 0)
            {
                if (actualText is null)
                {
                    return; // the sequence's /ActualText is said already
                }

                s = s is "\n" or " " ? s + actualText : actualText;
                actualText = null;
            }

            if (reading.Characters + s.Length > MaxChars)
            {
                reading.Stop(string.Create(CultureInfo.InvariantCulture, $"page {pageNumber}: more than {MaxChars:N0} characters of text, the rest is not read"), content: true);
                return;
            }

            reading.Characters += s.Length;
            text.Append(s);
        }

        private void BeginMarked(object? properties, PdfDict? resources)
        {
            // The properties are inline (<< /ActualText (...) >>) or named in the resources' /Properties.
            var dict = properties switch
            {
                PdfDict d => d,
                Name n => document.Dict(document.Dict(resources?.GetValueOrDefault("Properties"))?.GetValueOrDefault(n.Value)),
                _ => null,
            };
            var actual = actualDepth == 0 && document.Get(dict, "ActualText") is PdfString s ? TextString(s.Bytes) : null;
            marked.Push(actual is not null);
            if (actual is not null)
            {
                actualText = UnitStart + actual + UnitEnd; // in reading order already
                actualDepth = 1;
            }
            else if (actualDepth > 0)
            {
                actualDepth++;
            }
        }

        private void EndMarked()
        {
            if (marked.Count == 0)
            {
                return;
            }

            marked.Pop();
            if (actualDepth > 0 && --actualDepth == 0)
            {
                var unsaid = actualText;
                actualText = null;
                if (unsaid is not null)
                {
                    Append(unsaid); // a sequence with no glyphs of its own
                }
            }
        }
    }
}
