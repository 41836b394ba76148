using System.Globalization;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>The report's method paragraphs and its plain statements of what the evidence cannot show, with the policy's numbers filled in.</summary>
internal static class MethodText
{
    public static IReadOnlyList<string> Paragraphs(Policy policy, Registry registry, int registryReading, bool sawText, string? modelSha256 = null) =>
    [
        "Counting. Every figure counts mailbox items the way an investigator does: one message found in twenty mailboxes is twenty copies. "
        + "A message is identified by the SHA-256 of its raw bytes; copies with different bytes (a Sent copy and an Inbox copy) are one message when they share a Message-ID. "
        + "Emails delivered are the copies of campaign-originated messages found in institutional mailboxes (or in export files that do not name a mailbox); "
        + "staff reached are the distinct staff, principals and offices among those messages' recipients: the To, Cc and Bcc headers of the copies, and the owners of the mailboxes that hold one.",

        $"Detection. A message is electioneering when the detector's calibrated score is at least {F(policy.Threshold)}, with at least one signal that saw evidence (each verdict lists its reasons). "
        + "Campaign-originated mail is electioneering mail from outside the institution. The electioneering figure counts the copies of every electioneering message, "
        + "and of every relay, principal's push and student sign-up even when the detector did not flag it on its own."
        + RegistryReading(registry, registryReading) + Suggested(registry)
        + (modelSha256 is null ? "" : $" The text model is not the one SolidWall ships: it was trained with mail the investigator labelled (solidwall train; model file SHA-256 {modelSha256}), and read with the weights fitted with it."),

        "Campaigns. A registered sender (address or domain) belongs to its registry entry. Other mail is grouped by the committee its paid-for-by or authorised-by disclaimer names, "
        + "and a sender's organisational domain joins the campaign its disclaimers name (never a public webmail domain). Senders with none of these are attributed by content "
        + "(their text matches the campaign's mail, their links share its organising or donation pages or its site, they write in its threads, or their signature names it), "
        + "and the report says on what ground; their domains do not join the campaign. Electioneering mail that nothing ties to a campaign forms a campaign of its own, named after its domain.",

        $"Blasts. Each message's body is fingerprinted with MinHash over three-word shingles after greetings, numbers, addresses, per-recipient tokens and tracking parameters are normalised away "
        + "and what the institution's mail system writes into every message (a gateway's warning, a confidentiality notice, a mailing list's footer) is left out; "
        + $"candidates come from LSH banding and are verified on the signatures. Messages with estimated Jaccard similarity of at least {F(policy.BlastJaccard)} form one variant. "
        + $"One sender's variants sent within {F(policy.BlastWindowMinutes)} minutes of each other (A/B texts, translations) are one blast, and a blast needs at least {policy.BlastMinCopies} mailbox copies. "
        + "Blast ids are the campaign's id and the day of the first copy, in the sender's own time zone.",

        $"Relays. A message from a staff member, principal or office relays campaign mail when a forwarded or quoted segment of it, or its own text, matches a campaign message "
        + $"(estimated Jaccard at least {F(policy.RelayJaccard)}, or at least {F(RelayTracer.MinContainment)} of the campaign text's shingles contained in it), or when it replies into a campaign thread. "
        + "A forwarded or quoted match, or a \"Fwd:\" subject, is a forward; the campaign's text pasted without forward headers is a copy. "
        + "Relayers are listed with the distinct students their relays reached, principals with the distinct teachers theirs reached; Bcc recipients count when the relayer's own Sent copy shows them.",

        "Sign-ups. A student's message is a sign-up when it replies into a campaign thread (its In-Reply-To or References name a campaign message) or is addressed to one of the campaign's senders.",

        "Dates. The timeline counts copies per day by each message's Date in the sender's own time zone, the day the sender saw; registry election dates are marked on it."
        + (sawText ? "" : " The analysis read fingerprints, addresses and ids only, not the texts."),
    ];

