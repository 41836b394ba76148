using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SolidWall.Core.Detection;
using SolidWall.Mime;

namespace SolidWall.Core.Tests.Detection;

public sealed class DetectorTests
{
    private const string Donation = "Friend, will you chip in $27 for Dana Ortiz for Mayor tonight?\nhttps://secure.actblue.com/donate/ortiz\n\nPaid for by Friends of Dana Ortiz.";

    private sealed class FixedModel(double probability, params (string Term, double Weight)[] terms) : ITextModel
    {
        public Dictionary<string, double> Categories { get; } = [];

        public ModelScore Score(Message message) =>
            new(probability, terms.Select(t => new TermContribution(t.Term, t.Weight)).ToList(), Categories);
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    [Theory]
    [InlineData("priya.mbeki@lakeshore-schools.example", false)]
    [InlineData("priya.mbeki@gmail.example", true)]
    public void AColleaguesQuotedSignOffIsNotTheCandidateSharingHerFirstName(string colleague, bool readAsCandidate)
    {
        // Found by reading the demo archive with the registry `registry suggest` wrote for it: replies quoting colleague
        // Priya Mbeki's "Thanks, Priya" were flagged, 34 of them, once candidate Priya Raman was registered.
        var registry = Registry.Parse("campaigns:\n  - id: raman\n    name: Friends of Priya Raman\n    candidate: Priya Raman\n", "registry.yaml");
        var raw = "From: Aisha Alvarez <aisha.alvarez@lakeshore-schools.example>\r\nTo: Priya Mbeki <" + colleague + ">\r\n"
            + "Subject: Re: Coverage for Thursday?\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Sure, happy to.\r\n\r\nOn Wed, Feb 15, 2023 at 12:59 PM, Priya Mbeki <" + colleague + "> wrote:\r\n"
            + "> Hi Aisha, could you cover my 6th period on Thursday? I have a PD session.\r\n>\r\n> Thanks,\r\n> Priya\r\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(raw);
        var message = MessageNormalizer.Normalize(MimeParser.Parse(bytes), new SolidWall.Mime.Sources.RawMessage("reply.eml", 0, bytes));
        var verdict = new Detector(registry: registry, model: SolidWall.Core.Detection.Model.TextModel.LoadEmbedded()).Classify(message);
        Assert.Equal(readAsCandidate, verdict.Reasons.Any(r => r.Signal.StartsWith("RegisteredCandidate", StringComparison.Ordinal)));
        if (!readAsCandidate)
        {
            Assert.Equal(Verdict.Allowed, verdict.Decision);
        }
    }

    [Fact]
    public void What_the_institutions_mail_system_writes_changes_no_verdict_and_no_evidence()
    {
        // A principal's push under the district's confidentiality notice or its staff group's footer: read as the principal's words, its "unauthorized
        // review, use, disclosure … prohibited" read as a lesson on the rules (DiscussesElectioneering) and its legal
        // words pulled the model down; the same ask from outside under the gateway's warning and "[EXTERNAL]" likewise.
        const string push = "Team,\n\nThe mayor's campaign needs volunteers for Saturday's canvass in the 12th Ward. I expect every grade level "
            + "to send two people; sign up with Ms. Reyes by Thursday. I will remember who steps up when I make next year's schedule.\n\nDr. Teague";
        const string notice = "\n\nCONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) "
            + "and may contain confidential and privileged information, including student records protected by FERPA. Any unauthorized review, use, "
            + "disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender and destroy all copies.";
        const string banner = "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender.\n\n";
        var detector = new Detector(model: SolidWall.Core.Detection.Model.TextModel.LoadEmbedded());
        var inside = detector.Classify(Mail.Of(push, subject: "Saturday", from: "r.teague@lakeshore-schools.example", to: ["staff@lakeshore-schools.example"]));
        var insideWithNotice = detector.Classify(Mail.Of(push + notice, subject: "Saturday", from: "r.teague@lakeshore-schools.example", to: ["staff@lakeshore-schools.example"]));
        const string group = "\n\n--\nYou received this message because you are subscribed to the Google Groups \"Farragut Staff\" group.\n"
            + "To unsubscribe from this group and stop receiving emails from it, send an email to staff+unsubscribe@lakeshore-schools.example.";
        var insideThroughGroup = detector.Classify(Mail.Of(push + group, subject: "Saturday", from: "r.teague@lakeshore-schools.example", to: ["staff@lakeshore-schools.example"]));
        var outside = detector.Classify(Mail.Of(push, subject: "Saturday", from: "field@reelect.example", to: ["staff@lakeshore-schools.example"]));
        var outsideWithBanner = detector.Classify(Mail.Of(banner + push, subject: "[EXTERNAL] Saturday", from: "field@reelect.example", to: ["staff@lakeshore-schools.example"]));
        Assert.Equal(Verdict.Electioneering, inside.Decision);
        foreach (var (plain, written) in new[] { (inside, insideWithNotice), (inside, insideThroughGroup), (outside, outsideWithBanner) })
        {
            Assert.Equal(plain.Score, written.Score);
            Assert.Equal(plain.Categories, written.Categories);
            Assert.Equal(plain.Reasons.Select(r => (r.Signal, r.Weight)), written.Reasons.Select(r => (r.Signal, r.Weight)));
        }

        // Evidence in the text still points at the same words, the banner's length further on.
        var shift = banner.Length;
        Assert.Equal(
            outside.Reasons.SelectMany(r => r.Evidence).Where(e => e.Where == "text").Select(e => (e.Offset + shift, e.Text)),
            outsideWithBanner.Reasons.SelectMany(r => r.Evidence).Where(e => e.Where == "text").Select(e => (e.Offset, e.Text)));
    }

