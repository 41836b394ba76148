using FsCheck;
using FsCheck.Fluent;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

public sealed class CalendarTextTests
{
    // A meeting request as Outlook writes it: a time zone, an alarm inside the event, folded lines, escaped text.
    private const string Request = """
        BEGIN:VCALENDAR
        METHOD:REQUEST
        PRODID:Microsoft Exchange Server 2010
        VERSION:2.0
        BEGIN:VTIMEZONE
        TZID:Central Standard Time
        BEGIN:STANDARD
        DTSTART:16010101T020000
        TZOFFSETFROM:-0500
        TZOFFSETTO:-0600
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        ORGANIZER;CN="Kelsey Branham":mailto:kelsey@reelect-ortiz.example
        ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Gail Henshaw:mailto:g.henshaw@district.example
        DESCRIPTION;LANGUAGE=en-US:Bring your students\, they earn service hours!\nSi
         gn up: https://www.mobilize.us/reelectortiz/event/581204/\n\nPaid for by Fri
         ends of Dana Ortiz
        SUMMARY;LANGUAGE=en-US:Canvass kickoff with Mayor Ortiz
        DTSTART;TZID=Central Standard Time:20230114T100000
        DTEND;TZID=Central Standard Time:20230114T120000
        LOCATION;LANGUAGE=en-US:Lincoln Park field house\; 2045 N Lincoln Ave
        BEGIN:VALARM
        DESCRIPTION:REMINDER
        TRIGGER;RELATED=START:-PT15M
        ACTION:DISPLAY
        END:VALARM
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public void A_meeting_request_reads_as_its_title_time_place_organiser_and_description()
    {
        Assert.Equal(
            """
            Canvass kickoff with Mayor Ortiz
            When: Saturday 14 January 2023, 10:00 (Central Standard Time) – Saturday 14 January 2023, 12:00 (Central Standard Time)
            Where: Lincoln Park field house; 2045 N Lincoln Ave
            Organizer: Kelsey Branham <kelsey@reelect-ortiz.example>

            Bring your students, they earn service hours!
            Sign up: https://www.mobilize.us/reelectortiz/event/581204/

            Paid for by Friends of Dana Ortiz
            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            CalendarText.Convert(Request.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Several_events_are_read_in_turn_and_an_alarm_or_a_time_zone_is_no_event()
    {
        const string two = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            SUMMARY:Phone bank
            DTSTART:20230117T230000Z
            END:VEVENT
            BEGIN:VTODO
            SUMMARY:Drop off yard signs
            DUE;VALUE=DATE:20230120
            END:VTODO
            END:VCALENDAR
            """;
        Assert.Equal("Phone bank\nWhen: Tuesday 17 January 2023, 23:00 UTC\n\nDrop off yard signs\nDue: Friday 20 January 2023", CalendarText.Convert(two));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a calendar at all")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:X\nEND:VTIMEZONE\nEND:VCALENDAR")]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VEVENT\nEND:VCALENDAR")]
    public void A_calendar_without_words_to_read_gives_none(string calendar) => Assert.Equal("", CalendarText.Convert(calendar));

    [Fact]
    public void A_calendar_cut_short_still_gives_the_event_it_began_and_odd_values_stay_as_written()
    {
        const string cut = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Rally\nDTSTART:next Saturday\nDESCRIPTION:ends with a lone backslash \\";
        Assert.Equal("Rally\nWhen: next Saturday\n\nends with a lone backslash \\", CalendarText.Convert(cut));
    }

    [Fact]
    public void A_published_calendar_is_read_to_its_first_events_only()
    {
        var calendar = "BEGIN:VCALENDAR\n" + string.Concat(Enumerable.Range(1, 60).Select(i => $"BEGIN:VEVENT\nSUMMARY:Event {i}\nEND:VEVENT\n")) + "END:VCALENDAR\n";
        var text = CalendarText.Convert(calendar);
        Assert.Equal(CalendarText.MaxComponents, text.Split("\n\n").Length);
        Assert.EndsWith($"Event {CalendarText.MaxComponents}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_text_is_read_without_throwing()
    {
        // Pieces of calendars in any order: unbalanced BEGIN and END, folds at odd places, quotes left open, escapes at the end.
        var pieces = Gen.OneOf(
            Gen.Elements("BEGIN:VEVENT\n", "END:VEVENT\n", "BEGIN:VALARM\n", "END:VALARM\n", "BEGIN:VTODO\n", "END:VCALENDAR\n", "SUMMARY:", "DESCRIPTION;X=\"a:b\":",
                "DTSTART;TZID=X:", "DUE:", "ORGANIZER;CN=\"", "mailto:", "20230114T100000", "Z", "\\", "\\n", "\\,", "\n ", "\r\n\t", ";", ":", "\"", "\uD800"),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));
        Prop.ForAll(pieces.ListOf().Select(l => string.Concat(l)).ToArbitrary(), text => CalendarText.Convert(text) is not null).QuickCheckThrowOnFailure();
    }
}
