using SolidWall.Core.Case;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>A staff message that passed campaign mail on (or answered in its thread), with the campaign message it carries.</summary>
internal sealed class RelayFinding
{
    public const string Reply = "reply";
    public const string Push = "push";

    public required string Sha256 { get; init; }

    public required string Key { get; init; }

    public required Campaign Campaign { get; init; }

    public required CampaignMail Original { get; init; }

    /// <summary>forward, copy or reply.</summary>
    public required string Kind { get; init; }

    public required string Relayer { get; init; }

    public InstitutionRole RelayerRole { get; init; }

    public DateTimeOffset? Date { get; init; }

    public string Subject { get; init; } = "";

    /// <summary>Header recipients (To, Cc, Bcc), the relayer excluded.</summary>
    public required string[] Recipients { get; init; }

    public double Similarity { get; init; }

    public List<CaseItem> Items { get; } = [];

    /// <summary>The header recipients and the owners of the mailboxes that hold a copy, once each.</summary>
    public IEnumerable<string> Reached => Recipients.Concat(Items.Select(i => i.Mailbox).OfType<string>()).Where(r => r != Relayer).Distinct(StringComparer.Ordinal);
}

/// <summary>A student's message to a campaign: a reply into its thread, or mail addressed to one of its senders.</summary>
internal sealed class SignupFinding
{
    public required string Sha256 { get; init; }

    public required Campaign Campaign { get; init; }

    public required string Student { get; init; }

    public string? MessageId { get; init; }

    public DateTimeOffset? Date { get; init; }

    public string Subject { get; init; } = "";

    public List<CaseItem> Items { get; } = [];
}

/// <summary>A message between an official channel of the institution and a campaign or an elected official's office.</summary>
internal sealed class CoordinationMessage
{
    public required string Sha256 { get; init; }

    public required string ThreadKey { get; init; }

    public string? MessageId { get; init; }

    public required string[] ThreadIds { get; init; }

    public DateTimeOffset? Date { get; init; }

    public required string From { get; init; }

    public required string[] Participants { get; init; }

    public string Subject { get; init; } = "";

    public bool FromOffice { get; init; }

    public bool WithOfficialOffice { get; init; }

    /// <summary>Addressed to the institution's official channels alone (an ask to the office, not a blast copy that reached it).</summary>
    public bool OnlyToOffices { get; init; }

    public Campaign? Campaign { get; init; }

    public List<CaseItem> Items { get; } = [];
}
