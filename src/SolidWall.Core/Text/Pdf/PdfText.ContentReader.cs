using System.Runtime.CompilerServices;
using System.Text;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
    // ---------------------------------------------------------------------------------------------------------------
    // Content streams (ISO 32000-1, sections 8 and 9): the text operators, with the text and graphics state that says
    // where each string lands, so that a move to a new line reads as a line break and a gap on a line as a space.
    // ---------------------------------------------------------------------------------------------------------------

    private readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
    {
        public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

        public static Matrix Translation(double x, double y) => new(1, 0, 0, 1, x, y);

        /// <summary>
        /// <c>Translation(x, 0).Then(this)</c>, as each glyph's advance moves the text matrix, without building the
        /// translation: the same products and sums in the same order, so the same doubles to the last bit.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Matrix AfterAdvance(double x) => new(
            (1 * A) + (0 * C), (1 * B) + (0 * D),
            (0 * A) + (1 * C), (0 * B) + (1 * D),
            (x * A) + (0 * C) + E, (x * B) + (0 * D) + F);

        /// <summary>This matrix, then <paramref name="m"/> (row vectors, as PDF writes them).</summary>
        public Matrix Then(Matrix m) => new(
            (A * m.A) + (B * m.C), (A * m.B) + (B * m.D),
            (C * m.A) + (D * m.C), (C * m.B) + (D * m.D),
            (E * m.A) + (F * m.C) + m.E, (E * m.B) + (F * m.D) + m.F);
    }

    /// <summary>An operand of a content operator: a number kept as one, unboxed; anything else as the lexer read it.</summary>
    private readonly struct Operand
    {
        private Operand(object? value, double number, bool isNumber)
        {
            Value = value;
            Number = number;
            IsNumber = isNumber;
        }

        /// <summary>The operand when it is not a number; null for a number.</summary>
        public object? Value { get; }

        public double Number { get; }

        public bool IsNumber { get; }

        public static Operand Of(double number) => new(null, number, true);

        public static Operand Of(object? value) => new(value, 0, false);
    }

    private record struct GraphicsState(Matrix Ctm, Font? Font, double FontSize, double CharSpacing, double WordSpacing, double Scale, double Leading);

    private sealed partial class ContentReader(Document document, Reading reading)
    {
        private readonly Stack<GraphicsState> saved = new();
        private readonly HashSet<PdfStream> formsOpen = [];
        private readonly HashSet<Font> fontsReported = [];
        private readonly Stack<bool> marked = new();
        private StringBuilder text = new();
        private GraphicsState state;
        private Matrix textMatrix;
        private Matrix lineMatrix;
        private int pageNumber;

        // Where the last string ended, its baseline direction and its size, in device space: the next string's place
        // relative to it says whether a line break or a space comes between them.
        private bool placed;
        private double endX;
        private double endY;
        private double directionX;
        private double directionY;
        private double em;
        private bool estimated;
        private bool newLine;

        // Whether right-to-left glyphs on the current line are drawn leftwards (in reading order, as Cairo writes them)
        // or rightwards (in the order they appear, as Skia, Word and LibreOffice do): the line is reordered only then.
        private int leftwards;
        private int rightwards;
        private double? lastRightToLeft;

        // /ActualText of a marked-content sequence: said once, in place of the glyphs it replaces.
        private string? actualText;
        private int actualDepth;

        public StringBuilder Page(PdfDict page, object? resources, int number)
        {
            pageNumber = number;
            text = new StringBuilder();
            state = new GraphicsState(Matrix.Identity, null, 0, 0, 0, 1, 0);
            saved.Clear();
            marked.Clear();
            textMatrix = lineMatrix = Matrix.Identity;
            placed = newLine = false;
            leftwards = rightwards = 0;
            lastRightToLeft = null;
            actualText = null;
            actualDepth = 0;
            var streams = new List<PdfStream>();
            switch (document.Get(page, "Contents"))
            {
                case PdfStream s:
                    streams.Add(s);
                    break;
                case List<object?> list:
                    foreach (var item in list)
                    {
                        if (document.Resolve(item) is PdfStream part)
                        {
                            streams.Add(part);
                        }
                    }

                    break;
            }

            if (streams.Count == 0 && page.GetValueOrDefault("Contents") is Ref missing)
            {
                reading.Report($"page {number}: its content (object {missing.Number}) is missing from the file");
            }

            // A page's content may be split across streams at any token boundary: they are read as one.
            var parts = new List<ArraySegment<byte>>(streams.Count);
            foreach (var stream in streams)
            {
                if (document.Decode(stream) is { } decoded)
                {
                    parts.Add(decoded);
                }
            }
            if (parts.Count == 1)
            {
                Run(parts[0], resources, 0);
            }
            else
            {
                using var joined = new MemoryStream();
                foreach (var part in parts)
                {
                    joined.Write(part);
                    joined.WriteByte((byte)'\n');
                }

                Run(new ArraySegment<byte>(joined.GetBuffer(), 0, (int)joined.Length), resources, 0);
            }

            EndLine();

            return text;
        }

        private void Run(ArraySegment<byte> content, object? resourcesObject, int depth)
        {
            // A tiny form drawn a million times costs more than its bytes: each drawing counts 4 KB at least.
            if (!reading.AllowInterpreted(Math.Max(content.Count, 4096), pageNumber))
            {
                return;
            }

            var resources = document.Dict(resourcesObject);
            var lexer = new Lexer(content.Array!, content.Offset, content.Offset + content.Count, reading, references: false);
            var operands = new List<Operand>(8);
            while (!reading.ContentStopped)
            {
                if (lexer.TryNumber(out var number))
                {
                    Push(operands, Operand.Of(number));
                    continue;
                }

                var item = lexer.Read();
                if (ReferenceEquals(item, Keyword.EndOfData))
                {
                    return;
                }

                if (item is not Keyword op)
                {
                    Push(operands, Operand.Of(item));
                    continue;
                }

                Execute(op.Value, operands, resources, lexer, depth);
                operands.Clear();
            }
        }

        private static void Push(List<Operand> operands, Operand operand)
        {
            if (operands.Count == 64)
            {
                operands.RemoveAt(0); // no operator takes more; a run of junk must not grow without end
            }

            operands.Add(operand);
        }

        private void Execute(string op, List<Operand> operands, PdfDict? resources, Lexer lexer, int depth)
        {
            switch (op)
            {
                case "BT":
                    textMatrix = lineMatrix = Matrix.Identity;
                    break;
                case "Tf" when operands.Count >= 2:
                    state.Font = FontFor(resources, (operands[^2].Value as Name)?.Value);
                    state.FontSize = Number(operands, 1);
                    break;
                case "Tc":
                    state.CharSpacing = Number(operands, 1);
                    break;
                case "Tw":
                    state.WordSpacing = Number(operands, 1);
                    break;
                case "Tz":
                    state.Scale = Number(operands, 1) / 100;
                    break;
                case "TL":
                    state.Leading = Number(operands, 1);
                    break;
                case "Td":
                    Move(Number(operands, 2), Number(operands, 1));
                    break;
                case "TD":
                    state.Leading = -Number(operands, 1);
                    Move(Number(operands, 2), Number(operands, 1));
                    break;
                case "Tm" when operands.Count >= 6:
                    textMatrix = lineMatrix = MatrixOf(operands);
                    break;
                case "T*":
                    NextLine();
                    break;
                case "Tj":
                    Show(operands.Count > 0 ? operands[^1].Value as PdfString : null);
                    break;
                case "'":
                    NextLine();
                    Show(operands.Count > 0 ? operands[^1].Value as PdfString : null);
                    break;
                case "\"":
                    state.WordSpacing = Number(operands, 3);
                    state.CharSpacing = Number(operands, 2);
                    NextLine();
                    Show(operands.Count > 0 ? operands[^1].Value as PdfString : null);
                    break;
                case "TJ":
                    ShowArray(operands.Count > 0 ? operands[^1].Value as List<object?> : null);
                    break;
                case "cm" when operands.Count >= 6:
                    state.Ctm = MatrixOf(operands).Then(state.Ctm);
                    break;
                case "q":
                    if (saved.Count < 4096)
                    {
                        saved.Push(state);
                    }

                    break;
                case "Q":
                    if (saved.Count > 0)
                    {
                        state = saved.Pop();
                    }

                    break;
                case "Do" when operands.Count >= 1:
                    DrawForm(resources, (operands[^1].Value as Name)?.Value, depth);
                    break;
                case "BI":
                    SkipInlineImage(lexer);
                    break;
                case "BMC" or "BDC":
                    BeginMarked(op == "BDC" && operands.Count >= 2 ? operands[^1].Value : null, resources);
                    break;
                case "EMC":
                    EndMarked();
                    break;
            }
        }

        private static double Number(List<Operand> operands, int fromEnd) =>
            operands.Count >= fromEnd && operands[^fromEnd] is { IsNumber: true, Number: var d } && double.IsFinite(d) ? d : 0;

        private static Matrix MatrixOf(List<Operand> operands) =>
            new(Number(operands, 6), Number(operands, 5), Number(operands, 4), Number(operands, 3), Number(operands, 2), Number(operands, 1));

        // A form's /Matrix: six numbers, resolved.
        private static Matrix MatrixOf(List<object?> numbers)
        {
            double At(int fromEnd) => numbers[^fromEnd] is double d && double.IsFinite(d) ? d : 0;
            return new(At(6), At(5), At(4), At(3), At(2), At(1));
        }

        private void Move(double x, double y)
        {
            lineMatrix = Matrix.Translation(x, y).Then(lineMatrix);
            textMatrix = lineMatrix;
        }

        // T*, ' and " say "the next line" outright, whatever the leading: a line break even where TL was never set.
        private void NextLine()
        {
            Move(0, -state.Leading);
            newLine = true;
        }

        private Font FontFor(PdfDict? resources, string? name)
        {
            var fonts = document.Dict(resources?.GetValueOrDefault("Font"));
            if (name is null || document.Dict(fonts?.GetValueOrDefault(name)) is not { } dict)
            {
                return Font.Fallback;
            }

            if (!document.Fonts.TryGetValue(dict, out var font))
            {
                font = Font.Build(dict, name, document, reading);
                document.Fonts[dict] = font;
            }

            return font;
        }
    }
}
