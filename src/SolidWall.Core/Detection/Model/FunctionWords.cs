using System.Runtime.CompilerServices;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// English and Spanish function words (pronouns, articles, auxiliaries, prepositions, greetings), as the tokenizer
/// folds them. The text model gives them no feature of their own, and no feature to a pair of two of them: they say
/// how a message is written, not what it asks, and the training corpora differ in exactly that way (2002 mailing
/// lists against personal-toned 2024 campaign mail), so "hi", "could you" and "para" would otherwise learn to lean
/// political and flag a teacher's "Hi Priya, could you cover Thursday?". A pair with a content word ("vote for",
/// "para alcalde") stays a feature. Postscript markers ("PS", "PD") are no features either.
/// </summary>
internal static class FunctionWords
{
    private static readonly string[] Words =
    [
        // English
        "a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in", "on", "at", "by", "for", "from", "with", "about", "as", "into",
        "up", "out", "over", "after", "before", "this", "that", "these", "those", "it", "its", "it's", "i", "i'm", "i've", "i'll", "i'd", "me", "my",
        "we", "we're", "we'll", "we've", "us", "our", "you", "you're", "you'll", "your", "yours", "he", "him", "his", "she", "her", "they",
        "they're", "them", "their", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
        "will", "would", "can", "could", "should", "may", "might", "must", "shall", "not", "no", "don't", "can't", "won't", "there", "here",
        "what", "which", "who", "when", "where", "how", "all", "any", "some", "just", "also", "very", "too", "then", "than", "now", "please",
        "thanks", "thank", "hi", "hello", "hey", "dear", "best", "regards", "cheers", "let", "let's", "get", "got",
        // Spanish
        "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "e", "o", "u", "pero", "si", "de", "del", "al", "a", "en", "con", "por", "para",
        "sin", "sobre", "entre", "que", "como", "cuando", "donde", "quien", "este", "esta", "estos", "estas", "ese", "esa", "eso", "esto", "lo",
        "le", "les", "se", "me", "te", "nos", "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "yo", "usted", "ustedes", "ellos",
        "ellas", "es", "son", "era", "fue", "ser", "estar", "esta", "estan", "hay", "ha", "han", "he", "puede", "pueden", "podria", "no", "ya",
        "muy", "mas", "tambien", "hola", "gracias", "saludos", "estimado", "estimada", "estimados", "querido", "querida", "queridas", "queridos",
        "favor",
        // Postscript markers ("PS:", "P.D.", "PPS"; "P.S." is two lone letters): where a line stands, not what it asks.
        // The district set's first sittings wrote a P.S. only under campaign asks, and "ps" learned to lean political.
        "ps", "pd", "pps",
    ];

    private const int TableBits = 10;

    /// <summary>
    /// The words' hashes in a small open-addressing table (0 = empty; a few per cent full, so a lookup of a
    /// content word, most tokens, ends at the first slot). Asked once per token, a set's lookup was a visible
    /// part of the model's time.
    /// </summary>
    private static readonly uint[] Table = Build(out ZeroIsMember);

    /// <summary>Whether one of the words hashes to 0, the table's empty mark (none does; kept so the answer is exact regardless).</summary>
    private static readonly bool ZeroIsMember;

    /// <summary>True when a token with this hash is a function word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(uint hash)
    {
        if (hash == 0)
        {
            return ZeroIsMember;
        }

        var table = Table;
        var i = Slot(hash);
        while (true)
        {
            var entry = table[i];
            if (entry == hash)
            {
                return true;
            }

            if (entry == 0)
            {
                return false;
            }

            i = (i + 1) & (table.Length - 1);
        }
    }

    private static int Slot(uint hash) => (int)((hash * 0x9E3779B1u) >> (32 - TableBits));

    private static uint[] Build(out bool zeroIsMember)
    {
        var table = new uint[1 << TableBits];
        zeroIsMember = false;
        foreach (var word in Words)
        {
            var hash = StableHash.Of(word);
            if (hash == 0)
            {
                zeroIsMember = true;
                continue;
            }

            var i = Slot(hash);
            while (table[i] != 0 && table[i] != hash)
            {
                i = (i + 1) & (table.Length - 1);
            }

            table[i] = hash;
        }

        return table;
    }
}