    [Fact]
    public void A_campaigns_meeting_request_with_nothing_but_its_calendar_is_read_and_flagged()
    {
        // Sent from a calendar, not written as mail: the only text the message has is the event's.
        const string request = "From: Kelsey Branham <kelsey@reelect-ortiz.example>\r\nTo: g.henshaw@lakeshore-schools.example\r\n"
            + "Subject: Invitation: Canvass kickoff @ Sat Jan 14, 10am\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/calendar; method=REQUEST; charset=utf-8\r\n\r\n"
            + "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nORGANIZER;CN=Kelsey Branham:mailto:kelsey@reelect-ortiz.example\r\n"
            + "SUMMARY:Canvass kickoff for Mayor Ortiz's re-election\r\nDTSTART;TZID=America/Chicago:20230114T100000\r\n"
            + "LOCATION:Ortiz for Mayor field office\\, 2045 N Lincoln Ave\r\n"
            + "DESCRIPTION:Bring your students\\, they earn service hours! We knock doors for Dana Ortiz in the 12th Ward after the kickoff.\\n"
            + "Sign up: https://www.mobilize.us/reelectortiz/event/581204/\\n\\nPaid for by Friends of Dana Ortiz\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(request);
        var message = MessageNormalizer.Normalize(MimeParser.Parse(bytes), new SolidWall.Mime.Sources.RawMessage("invite.eml", 0, bytes));
        var verdict = new Detector(model: SolidWall.Core.Detection.Model.TextModel.LoadEmbedded()).Classify(message);
        Assert.Equal(Verdict.Electioneering, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.Signal == "PaidForByDisclaimer");
        Assert.All(verdict.Reasons.SelectMany(r => r.Evidence).Where(e => e.Where == "text"),
            e => Assert.Equal(e.Text, message.Text.Substring(e.Offset, e.Length)));
    }

    [Fact]
    public void Signals_only_score_is_the_logistic_of_the_weights_plus_the_bias()
    {
        var verdict = new Detector().Classify(Mail.Of(Donation, links: ["https://secure.actblue.com/donate/ortiz"]));
        Assert.Equal(Verdict.Electioneering, verdict.Decision);
        var sum = verdict.Reasons.Sum(r => r.Weight);
        Assert.Equal(Math.Round(Logistic(sum + Policy.Default.Bias), 4), verdict.Score);
        Assert.Contains(verdict.Reasons, r => r.Signal == "PaidForByDisclaimer");
        Assert.Contains(verdict.Reasons, r => r.Signal == "DonationPlatformLink");
        Assert.Contains(Categories.Fundraising, verdict.Categories);
    }

    [Fact]
    public void With_a_complete_registry_that_names_a_candidate_the_model_runs_with_its_own_intercept()
    {
        // A candidate whose name the message never uses: no registry signal fires, and the intercept alone differs.
        var registry = Registry.Parse(
            """
            complete: true
            campaigns:
              - id: marsh
                name: Marsh for Lakeshore
                candidate: Delia Marsh
            """, "r.yaml");
        var committeesOnly = Registry.Parse(
            """
            complete: true
            committees:
              - name: Better Schools PAC
                domains: [bettersc.example]
            """, "r.yaml");
        var model = new FixedModel(0.7, ("chip in", 1.2));
        var message = Mail.Of(Donation, links: ["https://secure.actblue.com/donate/ortiz"]);
        var without = new Detector(model: model).Classify(message);
        var with = new Detector(registry: registry, model: model).Classify(message);
        var noCandidate = new Detector(registry: committeesOnly, model: model).Classify(message);

        Assert.True(registry.Complete);
        Assert.NotEqual(Policy.Default.ModelBias, Policy.Default.ModelBiasWithoutRegistry);
        Assert.Equal(without.Reasons.Select(r => (r.Signal, r.Weight)), with.Reasons.Select(r => (r.Signal, r.Weight)));
        // Reasons carry their weights to three decimals; the sum is good to about three (within 0.001, not rounded to
        // three places: 0.99148 and 0.9915 round apart).
        var z = without.Reasons.Sum(r => r.Weight) + Policy.Default.ModelBias;
        Assert.Equal(Logistic(z), with.Score, 0.001);
        Assert.Equal(Logistic(z - Policy.Default.ModelBias + Policy.Default.ModelBiasWithoutRegistry), without.Score, 0.001);

        // A registry of committees alone names no candidate: the model reads the mail as without one.
        Assert.Equal(without.Score, noCandidate.Score);
    }