    public static IEnumerable<string> Notes(bool custodiansKnown, int withoutMailbox, int undated, bool sawText, int fingerprintNormalisation, int encryptionUnrecorded, int attachmentsUnrecorded = 0, bool registryNamesCandidate = true)
    {
        if (!registryNamesCandidate)
        {
            yield return NoCandidateRegistered;
        }

        // Version 1 read the boilerplate as text (Fingerprinter.NormalisationVersion).
        if (fingerprintNormalisation == 1)
        {
            yield return "This case was scanned by a SolidWall whose fingerprints read what the institution's mail system writes into every message (a gateway's warning above mail from outside, "
                + "a confidentiality notice below staff mail) as text: a relay under such a notice can be missed, and short messages that share a warning can be taken for copies of each other. "
                + "Scan the export again into a new case for blasts and relays without that.";
        }
        else if (fingerprintNormalisation == 2)
        {
            // Version 2 read a mailing list's footer as text.
            yield return "This case was scanned by a SolidWall whose fingerprints read the footer a mailing list writes under every post it passes on (Mailman's, Yahoo! Groups', LISTSERV's) "
                + "as text: a relay through such a list can be missed, and short posts to one list can be taken for copies of each other. "
                + "Scan the export again into a new case for blasts and relays without that.";
        }

        if (encryptionUnrecorded > 0)
        {
            yield return $"{encryptionUnrecorded.ToString("N0", CultureInfo.InvariantCulture)} message(s) were scanned by a SolidWall that did not record whether a message's content is encrypted: "
                + "encrypted messages among them are not in the list of encrypted items, and their verdicts rest on their subject and headers alone. "
                + "Scan the export again into a new case to list them.";
        }

        if (attachmentsUnrecorded > 0)
        {
            yield return $"{attachmentsUnrecorded.ToString("N0", CultureInfo.InvariantCulture)} message(s) were scanned by a SolidWall that did not read attached files: "
                + "a campaign's flyer or letter attached to them (a PDF, a Word or OpenDocument file) was not read, and their verdicts rest on the messages' own text. "
                + "Scan the export again into a new case to read them.";
        }

        yield return "Bcc recipients are known only from the sender's own copy: campaign senders' mailboxes are not in the export, so a campaign message's recipients are those in its To and Cc headers and the owners of the mailboxes holding a copy.";
        yield return "Mail sent to a mailbox that is not in the export is not counted: the figures count only what the exported mailboxes show.";
        if (!custodiansKnown)
        {
            yield return "No custodian list was given, so mailboxes missing from the export cannot be listed.";
        }

        if (withoutMailbox > 0)
        {
            yield return $"{withoutMailbox.ToString("N0", CultureInfo.InvariantCulture)} item(s) could not be tied to a mailbox (no address in the file or folder name, no Delivered-To header): they count as copies at the institution but name no recipient.";
        }

        if (undated > 0)
        {
            yield return $"{undated.ToString("N0", CultureInfo.InvariantCulture)} campaign message(s) have no usable Date: they count in the figures but are in no blast and not on the timeline.";
        }

        if (!sawText)
        {
            yield return "The messages were analysed without their text: a sender could be attributed to a campaign by its fingerprints, links and thread, not by its signature.";
        }

        yield return "Campaign mail the detector classed as allowed is not counted as campaign mail; the detector's verdicts and reasons are kept with every message for review.";
    }

    // Entries `registry suggest` wrote (their ids say so, and a reviewer who keeps an entry keeps its id): named from the
    // archive's own campaign mail, not from a list filed elsewhere, which a reader of the report should know.
    private static string Suggested(Registry registry)
    {
        var suggested = registry.Entries.Count(e => e.Id.StartsWith(RegistrySuggester.IdPrefix, StringComparison.Ordinal));
        return suggested == 0 ? ""
            : string.Create(CultureInfo.InvariantCulture, $" {suggested} of the registry's {registry.Entries.Count} entries were written by `solidwall registry suggest` from campaign mail in the archive itself (their ids begin \"{RegistrySuggester.IdPrefix}\"), not from a list filed elsewhere.");
    }

    // What the registry's being complete, or not, did to the verdicts: only a registry that names a candidate changes how
    // the detector reads a message that names none (Detector, Registry.Complete), and a case scanned before registries
    // said so read every such registry as complete.
    private static string RegistryReading(Registry registry, int reading) =>
        !registry.NamesCandidate ? " No registry entry names a candidate: every message was read as with no registry (the limits of the evidence say what that misses)."
        : registry.Complete
            ? " The registry was marked complete (every campaign of the elections investigated): a message that names no registered campaign or candidate and comes from none was read as naming no campaign."
        : reading < 2
            ? " The registry was read as complete: this case was scanned by a SolidWall from before a registry said whether it lists every campaign, which read a message that names no registered campaign or candidate and comes from none as naming no campaign, so a campaign missing from the registry was found less often than with no registry. Scan the export again into a new case to read such messages as with no registry."
            : " The registry was not marked complete: a message in which it found no registered sender or name was read as with no registry, so that a campaign missing from it is found as it would be without one.";

    /// <summary>
    /// What reading without a registry that names a candidate misses, for the report's limits and `scan`'s note. Held out
    /// on the district set, the detector finds 0.86 of the asks with no registry and 0.96 with the district's
    /// (docs/DETECTION.md): most of the difference is the quiet asks that name only a candidate.
    /// </summary>
    internal const string NoCandidateRegistered =
        "No registry entry names a candidate, so campaign mail that names its campaign only by the candidate's name (no campaign word, disclaimer, campaign sender or donation link: "
        + "\"remember Ms. Zielińska on the 28th\") is found less often than it would be with a registry that names her. "
        + "`solidwall registry suggest` reads the candidates, committees and sending domains that this archive's surest campaign mail names; reviewed, they can be scanned with (--registry) into a new case.";

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
