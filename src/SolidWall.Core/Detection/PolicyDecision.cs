using System.Text.Json.Serialization;

namespace SolidWall.Core.Detection;

/// <summary>
/// What the policy does with one classified message (<see cref="Policy.Decide"/>): for each of its recipients, the action
/// its role and the verdict's categories call for, and for the message the strictest of those. An allowed message is
/// accepted for everyone.
/// </summary>
/// <param name="Strictest">The strictest of the recipients' actions.</param>
/// <param name="Recipients">The recipients by role, strictest first; empty for an allowed message.</param>
public sealed record PolicyDecision(PolicyAction Strictest, IReadOnlyList<RecipientGroup> Recipients)
{
    /// <summary>The decision for every allowed message.</summary>
    public static PolicyDecision Accept { get; } = new(PolicyAction.Accept, []);

    /// <summary>accept, tag, quarantine or reject: <see cref="Strictest"/> as policy files and verdicts write it.</summary>
    public string Action => Name(Strictest);

    /// <summary>The action's name as policy files and verdicts write it.</summary>
    public static string Name(PolicyAction action) => action switch
    {
        PolicyAction.Tag => "tag",
        PolicyAction.Quarantine => "quarantine",
        PolicyAction.Reject => "reject",
        _ => "accept",
    };

    /// <summary>One line for a reader: "quarantine: 2 students (actions.student.default); tag: 1 staff (actions.staff.default)".</summary>
    public override string ToString() => Recipients.Count == 0 ? Action : string.Join("; ", Recipients);
}

/// <summary>
/// The recipients of one role and the action the policy takes for them, with the policy key that decided it
/// (<c>actions.student.event</c>, <c>actions.student.default</c>, or the role's lack of any).
/// </summary>
/// <param name="Role">external, staff, principal, student or office, as the directory reads the addresses; oversight for the policy's oversight mailboxes.</param>
/// <param name="Action">accept, tag, quarantine or reject.</param>
/// <param name="Rule">The policy key that decided the action.</param>
/// <param name="Addresses">The recipients' addresses; empty when the message's headers name none (read as external).</param>
public sealed record RecipientGroup(
    string Role,
    string Action,
    string Rule,
    IReadOnlyList<string> Addresses)
{
    /// <summary>"quarantine: 2 students (actions.student.default)".</summary>
    public override string ToString() =>
        Addresses.Count == 0 ? $"{Action}: no recipient in the headers, read as external ({Rule})"
        : $"{Action}: {Addresses.Count} {Noun(Role, Addresses.Count)} ({Rule})";

    private static string Noun(string role, int count) => (role, count == 1) switch
    {
        ("staff", _) => "staff",
        ("external", true) => "external address",
        ("external", false) => "external addresses",
        ("office", true) => "office mailbox",
        ("office", false) => "office mailboxes",
        ("oversight", true) => "oversight mailbox",
        ("oversight", false) => "oversight mailboxes",
        (_, true) => role,
        _ => role + "s",
    };

    /// <summary>How many recipients the group holds, for readers of the JSON.</summary>
    [JsonIgnore]
    public int Count => Addresses.Count;
}
