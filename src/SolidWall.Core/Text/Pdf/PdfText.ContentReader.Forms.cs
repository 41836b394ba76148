using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
    private sealed partial class ContentReader
    {
        // A form XObject's content with its own resources (or, in old files, the page's) and its matrix.
        private void DrawForm(PdfDict? resources, string? name, int depth)
        {
            var xobjects = document.Dict(resources?.GetValueOrDefault("XObject"));
            if (name is null || document.Resolve(xobjects?.GetValueOrDefault(name)) is not PdfStream form || document.Name(form.Dict, "Subtype") != "Form")
            {
                return;
            }

            if (depth + 1 > MaxDepth)
            {
                reading.Report($"page {pageNumber}: forms drawn inside forms deeper than {MaxDepth}, the deeper ones are not read");
                return;
            }

            if (formsOpen.Contains(form) || document.Decode(form) is not { } content)
            {
                return; // a form that draws itself, directly or through others, is read once
            }

            formsOpen.Add(form);

            var (outerState, outerText, outerLine, outerSaved) = (state, textMatrix, lineMatrix, saved.Count);
            if (document.List(form.Dict, "Matrix") is { Count: 6 } m)
            {
                state.Ctm = MatrixOf(m.Select(document.Resolve).ToList()).Then(state.Ctm);
            }

            Run(content, form.Dict.GetValueOrDefault("Resources") ?? resources, depth + 1);
            while (saved.Count > outerSaved)
            {
                saved.Pop();
            }

            (state, textMatrix, lineMatrix) = (outerState, outerText, outerLine);
            formsOpen.Remove(form);
        }

        // BI <key value ...> ID <binary data> EI. The data's length is known for an unfiltered image; otherwise the
        // data ends at an EI that stands alone and is followed by what looks like operators, not more binary.
        private void SkipInlineImage(Lexer lexer)
        {
            var dict = new PdfDict(StringComparer.Ordinal);
            for (var i = 0; i < 256; i++)
            {
                var item = lexer.Read();
                if (ReferenceEquals(item, Keyword.EndOfData))
                {
                    return;
                }

                if (item is Keyword { Value: "ID" })
                {
                    break;
                }

                if (item is Name key)
                {
                    dict[key.Value] = lexer.Read();
                }
            }

            var data = lexer.Data;
            var start = lexer.Position < lexer.End && IsWhite(data[lexer.Position]) ? lexer.Position + 1 : lexer.Position;
            var length = InlineImageLength(dict);
            if (length >= 0 && length <= lexer.End - start)
            {
                var i = start + (int)length;
                while (i < lexer.End && IsWhite(data[i]))
                {
                    i++;
                }

                if (i + 1 < lexer.End && data[i] == 'E' && data[i + 1] == 'I' && (i + 2 == lexer.End || !IsRegular(data[i + 2])))
                {
                    lexer.Position = i + 2;
                    return;
                }
            }

            for (var i = start; i + 1 < lexer.End; i++)
            {
                if (data[i] == 'E' && data[i + 1] == 'I' && (i == start || IsWhite(data[i - 1])) && (i + 2 == lexer.End || !IsRegular(data[i + 2])) && LooksLikeOperators(data, i + 2, lexer.End))
                {
                    lexer.Position = i + 2;
                    return;
                }
            }

            reading.Report($"page {pageNumber}: an inline image has no EI, the rest of its content is not read");
            lexer.Position = lexer.End;
        }

        private static bool LooksLikeOperators(byte[] data, int from, int end)
        {
            for (var i = from; i < Math.Min(end, from + 32); i++)
            {
                if (data[i] is not (>= 0x20 and < 0x7F) && !IsWhite(data[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private long InlineImageLength(PdfDict dict)
        {
            if (dict.ContainsKey("F") || dict.ContainsKey("Filter"))
            {
                return -1;
            }

            var mask = dict.GetValueOrDefault("IM") as bool? ?? dict.GetValueOrDefault("ImageMask") as bool? ?? false;
            var width = document.Number(dict, "W", document.Number(dict, "Width", -1));
            var height = document.Number(dict, "H", document.Number(dict, "Height", -1));
            var bits = mask ? 1 : document.Number(dict, "BPC", document.Number(dict, "BitsPerComponent", 8));
            var space = dict.GetValueOrDefault("CS") ?? dict.GetValueOrDefault("ColorSpace");
            var colors = mask ? 1 : (space is List<object?> { Count: > 0 } list ? list[0] : space) switch
            {
                Name { Value: "G" or "DeviceGray" or "I" or "Indexed" } => 1,
                Name { Value: "RGB" or "DeviceRGB" } => 3,
                Name { Value: "CMYK" or "DeviceCMYK" } => 4,
                _ => -1,
            };
            if (width <= 0 || height <= 0 || bits <= 0 || colors < 0 || width > 1 << 16 || height > 1 << 16)
            {
                return -1;
            }

            return (long)height * (long)Math.Ceiling(width * colors * bits / 8);
        }
    }
}
