namespace SolidWall.Core.Demo;

/// <summary>The words of the demo archive: campaign mail modelled on the 2023 case, and the ordinary and look-alike mail around it.</summary>
internal static class DemoTexts
{
    /// <summary>What the district's gateway puts above every message from outside (Proofpoint's, as districts word it).</summary>
    public const string GatewayWarning =
        "CAUTION: This email originated from outside of Lakeshore Public Schools. Do not click links or open attachments unless you recognize the sender and know the content is safe.";

    /// <summary>And before its subject.</summary>
    public const string GatewayTag = "[EXTERNAL] ";

    /// <summary>What the district's mail system puts below every message its staff send (a transport rule's notice).</summary>
    public const string StaffNotice =
        "CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended recipient(s) and may contain "
        + "confidential information, including student records protected by FERPA. Any unauthorized review, use, disclosure or distribution "
        + "is prohibited. If you are not the intended recipient, please contact the sender and destroy all copies of the original message.";

    public const string OrtizCommittee = "Committee to Re-elect Dana Ortiz";
    public const string OrtizDomain = "reelect-ortiz.example";
    public const string RamanCommittee = "Friends of Priya Raman for Board of Education";
    public const string RamanDomain = "raman4schools.example";

    public static string ExternshipBlast(string greeting, string token, int variant) => variant switch
    {
        0 => $"""
            {greeting}

            I'm reaching out because our campaign is offering a paid-in-experience externship for high school
            students who want to see how a city campaign really works. Externs commit 12 hours a week and can
            earn class credit or service hours for their work with Mayor Ortiz's re-election team.

            We'd be so grateful if you could share this with your students, especially juniors and seniors
            interested in government, communications or public policy. Students can sign up here:
            https://www.mobilize.us/reelectortiz/event/externship/?t={token}

            Externs will help with phone banking, voter outreach and events in the final weeks before the
            February 28 election.

            Thank you for everything you do for our kids,
            Jamie Chen
            Youth Engagement Director, {OrtizCommittee}

            Paid for by the {OrtizCommittee}
            """,
        1 => $"""
            {greeting}

            Do you know a student who would thrive in a real-world civic role? The Ortiz campaign is looking for
            high school externs for 12 hours a week. Externships count for class credit or service hours, and
            students get hands-on experience with voter outreach, phone banks and events.

            Please forward this opportunity to your students! Sign-ups:
            https://www.mobilize.us/reelectortiz/event/externship/?t={token}

            With gratitude,
            Jamie Chen
            Youth Engagement Director, {OrtizCommittee}

            Paid for by the {OrtizCommittee}
            """,
        _ => $"""
            {greeting}

            Nuestra campaña ofrece una pasantía para estudiantes de secundaria: 12 horas a la semana, con crédito
            académico u horas de servicio. Los estudiantes ayudarán con llamadas a votantes, eventos y
            alcance comunitario antes de la elección del 28 de febrero.

            Por favor compártala con sus estudiantes. Inscripciones:
            https://www.mobilize.us/reelectortiz/event/externship/?t={token}

            Gracias,
            Jamie Chen
            Directora de Participación Juvenil, {OrtizCommittee}

            Pagado por el {OrtizCommittee}
            """,
    };

    public static string ExternshipReminder(string greeting, string token) => $"""
        {greeting}

        A quick reminder: there's still time for your students to join the Ortiz campaign externship. It's 12
        hours a week, counts for class credit or service hours, and we have shifts right after school.

        If you haven't yet, please pass this along to your classes:
        https://www.mobilize.us/reelectortiz/event/externship/?t={token}

        Every student who joins helps us reach more voters before February 28.

        Jamie Chen
        {OrtizCommittee}

        Paid for by the {OrtizCommittee}
        """;

    public static string FundraisingBlast(string greeting, string token) => $"""
        {greeting}

        Our end-of-month fundraising deadline is midnight tonight, and we're still $18,000 short. Dana has
        fought for every neighborhood school in this city, and she needs educators like you in her corner.

        Can you chip in $25 before midnight?
        https://secure.actblue.com/donate/ortiz-deadline?refcode=edu&t={token}

        Every dollar goes to reaching voters before February 28.

        Team Ortiz

        Paid for by the {OrtizCommittee}
        """;

    public static string PersonalWebmailAsk(string first) => $"""
        Hi {first},

        It was great meeting you at the community forum last week. I'm helping with the mayor's re-election and
        we're recruiting students for our externship, 12 hours a week and it counts for class credit. Would you
        mention it in your classes? Students can reply to me directly or sign up at
        https://www.mobilize.us/reelectortiz/event/externship/

        Thanks so much,
        Jamie
        (Jamie Chen, youth engagement, Team Ortiz)
        """;

    /// <summary>The petition flyer the Raman blast attaches as a PDF, line by line.</summary>
    public static readonly string[] RamanFlyer =
    [
        "Priya Raman for Board of Education, District 4",
        "Help put a parent and former teacher on the ballot!",
        "Sign and circulate the nominating petition: raman4schools.example/petition",
        "Canvass kickoff Saturday at 10am, Harbor View Park",
        $"Paid for by {RamanCommittee}",
    ];

    public static string RamanBlast(string greeting) => $"""
        {greeting}

        I'm Priya Raman, a parent and former teacher running for the Board of Education in District 4. To get
        on the ballot I need 1,000 valid signatures from registered voters by Friday, and I'm asking educators to
        help collect them at school pickup.

        Can you sign and circulate a nominating petition? Download it here:
        https://raman4schools.example/petition

        And join us Saturday for a canvass kickoff at 10am, Harbor View Park. RSVP:
        https://www.mobilize.us/raman4schools/event/canvass-kickoff/

        Priya

        Paid for by {RamanCommittee}
        """;

