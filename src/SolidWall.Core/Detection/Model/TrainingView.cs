using System.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The one representation every training source goes through. The political corpus comes flattened, its line
/// breaks deleted so that words at a wrap run together ("Pleasesee"); if the ham went in with its line breaks the
/// model could learn the format instead of the content. So every training text is flattened the same way:
/// a blank line becomes a space, a single line break disappears, and runs of blanks become one space.
/// </summary>
public static class TrainingView
{
    public static string Flatten(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                var breaks = 0;
                var blank = false;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '\n')
                    {
                        breaks++;
                    }
                    else if (text[i] is not '\r')
                    {
                        blank = true;
                    }

                    i++;
                }

                if (breaks > 1 || blank)
                {
                    AppendSpace(sb);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                AppendSpace(sb);
            }
            else
            {
                sb.Append(c);
            }

            i++;
        }

        return sb.ToString().Trim();
    }

    private static void AppendSpace(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != ' ')
        {
            sb.Append(' ');
        }
    }
}
