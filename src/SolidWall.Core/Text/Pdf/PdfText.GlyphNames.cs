using System.Globalization;
using System.Text;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
    /// <summary>
    /// Glyph names as /Differences and CMaps use them: the Adobe Glyph List's names for letters, digits, punctuation
    /// and accented Latin letters, uniXXXX and uXXXX[XX] names, ligatures written f_f_i, and suffixes such as a.sc.
    /// </summary>
    private static class GlyphNames
    {
        private static readonly Dictionary<string, string> Names = Build();

        public static string? Text(string name)
        {
            if (Names.TryGetValue(name, out var text))
            {
                return text;
            }

            // "a.sc", "one.oldstyle": the part before the first period names the character.
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                return Text(name[..dot]);
            }

            if (name.Contains('_', StringComparison.Ordinal))
            {
                var parts = name.Split('_').Select(Text).ToList();
                return parts.All(p => p is not null) ? string.Concat(parts) : null;
            }

            if (name.Length >= 7 && (name.Length - 3) % 4 == 0 && name.StartsWith("uni", StringComparison.Ordinal))
            {
                var sb = new StringBuilder();
                for (var i = 3; i < name.Length; i += 4)
                {
                    if (!int.TryParse(name.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                    {
                        return null;
                    }

                    sb.Append((char)unit);
                }

                return sb.ToString();
            }

            if (name.Length is >= 5 and <= 7 && name[0] == 'u'
                && int.TryParse(name.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var scalar)
                && scalar <= 0x10FFFF && scalar is < 0xD800 or > 0xDFFF)
            {
                return char.ConvertFromUtf32(scalar);
            }

            return null;
        }

        private static Dictionary<string, string> Build()
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 'A'; c <= 'Z'; c++)
            {
                names[c.ToString()] = c.ToString();
                names[char.ToLowerInvariant(c).ToString()] = char.ToLowerInvariant(c).ToString();
            }

            string[] digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
            for (var i = 0; i < digits.Length; i++)
            {
                names[digits[i]] = ((char)('0' + i)).ToString();
            }

            (string Name, string Text)[] named =
            [
                ("space", " "), ("exclam", "!"), ("quotedbl", "\""), ("numbersign", "#"), ("dollar", "$"), ("percent", "%"),
                ("ampersand", "&"), ("quotesingle", "'"), ("quoteright", "’"), ("parenleft", "("), ("parenright", ")"),
                ("asterisk", "*"), ("plus", "+"), ("comma", ","), ("hyphen", "-"), ("period", "."), ("slash", "/"),
                ("colon", ":"), ("semicolon", ";"), ("less", "<"), ("equal", "="), ("greater", ">"), ("question", "?"),
                ("at", "@"), ("bracketleft", "["), ("backslash", "\\"), ("bracketright", "]"), ("asciicircum", "^"),
                ("underscore", "_"), ("grave", "`"), ("quoteleft", "‘"), ("braceleft", "{"), ("bar", "|"), ("braceright", "}"),
                ("asciitilde", "~"), ("exclamdown", "¡"), ("cent", "¢"), ("sterling", "£"), ("currency", "¤"), ("yen", "¥"),
                ("brokenbar", "¦"), ("section", "§"), ("dieresis", "¨"), ("copyright", "©"), ("ordfeminine", "ª"),
                ("guillemotleft", "«"), ("logicalnot", "¬"), ("registered", "®"), ("macron", "¯"), ("degree", "°"),
                ("plusminus", "±"), ("twosuperior", "²"), ("threesuperior", "³"), ("acute", "´"), ("mu", "µ"), ("paragraph", "¶"),
                ("periodcentered", "·"), ("middot", "·"), ("cedilla", "¸"), ("onesuperior", "¹"), ("ordmasculine", "º"),
                ("guillemotright", "»"), ("onequarter", "¼"), ("onehalf", "½"), ("threequarters", "¾"), ("questiondown", "¿"),
                ("multiply", "×"), ("divide", "÷"), ("AE", "Æ"), ("ae", "æ"), ("Eth", "Ð"), ("eth", "ð"), ("Oslash", "Ø"),
                ("oslash", "ø"), ("Thorn", "Þ"), ("thorn", "þ"), ("germandbls", "ß"), ("OE", "Œ"), ("oe", "œ"), ("Lslash", "Ł"),
                ("lslash", "ł"), ("dotlessi", "ı"), ("dotlessj", "ȷ"), ("Dcroat", "Đ"), ("dcroat", "đ"), ("Hbar", "Ħ"), ("hbar", "ħ"),
                ("IJ", "Ĳ"), ("ij", "ĳ"), ("Eng", "Ŋ"), ("eng", "ŋ"), ("kgreenlandic", "ĸ"), ("Ldot", "Ŀ"), ("ldot", "ŀ"),
                ("napostrophe", "ŉ"), ("Tbar", "Ŧ"), ("tbar", "ŧ"), ("longs", "ſ"), ("florin", "ƒ"), ("circumflex", "ˆ"),
                ("caron", "ˇ"), ("breve", "˘"), ("dotaccent", "˙"), ("ring", "˚"), ("ogonek", "˛"), ("tilde", "˜"),
                ("hungarumlaut", "˝"), ("endash", "–"), ("emdash", "—"), ("quotesinglbase", "‚"), ("quotedblleft", "“"),
                ("quotedblright", "”"), ("quotedblbase", "„"), ("dagger", "†"), ("daggerdbl", "‡"), ("bullet", "•"),
                ("ellipsis", "…"), ("perthousand", "‰"), ("guilsinglleft", "‹"), ("guilsinglright", "›"), ("fraction", "⁄"),
                ("Euro", "€"), ("trademark", "™"), ("minus", "−"), ("fi", "fi"), ("fl", "fl"), ("ff", "ff"), ("ffi", "ffi"),
                ("ffl", "ffl"), ("nbspace", " "), ("nonbreakingspace", " "), ("sfthyphen", "-"), ("softhyphen", "-"),
                ("Omega", "Ω"), ("Delta", "∆"), ("pi", "π"), ("infinity", "∞"), ("notequal", "≠"), ("lessequal", "≤"),
                ("greaterequal", "≥"), ("partialdiff", "∂"), ("summation", "∑"), ("product", "∏"), ("integral", "∫"),
                ("radical", "√"), ("approxequal", "≈"), ("lozenge", "◊"), ("arrowright", "→"), ("arrowleft", "←"),
                ("checkmark", "✓"), ("numero", "№"), ("estimated", "℮"),
            ];
            foreach (var (name, text) in named)
            {
                names[name] = text;
            }

            // Accented Latin letters are named letter + accent ("eacute", "Scaron", "ohungarumlaut"): derived from the
            // letters' canonical decompositions rather than listed one by one.
            var accents = new Dictionary<char, string>
            {
                ['\u0300'] = "grave",
                ['\u0301'] = "acute",
                ['\u0302'] = "circumflex",
                ['\u0303'] = "tilde",
                ['\u0304'] = "macron",
                ['\u0306'] = "breve",
                ['\u0307'] = "dotaccent",
                ['\u0308'] = "dieresis",
                ['\u030A'] = "ring",
                ['\u030B'] = "hungarumlaut",
                ['\u030C'] = "caron",
                ['\u0326'] = "commaaccent",
                ['\u0327'] = "cedilla",
                ['\u0328'] = "ogonek",
            };
            var cedillas = new List<(char Letter, string Text)>();
            foreach (var range in new[] { (0xC0, 0x24F), (0x1E00, 0x1EFF) })
            {
                for (var cp = range.Item1; cp <= range.Item2; cp++)
                {
                    var text = ((char)cp).ToString();
                    var parts = text.Normalize(NormalizationForm.FormD);
                    if (parts.Length == 2 && char.IsAsciiLetter(parts[0]) && accents.TryGetValue(parts[1], out var accent))
                    {
                        names.TryAdd(parts[0] + accent, text);
                        if (parts[1] == '\u0327')
                        {
                            cedillas.Add((parts[0], text));
                        }
                    }
                }
            }

            // The glyph list names a cedilla under g, k, l, n, r, t a comma accent ("Gcommaaccent", "tcommaaccent").
            foreach (var (letter, text) in cedillas)
            {
                names.TryAdd(letter + "commaaccent", text);
            }

            return names;
        }
    }
}