    [Fact]
    public void A_registry_not_marked_complete_reads_a_message_it_finds_nothing_in_as_with_no_registry()
    {
        // The investigator registered one campaign; another one's ask must not become harder to find for it.
        const string Campaign = """
            campaigns:
              - id: marsh
                name: Marsh for Lakeshore
                candidate: Delia Marsh
            """;
        var partial = Registry.Parse(Campaign, "r.yaml");
        var complete = Registry.Parse("complete: true\n" + Campaign, "r.yaml");
        var model = new FixedModel(0.7, ("chip in", 1.2));
        var elsewhere = Mail.Of(Donation, links: ["https://secure.actblue.com/donate/ortiz"]);

        Assert.False(partial.Complete);
        var without = new Detector(model: model).Classify(elsewhere);
        Assert.Equal(without.Score, new Detector(registry: partial, model: model).Classify(elsewhere).Score);
        Assert.Equal(without.Reasons.Select(r => (r.Signal, r.Weight)), new Detector(registry: partial, model: model).Classify(elsewhere).Reasons.Select(r => (r.Signal, r.Weight)));
        Assert.NotEqual(without.Score, new Detector(registry: complete, model: model).Classify(elsewhere).Score);

        // Where the registry finds its campaign, the message is the registry's: its intercept, as with a complete one.
        var named = Mail.Of("Delia Marsh is counting on you: chip in $25 before the deadline so we can keep knocking doors.", "Marsh for Lakeshore");
        var read = new Detector(registry: partial, model: model).Classify(named);
        Assert.Contains(read.Reasons, r => r.Signal.StartsWith("Registered", StringComparison.Ordinal));
        Assert.Equal(Logistic(read.Reasons.Sum(r => r.Weight) + Policy.Default.ModelBias), read.Score, 0.001);
        Assert.Equal(new Detector(registry: complete, model: model).Classify(named).Score, read.Score);
    }

    [Fact]
    public void The_model_adds_its_weighted_logit_and_a_reason_with_located_terms()
    {
        var model = new FixedModel(0.9, ("chip in", 1.2), ("tonight", 0.4), ("absent-term", 0.3), ("friend", -0.2));
        var message = Mail.Of(Donation, links: ["https://secure.actblue.com/donate/ortiz"]);
        var verdict = new Detector(model: model).Classify(message);
        var signals = verdict.Reasons.Where(r => r.Signal != Detector.TextModelSignal).Sum(r => r.Weight);
        var modelLogit = Policy.Default.ModelWeight * Math.Log(0.9 / 0.1);
        Assert.Equal(Math.Round(Logistic(modelLogit + signals + Policy.Default.ModelBiasWithoutRegistry), 4), verdict.Score);
        var reason = verdict.Reasons.Single(r => r.Signal == Detector.TextModelSignal);
        Assert.Equal(Math.Round(modelLogit, 3), reason.Weight);
        Assert.Equal(3, reason.Evidence.Count);
        Assert.Equal(message.Text.IndexOf("chip in", StringComparison.Ordinal), reason.Evidence[0].Offset);
        Assert.Equal(("model", -1), (reason.Evidence[2].Where, reason.Evidence[2].Offset));
    }

