using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Pressure down the hierarchy to do campaign work: a principal or supervisor telling staff to share, distribute
/// or attend, staff telling students it counts for a grade or is required; Spanish "cuenta para la calificación",
/// "compartan con sus estudiantes". Needs campaign words near. The evidence names the sender's role when the
/// directory knows it. Traps: ethics training and Hatch Act notices that quote what is prohibited.
/// </summary>
internal sealed class Coercion : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:(?:count(?:s|ed)?|will\\s+count)\\s+(?:toward|towards|for|as)\\s+(?:your\\s+|their\\s+|a\\s+|the\\s+)?(?:final\\s+|participation\\s+)?(?:grade|credit|points?)"
        + "|for\\s+(?:a\\s+)?grade|(?:required|mandatory|expected)\\s+to\\s+(?:attend|volunteer|canvass|participate|sign|distribute|wear|share)"
        + "|(?:all\\s+staff|every\\s+(?:teacher|staff\\s+member|employee)|all\\s+teachers|teachers|staff|employees)\\s+(?:must|should|are\\s+expected\\s+to|are\\s+required\\s+to|need\\s+to)\\s+"
        + "(?:share|forward|distribute|post|hand\\s+out|send|attend|volunteer|sign|display|wear)"
        + "|please\\s+(?:share|forward|distribute|post|hand\\s+out|send)\\s+(?:this\\s+|these\\s+|it\\s+|the\\s+\\w+\\s+)?(?:with|to)\\s+(?:your\\s+|all\\s+)?(?:students|classes|class|parents|families|staff|team|teachers)"
        + "|(?:i'm|i\\s+am)\\s+asking\\s+(?:all\\s+(?:of\\s+)?)?(?:you|staff|teachers)\\s+to\\s+(?:share|encourage|promote|forward|distribute|recruit)|i\\s+expect\\s+(?:everyone|all\\s+staff|all\\s+of\\s+you|you)\\s+to"
        + "|keep(?:ing)?\\s+(?:a\\s+)?(?:list|track)\\s+of\\s+who|(?:les|te)\\s+pido\\s+que\\s+(?:animen|compartan|inviten|repartan|promuevan|difundan)|(?:voy\\s+a\\s+llevar|llevar[eé])\\s+una\\s+lista"
        + "|cuenta\\s+(?:para|como)\\s+(?:la\\s+|tu\\s+|su\\s+)?(?:calificaci[oó]n|nota|cr[eé]dito)|(?:es\\s+)?obligatori[oa]\\s+(?:asistir|participar|firmar|repartir)"
        + "|(?:compartan|repartan|distribuyan|env[ií]en)\\s+(?:esto\\s+|este\\s+\\w+\\s+)?(?:con|a)\\s+(?:sus|los|todos\\s+los)\\s+(?:estudiantes|alumnos|padres|familias|maestros))",
        // One word each alternative holds at a word's start, the rarest: "count" and "cuenta", not "credit" and "nota";
        // "staff" and "teacher", not "should" and "need to"; "keep" and "llevar", not "list" (every mailing list's footer).
        ["count", "grade", "required", "mandatory", "expect", "staff", "teacher", "employee", "please", "asking", "keep", "pido", "llevar", "cuenta",
         "obligatori", "compartan", "repartan", "distribuyan", "envíen", "envien"]);

    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy(
        "\\b(?:may\\s+not|must\\s+not|cannot|can't|prohibit\\w*|not\\s+(?:permitted|allowed)|violat\\w+|no\\s+(?:pueden|deben)|prohibid[oa]s?)\\b");

    public string Name => "Coercion";

    public double Weight => 3.5;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Coercion];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (ctx, field, index, length) =>
            CampaignTerms.IsNear(ctx, field, index, index + length, 300)
            && !LookAlikes.AreNear(field, index, index + length, 150, OwnTraps), needsCampaign: true);
        if (found is null)
        {
            return null;
        }

        if (context.Sender is { } sender && context.Directory.RoleOf(sender.Address) is var role and not InstitutionRole.External)
        {
            for (var i = 0; i < found.Count; i++)
            {
                found[i] = found[i] with { Note = $"sent by {role.ToString().ToLowerInvariant()} {sender.Address}" };
            }
        }

        return new SignalHit(Categories, found);
    }
}