    public const string MayorsOfficeRequest = """
        Good morning,

        The Mayor would like to announce the One Summer youth jobs programme together with the district next week.
        Could your office send us the number of students who applied last year and a quote from the superintendent?
        We would also welcome a district representative at the press event on Tuesday at City Hall.

        Press Office, Office of the Mayor
        """;

    public const string CommunicationsReply = """
        Thank you. We can share last year's application figures (1,240 students) and will ask the superintendent's
        office for a quote. Please note the district takes part in official city programmes only, not in any campaign
        event, and our participation should be described that way.

        Office of Communications, Lakeshore Public Schools
        """;

    public static readonly string CampaignAskToCommunications = $"""
        Hello,

        I'm the youth engagement director for Mayor Ortiz's re-election campaign. Would the district newsletter be able
        to include a short item about our student externship? Students volunteer 12 hours a week on voter outreach and
        phone banks and can earn class credit or service hours. Sign-ups are at
        https://www.mobilize.us/reelectortiz/event/externship/

        Happy to send a photo and a paragraph.

        Jamie Chen
        Youth Engagement Director, {OrtizCommittee}

        Paid for by the {OrtizCommittee}
        """;

    public static string RelayNote(int style, string teacherFirst) => style switch
    {
        0 => "Hi everyone, passing this along for anyone looking for service hours or class credit. See below!",
        1 => "Students: this is a great opportunity if you're interested in politics. It counts toward your service hours. Let me know if you sign up.",
        2 => $"FYI for my 4th period. Reply to the campaign if interested. - {teacherFirst}",
        _ => "Estudiantes: aquí está la oportunidad de la que hablamos en clase. Cuenta como horas de servicio.",
    };

    public static string PrincipalPush(string principalFirst) =>
        $"Teachers, please make sure every junior and senior advisory hears about this externship this week. " +
        $"I'd like to see our school well represented. Let me know how many students sign up.\n\n{principalFirst}";

    public static string SignupReply(string studentFirst, int style) => style switch
    {
        0 => $"Hi, my teacher told us about the externship. I'm interested, I can do 12 hours a week after school. How do I get class credit?\n\n{studentFirst}",
        1 => $"Hello, I would like to sign up for the externship. I'm a junior.\n{studentFirst}",
        _ => $"Hola, me interesa la pasantía. ¿Cuándo empiezo?\n{studentFirst}",
    };

    public static readonly string[] NewsletterTopics =
    [
        "Winter assessment window opens Monday; proctoring schedules are attached to the portal.",
        "Reminder that professional development day is Friday; students do not attend.",
        "Our district's attendance rate rose two points this month. Thank you, everyone.",
        "The new reading curriculum pilot continues in 14 schools; feedback forms are due on the 20th.",
        "Snow-day procedures: check the district website by 6am for closures.",
        "Congratulations to the Carver High robotics team on their regional win.",
        "Benefits open enrollment closes at the end of the month.",
        "Please review the updated field trip approval process before booking spring trips.",
    ];

    public static readonly string[] LookAlikes =
    [
        """
        Election Day, Tuesday February 28: several of our buildings serve as polling places. Schools remain in
        session; visitors for voting will enter through the gym doors only. Staff who are registered voters may
        request time to vote per the collective bargaining agreement. The district does not endorse any
        candidate.
        """,
        """
        Seniors who will be 18 by February 28 can register to vote during lunch on Thursday. This nonpartisan
        drive is run with the League of Women Voters; no candidate materials are allowed on school property.
        """,
        """
        Civics lesson plan for next week: students will compare how the two mayoral campaigns raise money,
        using public filings from the Board of Elections. Please do not share campaign sign-up links with
        students; the lesson is about analysing campaigns, not joining them.
        """,
        """
        Ethics reminder from the Office of the Inspector General: district email may not be used for campaign
        work, such as forwarding a candidate's volunteer or "externship" offers to students, fundraising asks or
        event invitations. Report any such messages to the ethics office.
        """,
        """
        The PTA bake sale raised $1,240 for the library! Thank you to every family who donated. Our next
        fundraiser is the spring fun run; sign-up sheets are in the front office.
        """,
        """
        Local School Council elections: nomination forms for parent and community representatives are due
        March 3. Candidates' forum will be held in the auditorium. Voting takes place at each school.
        """,
        """
        Union update: ballots for our building delegate election are due Friday. The contract ratification vote
        is scheduled for March 10. Dues deduction forms are available from your delegate.
        """,
        """
        Our spring enrollment campaign starts next week: open houses at every school, flyers in six languages,
        and a new video. Thank you to the communications team for the marketing campaign materials.
        """,
        """
        The mayor's office One Summer youth employment programme is now accepting applications. It is an
        official, nonpartisan city programme; students earn wages and the district awards elective credit.
        """,
        """
        Article for Friday's current-events discussion: "Mayoral race tightens as early voting begins." Students
        should read it and bring two questions about how news outlets cover polling.
        """,
    ];

    public static readonly string[] Coursework =
    [
        "Your lab report on enzyme activity is due Thursday. Use the template from class and cite your sources.",
        "Great work on the quiz! Remember that chapter 7 reading is due Monday.",
        "Reminder: bring your calculator tomorrow, we're starting the unit on quadratic functions.",
        "Please submit your essay drafts on the class site by Sunday night. Peer review is Tuesday.",
        "Recordatorio: la tarea de vocabulario es para el viernes. ¡Buen trabajo esta semana!",
        "The field trip permission slip is attached. Return it signed by next Wednesday.",
    ];
}