    [Fact]
    public void The_placeholder_term_points_at_the_registered_name_it_stands_for()
    {
        var model = new FixedModel(0.9, ("registeredcandidate", 1.5));
        var message = Mail.Of("Saturday morning, Dana's people need ten of us at the door.", "Saturday");
        var reason = new Detector(registry: Mail.SampleRegistry(), model: model).Classify(message).Reasons.Single(r => r.Signal == Detector.TextModelSignal);
        var evidence = reason.Evidence[0];
        Assert.Equal(message.Text.IndexOf("Dana", StringComparison.Ordinal), evidence.Offset);
        Assert.Equal("Dana", evidence.Text);
        Assert.Contains("a registered candidate named", evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_terms_that_point_at_the_same_words_are_one_piece_of_evidence()
    {
        var model = new FixedModel(0.9, ("tonight", 0.4), ("tonight" + SolidWall.Core.Detection.Model.FeatureExtractor.ContextSuffix, 0.3), ("chip in", 0.2));
        var message = Mail.Of(Donation, links: ["https://secure.actblue.com/donate/ortiz"]);
        var reason = new Detector(model: model).Classify(message).Reasons.Single(r => r.Signal == Detector.TextModelSignal);
        Assert.Equal(2, reason.Evidence.Count);
        var tonight = Assert.Single(reason.Evidence, e => e.Text.Equals("tonight", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("model term 'tonight' +0.40; model term 'tonight', beside campaign words +0.30", tonight.Note);
    }

    [Fact]
    public void The_model_reasons_evidence_is_the_terms_on_its_own_side()
    {
        // A reason that weighs against electioneering points at the words that pulled the score down, never at those
        // that pushed it up: "TextModel -5.5" beside "model term 'domingo' +0.24" read as a contradiction.
        var terms = new[] { ("drill", -0.6), ("tonight", 0.4), ("folder", -0.3), ("chip in", 0.2) };
        var message = Mail.Of("The fire drill is tonight. Chip in with the red folder.", "Monday");
        var against = new Detector(model: new FixedModel(0.1, terms)).Classify(message);
        var down = against.Reasons.Single(r => r.Signal == Detector.TextModelSignal);
        Assert.True(down.Weight < 0);
        Assert.Equal(["drill", "folder"], down.Evidence.Select(e => e.Text));
        Assert.Equal(["model term 'drill' -0.60", "model term 'folder' -0.30"], down.Evidence.Select(e => e.Note));

        var forIt = new Detector(model: new FixedModel(0.9, terms)).Classify(message);
        var up = forIt.Reasons.Single(r => r.Signal == Detector.TextModelSignal);
        Assert.True(up.Weight > 0);
        Assert.Equal(["tonight", "Chip in"], up.Evidence.Select(e => e.Text));
        Assert.Equal(["model term 'tonight' +0.40", "model term 'chip in' +0.20"], up.Evidence.Select(e => e.Note));
    }

    [Fact]
    public void A_terms_weight_reads_as_the_format_plus_two_decimals_writes_it()
    {
        // The model's weights are floats: the nearest to every half-hundredth from -20 to 20, where the format must round
        // one way or the other, every eighth (exact halves such as 0.125 and 2.375), and 20,000 others at random.
        var random = new Random(20261129);
        var weights = Enumerable.Range(-2000, 4001).Select(i => i / 100f + 0.005f)
            .Concat(Enumerable.Range(-160, 321).Select(i => i / 8f))
            .Concat(Enumerable.Range(0, 20_000).Select(_ => (float)((random.NextDouble() - 0.5) * 40)));
        foreach (var w in weights)
        {
            var expected = ((double)w).ToString("+0.00;-0.00", System.Globalization.CultureInfo.InvariantCulture);
            var shown = Detector.Weighed(w);
            // A weight that rounds to nothing has no sign (the format wrote "+0.00", or "-+0.00" for a small negative one).
            Assert.True(expected == shown || (expected is "+0.00" or "-+0.00" && shown == "0.00"), $"{w:R}: {shown} against {expected}");
        }
    }

    [Fact]
    public void With_a_model_the_policys_category_weights_decide_which_categories_a_verdict_names()
    {
        var model = new FixedModel(0.95) { Categories = { [Categories.Event] = 0.9, [Categories.Polling] = 0.001 } };
        var message = Mail.Of("Saturday at ten, in the gym: come hear the mayor and bring your neighbours.", "Saturday");
        var shipped = new Detector(model: model).Classify(message);
        Assert.Equal(Verdict.Electioneering, shipped.Decision);
        Assert.Contains(Categories.Event, shipped.Categories);
        Assert.DoesNotContain(Categories.Polling, shipped.Categories);

        // Each named category says why: its log-odds above zero, the model's probability, the signals that named it.
        var why = Assert.IsAssignableFrom<IReadOnlyList<CategoryReason>>(shipped.CategoryReasons);
        Assert.Equal(shipped.Categories, why.Select(r => r.Category));
        var evt = why.Single(r => r.Category == Categories.Event);
        Assert.True(evt.LogOdds > 0);
        Assert.Equal(0.9, evt.Model);
        Assert.All(evt.Signals, s => Assert.Contains(shipped.Reasons, r => r.Signal == s));
        Assert.Contains("\"categoryReasons\":[{\"category\":", shipped.ToJson(), StringComparison.Ordinal);
        Assert.StartsWith("event: log-odds +", evt.ToString(), StringComparison.Ordinal);

        // Without a model the categories are the signals' union, and no decision is there to explain.
        var signalsOnly = new Detector().Classify(Mail.Of(Donation, links: ["https://secure.actblue.com/donate/ortiz"]));
        Assert.NotEmpty(signalsOnly.Categories);
        Assert.Null(signalsOnly.CategoryReasons);
        Assert.DoesNotContain("categoryReasons", signalsOnly.ToJson(), StringComparison.Ordinal);

        var policy = Policy.Parse("categories:\n  event:\n    bias: -50\n  polling:\n    bias: 50\n", "policy.yaml");
        var overridden = new Detector(policy, model: model).Classify(message);
        Assert.DoesNotContain(Categories.Event, overridden.Categories);
        Assert.Contains(Categories.Polling, overridden.Categories);

        // When no category clears zero, the verdict still names one: the likeliest by the same log-odds.
        var none = Policy.Parse(string.Concat(Categories.All.Select(c => $"  {c}:\n    bias: -50\n")).Insert(0, "categories:\n"), "policy.yaml");
        var likeliest = new Detector(none, model: model).Classify(message);
        Assert.Equal([Categories.Event], likeliest.Categories);
        Assert.True(Assert.Single(likeliest.CategoryReasons!).LogOdds < 0);
    }

    [Theory]
    [InlineData(TrainingReadings.DistrictRegistry)]
    [InlineData(TrainingReadings.NoRegistry)]
    [InlineData(TrainingReadings.NoTextModel)]
    public void A_verdicts_score_is_the_logistic_of_its_intercept_and_its_reasons_weights(string reading)
    {
        // The sum a reviewer can do with the verdict alone, over every training message.
        var detector = TrainingReadings.Detector(reading);
        var keys = new HashSet<string>();
        foreach (var example in TrainingReadings.Examples())
        {
            var verdict = detector.Classify(example.AsMessage());
            var intercept = Assert.IsType<Intercept>(verdict.Intercept);
            keys.Add(intercept.Key);
            var z = intercept.Weight + verdict.Reasons.Sum(r => r.Weight);
            // The weights are rounded to three decimals and the score to four.
            Assert.True(Math.Abs((1 / (1 + Math.Exp(-z))) - verdict.Score) <= 0.0015, $"{example.Id}: score {verdict.Score}, intercept and reasons give {1 / (1 + Math.Exp(-z))}");
        }

        string[] expected = reading switch
        {
            TrainingReadings.NoTextModel => ["score.bias"],
            TrainingReadings.NoRegistry => ["score.model_bias_without_registry"],
            _ => ["score.model_bias"], // the district's registry names candidates and is complete: every message is read with it
        };
        Assert.Equal(expected.Order(), keys.Order());
    }

    [Fact]
    public void A_verdict_names_its_intercept_by_its_policy_key_and_reading()
    {
        var model = SolidWall.Core.Detection.Model.TextModel.LoadEmbedded();
        var verdict = new Detector(model: model).Classify(Mail.Of("Reminder: permission slips for the aquarium field trip are due Friday.", "Field trip"));
        Assert.Equal(new Intercept(Math.Round(Policy.Default.ModelBiasWithoutRegistry, 3), "score.model_bias_without_registry", "mail no registry names a campaign in"), verdict.Intercept);
        Assert.Contains("\"intercept\":{\"weight\":", verdict.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"key\":\"score.model_bias_without_registry\",\"reading\":\"mail no registry names a campaign in\"}", verdict.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowed_verdict_over_the_threshold_says_only_the_intercept_lifted_it()
    {
        var model = SolidWall.Core.Detection.Model.TextModel.LoadEmbedded();
        var message = Mail.Of("Reminder: permission slips for the aquarium field trip are due Friday. Thanks!", "Field trip");

        // An intercept of +6 for mail no registry names a campaign in: the model leans against this note, and the score
        // is over the threshold all the same; nothing weighs for electioneering, so the note is allowed, and says why.
        var lifted = Policy.Parse("score:\n  model_bias_without_registry: 6\n", "policy.yaml");
        var held = new Detector(lifted, model: model).Classify(message);
        Assert.False(held.IsElectioneering);
        Assert.True(held.Score >= lifted.Threshold, $"{held.Score}");
        Assert.All(held.Reasons, r => Assert.True(r.Weight <= 0, r.Signal));
        Assert.NotNull(held.Held);
        Assert.Contains("on the intercept alone (+6.00, mail no registry names a campaign in)", held.Held, StringComparison.Ordinal);
        Assert.Contains("\"held\":\"score over the threshold (0.5)", held.ToJson(), StringComparison.Ordinal);

        // Under the shipped intercepts the same note scores under the threshold and says nothing more.
        var plain = new Detector(model: model).Classify(message);
        Assert.True(plain.Score < 0.5, $"{plain.Score}");
        Assert.Null(plain.Held);
        Assert.DoesNotContain("\"held\"", plain.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_model_reads_a_registered_candidates_name_only_with_the_registry()
    {
        var model = SolidWall.Core.Detection.Model.TextModel.LoadEmbedded();
        var message = Mail.Of("Saturday morning, Dana's people need ten of us at the door. Bring a friend.", "Saturday");
        var with = model.Score(message, Mail.SampleRegistry());
        var without = model.Score(message);
        Assert.Contains(with.TopTerms, t => t.Term == "registeredcandidate");
        Assert.DoesNotContain(without.TopTerms, t => t.Term == "registeredcandidate");
        Assert.Equal(without.Probability, model.Score(message, Registry.Empty).Probability);
    }

    [Fact]
    public void A_quoted_model_term_points_at_the_word_in_the_text_not_the_subject()
    {
        var model = new FixedModel(0.9, ("> tonight", 1.0));
        var message = Mail.Of("No thanks, not at work.\n\n> Chip in tonight, friend.", "tonight?");
        var reason = new Detector(model: model).Classify(message).Reasons.Single(r => r.Signal == Detector.TextModelSignal);
        var evidence = reason.Evidence[0];
        Assert.Equal("text", evidence.Where);
        Assert.Equal(message.Text.IndexOf("tonight", StringComparison.Ordinal), evidence.Offset);
        Assert.Contains("model term 'tonight', quoted", evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_term_counted_beside_campaign_words_points_at_the_word()
    {
        var model = new FixedModel(0.9, ("window" + SolidWall.Core.Detection.Model.FeatureExtractor.ContextSuffix, 1.0),
            (SolidWall.Core.Detection.Model.WorldNames.Placeholder + SolidWall.Core.Detection.Model.FeatureExtractor.ContextSuffix, 0.5));
        var message = Mail.Of("Dana's campaign asks: hang the sign in your window.", "Signs");
        var reason = new Detector(registry: Mail.SampleRegistry(), model: model).Classify(message).Reasons.Single(r => r.Signal == Detector.TextModelSignal);
        Assert.Equal(message.Text.IndexOf("window", StringComparison.Ordinal), reason.Evidence[0].Offset);
        Assert.Contains("model term 'window', beside campaign words", reason.Evidence[0].Note, StringComparison.Ordinal);
        Assert.Equal("Dana", reason.Evidence[1].Text);
        Assert.Contains("a registered candidate named", reason.Evidence[1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_term_read_above_a_quote_points_at_the_writers_word()
    {
        var model = new FixedModel(0.9, ("advisory" + SolidWall.Core.Detection.Model.FeatureExtractor.ReplySuffix, 1.0));
        var message = Mail.Of("Please share with your advisory.\n\n> Walk with us on Saturday.", "Fwd: Saturday");
        var evidence = new Detector(model: model).Classify(message).Reasons.Single(r => r.Signal == Detector.TextModelSignal).Evidence[0];
        Assert.Equal(message.Text.IndexOf("advisory", StringComparison.Ordinal), evidence.Offset);
        Assert.Contains("model term 'advisory', the writer's own words above what they quote", evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_signals_run_when_the_model_alone_leans_towards_electioneering()
    {
        // A report to the ethics office: no positive signal, the model at 0.8. The report's counter-signal must still count.
        var report = Mail.Of("Third campaign email this week at my school address. Please make them stop.", "Fw: a personal note", from: "j.h@lakeshore-schools.example", to: ["ethics@lakeshore-schools.example"]);
        var leaning = new Detector(model: new FixedModel(0.8, ("campaign", 1.0))).Classify(report);
        var counter = Assert.Single(leaning.Reasons, r => r.Signal == "ReportToOversight");
        Assert.True(counter.Weight < 0);
        Assert.Equal(Verdict.Allowed, leaning.Decision);

        // With the model below one half and no positive signal, nothing pushed the score up: counter-signals do not run.
        var quiet = new Detector(model: new FixedModel(0.3, ("campaign", 1.0))).Classify(report);
        Assert.DoesNotContain(quiet.Reasons, r => r.Signal == "ReportToOversight");
    }

    [Theory]
    [InlineData("team@reelect-dana-ortiz.example", "teacher@district.example", "Chip in $27 before midnight.", false)] // the campaign's own ask
    [InlineData("t.jones@district.example", "staff@district.example", "Chip in $27 before midnight.", true)] // staff passing it on
    [InlineData("t.jones.home@gmail.example", "teacher@district.example", "Chip in $27 before midnight.", true)] // from a personal mailbox
    [InlineData("team@reelect-dana-ortiz.example", "teacher@district.example", "Chip in $27, and please hand out these flyers at pickup.", true)]
    [InlineData("equipo@reyesparalakeshore.example", "maestra@district.example", "Done $20 y reparta los volantes en la escuela.", true)]
    public void Literature_needs_a_relay_an_insider_or_an_ask_to_hand_material_out(string from, string to, string text, bool literature)
    {
        var model = new FixedModel(0.97, ("chip", 2.0));
        model.Categories[Categories.Fundraising] = 0.9;
        model.Categories[Categories.Literature] = 0.7;
        var verdict = new Detector(model: model).Classify(Mail.Of(text, "Tonight", from: from, to: [to]));
        Assert.True(verdict.IsElectioneering);
        Assert.Contains(Categories.Fundraising, verdict.Categories);
        Assert.Equal(literature, verdict.Categories.Contains(Categories.Literature));
    }

    [Theory]
    [InlineData("principal@district.example", "staff@district.example", "I told Kurt's people we'd send ten staff Saturday. I remember who steps up.", true)]
    [InlineData("t.jones@district.example", "period3@students.district.example", "Bring a signed card from Saturday for extra credit.", true)]
    [InlineData("director@district.example", "maestros@district.example", "Me acuerdo de quién ayuda cuando hago los horarios.", true)]
    [InlineData("team@reelect-dana-ortiz.example", "teacher@district.example", "Extra credit for your students if they volunteer Saturday!", false)] // no one's supervisor
    [InlineData("principal@district.example", "staff@district.example", "Saturday we knock doors for Kurt. Bring water.", false)] // no pressure
    [InlineData("t.dupont@district.example", "eleves@students.district.example", "Samedi au rassemblement : deux points en bonus pour ceux qui viennent.", true)]
    [InlineData("dyrektor@district.example", "staff@district.example", "W sobotę idziemy z ulotkami. Zapamiętam, kto przyszedł.", true)]
    [InlineData("direktè@district.example", "staff@district.example", "Samdi nou fè pòt an pòt. M ap sonje kiyès ki vini.", true)]
    [InlineData("guro@district.example", "klase@students.district.example", "Sa Sabado, may dagdag na puntos ang sasama sa rally.", true)]
    [InlineData("vchytel@district.example", "klas@students.district.example", "У суботу мітинг: +10 балів до лабораторних за селфі.", true)]
    [InlineData("mudir@district.example", "staff@district.example", "الحضور يوم السبت إلزامي لكل المعلمين.", true)]
    [InlineData("laoshi@district.example", "ban@students.district.example", "星期六来参加集会的同学加分。", true)]
    [InlineData("hieutruong@district.example", "staff@district.example", "Thứ Bảy đi phát tờ rơi, tôi sẽ nhớ ai có mặt.", true)]
    [InlineData("hieutruong@district.example", "staff@district.example", "Thứ Bảy đi phát tờ rơi. Tôi đánh giá cao sự giúp đỡ của mọi người.", false)] // appreciation, not an evaluation
    // Leverage: what the asker hands out, grades and privileges, and the watching that makes it felt.
    [InlineData("foreman@district.example", "crew@district.example", "Saturday we walk for Frank. I'm doing the summer shifts list in March, you all know how that works.", true)]
    [InlineData("coach@district.example", "team@students.district.example", "Saturday we hand out Luis's cards. Whoever skips runs laps Monday; the rest get a homework pass.", true)]
    [InlineData("t.kim@district.example", "period2@students.district.example", "Saturday's rally poster is 30% of your quarter grade.", true)]
    [InlineData("director@district.example", "maestros@district.example", "El sábado vamos con Ana. Voy a pasar lista en la puerta.", true)]
    [InlineData("kierownik@district.example", "staff@district.example", "W sobotę ulotki dla Franka. Zobaczę, kto jest z nami, jak będę rozdzielał nadgodziny.", true)]
    [InlineData("laoshi@district.example", "club@students.district.example", "星期六参加集会，没来的同学，社团证书我就不签了。", true)]
    // From a personal mailbox, a colleague's leverage is still leverage; a campaign's own domain is nobody's supervisor.
    [InlineData("gwen1968@gmail.example", "staff@district.example", "Not school business, so it's from this account. Saturday 9 to noon; I'll be there and I'll notice.", true)]
    [InlineData("team@reelect-dana-ortiz.example", "staff@district.example", "Saturday 9 to noon; I'll be there and I'll notice who comes.", false)]
    [InlineData("principal@district.example", "staff@district.example", "Saturday we knock doors for Kurt. The overtime issue is on his list too.", false)] // a topic, not a sheet he keeps
    public void Coercion_is_an_insiders_pressure_wherever_it_stands(string from, string to, string text, bool coercion)
    {
        // The rule is one input of the fitted category decision (Policy.CategoryWeights): it names coercion where the
        // model is unsure (here one chance in ten), not against a model sure there is none.
        var model = new FixedModel(0.97, ("saturday", 2.0));
        model.Categories[Categories.VolunteerRecruitment] = 0.9;
        model.Categories[Categories.Coercion] = 0.1;
        var message = Mail.Of(text, "Saturday", from: from, to: [to]);
        var verdict = new Detector(model: model).Classify(message);
        Assert.True(verdict.IsElectioneering);
        Assert.Equal(coercion, verdict.Categories.Contains(Categories.Coercion));

        model.Categories[Categories.Coercion] = 0.0001;
        Assert.DoesNotContain(Categories.Coercion, new Detector(model: model).Classify(message).Categories);
    }

    [Theory]
    [InlineData("jedyn…", "Jedynka")]
    [InlineData("0th and", "5th and")]
    [InlineData("00 (campaign context)", "28")]
    public void Model_evidence_points_at_the_words_as_written(string term, string expected)
    {
        const string text = "Kochani, w niedzielę 28 głosujcie TAK na Jedynka. Spotkanie na 5th and Main.";
        var verdict = new Detector(model: new FixedModel(0.97, (term, 2.0))).Classify(Mail.Of(text, "Niedziela"));
        var evidence = Assert.Single(verdict.Reasons, r => r.Signal == "TextModel").Evidence.Single(e => e.Note?.StartsWith("model term", StringComparison.Ordinal) == true);
        Assert.Equal("text", evidence.Where);
        Assert.Equal(expected, text.Substring(evidence.Offset, evidence.Length));
    }

    [Fact]
    public void Coercion_rule_never_makes_a_message_electioneering()
    {
        var verdict = new Detector(model: new FixedModel(0.02)).Classify(Mail.Of("Names by Thursday for the spring musical, I remember who steps up.", "Musical", from: "principal@district.example", to: ["staff@district.example"]));
        Assert.False(verdict.IsElectioneering);
        Assert.Empty(verdict.Categories);
    }

    [Fact]
    public void With_no_category_named_the_verdict_takes_the_likeliest_by_the_fitted_decision()
    {
        var model = new FixedModel(0.97, ("zzz", 2.0));
        model.Categories[Categories.Event] = 0.3;
        model.Categories[Categories.Coercion] = 0.4;
        model.Categories[Categories.Literature] = 0.1;
        var verdict = new Detector(model: model).Classify(Mail.Of("A plain note.", "Hello"));
        Assert.True(verdict.IsElectioneering);

        // No signal fired and none of the three clears zero; the likeliest is the one with the highest log-odds, which
        // weighs each category's base rate too (coercion is rarer than events, and 0.4 is not enough to outrank 0.3).
        var logOdds = Categories.All.ToDictionary(c => c, c => Policy.Default.CategoryWeights[c].LogOdds(
            Math.Log(Math.Clamp(model.Categories.GetValueOrDefault(c), 1e-6, 1 - 1e-6) / (1 - Math.Clamp(model.Categories.GetValueOrDefault(c), 1e-6, 1 - 1e-6))), [], rule: false));
        Assert.All(logOdds.Values, z => Assert.True(z <= 0));
        Assert.Equal([logOdds.MaxBy(kv => kv.Value).Key], verdict.Categories);
        Assert.Contains(verdict.Categories.Single(), (string[])[Categories.Event, Categories.Coercion]);
    }

    [Fact]
    public void A_model_alone_can_decide_and_still_points_into_the_message()
    {
        var model = new FixedModel(0.97, ("zzz", 2.0));
        model.Categories[Categories.Polling] = 0.8;
        model.Categories[Categories.Petition] = 0.1;
        var verdict = new Detector(model: model).Classify(Mail.Of("A plain note.", "Hello"));
        Assert.True(verdict.IsElectioneering);
        Assert.Equal([Categories.Polling], verdict.Categories);
        var evidence = verdict.Reasons.Single(r => r.Signal == Detector.TextModelSignal).Evidence[0];
        Assert.Equal(("subject", 0), (evidence.Where, evidence.Offset));

        // The model leaning towards electioneering lets the counter-signals run: the note names no campaign.
        Assert.True(verdict.Reasons.Single(r => r.Signal == "NoCampaignContext").Weight < 0);
    }

    [Fact]
    public void A_low_model_probability_pulls_the_score_down()
    {
        var message = Mail.Of("Vote for Dana Ortiz on Tuesday.");
        var without = new Detector().Classify(message);
        var with = new Detector(model: new FixedModel(0.01)).Classify(message);
        Assert.True(with.Score < without.Score);
        Assert.False(with.IsElectioneering);
    }

    [Fact]
    public void Reasons_are_sorted_by_weight_strongest_first()
    {
        var verdict = new Detector(registry: Mail.SampleRegistry(), model: new FixedModel(0.6, ("ortiz", 1)))
            .Classify(Mail.Of(Donation, from: "dana@reelect-dana-ortiz.example", links: ["https://secure.actblue.com/donate/ortiz"]));
        Assert.True(verdict.Reasons.Count >= 4);
        Assert.Equal(verdict.Reasons.OrderByDescending(r => r.Weight).Select(r => r.Signal), verdict.Reasons.Select(r => r.Signal));
        Assert.Equal("RegisteredSender", verdict.Reasons[0].Signal);
    }

    [Fact]
    public void The_policy_threshold_and_weights_decide()
    {
        var message = Mail.Of("Paid for by Friends of Dana Ortiz.");
        var strict = Policy.Parse("score:\n  bias: -3\nsignal_weights:\n  PaidForByDisclaimer: 4\n", "p.yaml");
        Assert.True(new Detector(strict).Classify(message).IsElectioneering);
        Assert.False(new Detector(Policy.Parse("threshold: 0.9\n", "p.yaml", strict)).Classify(message).IsElectioneering);
        var off = new Detector(Policy.Parse("signal_weights:\n  PaidForByDisclaimer: 0\n", "p.yaml", strict)).Classify(message);
        Assert.False(off.IsElectioneering);
        Assert.DoesNotContain(off.Reasons, r => r.Signal == "PaidForByDisclaimer");
    }

    [Fact]
    public void An_allowlisted_sender_stays_allowed_and_says_why()
    {
        var policy = Policy.Parse("allowlist:\n  domains: [reelect-dana-ortiz.example]\n", "p.yaml");
        var verdict = new Detector(policy).Classify(Mail.Of(Donation, from: "dana@reelect-dana-ortiz.example"));
        Assert.False(verdict.IsElectioneering);
        Assert.Empty(verdict.Categories);
        Assert.Equal("AllowlistedSender", verdict.Reasons[^1].Signal);
    }

    [Fact]
    public void Allowed_messages_have_no_categories()
    {
        var verdict = new Detector().Classify(Mail.Of("Schools are closed on election day, Tuesday, Feb 28. Polling places open at 6."));
        Assert.Equal(Verdict.Allowed, verdict.Decision);
        Assert.Empty(verdict.Categories);
        Assert.DoesNotContain(verdict.Reasons, r => r.Weight > 0);
    }

    [Fact]
    public void The_json_has_the_documented_shape()
    {
        var verdict = new Detector().Classify(Mail.Of(Donation, links: ["https://secure.actblue.com/donate/ortiz"]));
        using var doc = JsonDocument.Parse(verdict.ToJson());
        var root = doc.RootElement;
        Assert.Equal(["source", "offset", "messageId", "verdict", "score", "categories", "reasons", "intercept"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["weight", "key", "reading"], root.GetProperty("intercept").EnumerateObject().Select(p => p.Name));
        Assert.Equal("electioneering", root.GetProperty("verdict").GetString());
        Assert.Equal("t@test", root.GetProperty("messageId").GetString());
        var reason = root.GetProperty("reasons")[0];
        Assert.Equal(["signal", "weight", "evidence"], reason.EnumerateObject().Select(p => p.Name));
        var evidence = reason.GetProperty("evidence")[0];
        Assert.Equal("where", evidence.EnumerateObject().First().Name);
        Assert.True(evidence.TryGetProperty("offset", out _));
    }

    [Fact]
    public void Every_signal_in_the_catalog_has_a_unique_name_and_known_categories()
    {
        Assert.Equal(SignalCatalog.All.Count, SignalCatalog.Names.Distinct().Count());
        Assert.All(SignalCatalog.All, s => Assert.All(s.Categories, c => Assert.True(Categories.IsKnown(c), c)));
        Assert.Contains(Detector.TextModelSignal, Detector.SignalNames);
    }

    private static readonly string[] Phrases =
    [
        "Paid for by Friends of Dana Ortiz", "chip in", "vote for Dana Ortiz", "externship for class credit with our campaign",
        "rally for the candidate", "nominating petitions for the ballot", "take our quick poll for the campaign", "candidate questionnaire",
        "counts toward your grade for the campaign", "PTA fundraiser", "Local School Council election", "nonpartisan", "polling place",
        "vota por Reyes", "pagado por Amigos", "https://secure.actblue.com/x", "\u0130", "\0", "  \r\n> quoted", "é", "ß",
    ];

    [Fact]
    public void Any_message_never_throws_and_electioneering_always_points_into_the_message()
    {
        var detector = new Detector(registry: Mail.SampleRegistry(), model: new FixedModel(0.5, ("for", 0.2)));
        var text = Gen.Elements(Phrases).Or(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))
            .ListOf().Select(parts => string.Join(' ', parts));
        var messages =
            from body in text
            from subject in Gen.Elements<string?>(null, "", "Vote for Dana Ortiz", "Hi")
            from sender in Gen.Elements("a@b.example", "dana@reelect-dana-ortiz.example", "x@", "@")
            from links in Gen.Elements<string[]>([], ["https://secure.actblue.com/x"], ["not a url", "http://[::1"], ["https://t.example/?u=%"])
            from kind in Gen.Elements(SegmentKind.Body, SegmentKind.Forward, SegmentKind.Quote)
            select Mail.Of(body, subject, sender, links, [new Segment(kind, body.Length > 3 ? body[(body.Length / 2)..] : body, "On Mon X wrote:")]);

        Prop.ForAll(messages.ToArbitrary(), message =>
        {
            var verdict = detector.Classify(message);
            var points = verdict.Reasons.SelectMany(r => r.Evidence).Any(e => e.Offset >= 0 && e.Where is "text" or "subject" or "link" or "from");
            return verdict.Score is >= 0 and <= 1 && (!verdict.IsElectioneering || (points && verdict.Categories.Count > 0));
        }).QuickCheckThrowOnFailure();
    }
}
