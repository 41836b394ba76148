using SolidWall.Core.Analysis;

namespace SolidWall.Core.Tests.Analysis;

public sealed class DisclaimerCommitteeTests
{
    [Theory]
    [InlineData("Thanks!\n\nPaid for by the Committee to Re-elect Dana Ortiz\n", "Committee to Re-elect Dana Ortiz")]
    [InlineData("Pagado por el Committee to Re-elect Dana Ortiz", "Committee to Re-elect Dana Ortiz")]
    [InlineData("Paid for by Friends of Priya Raman for Board of Education", "Friends of Priya Raman for Board of Education")]
    [InlineData("Paid for by Doe for Mayor, Inc. and not authorized by any candidate or candidate's committee.", "Doe for Mayor")]
    [InlineData("PAID FOR BY Friends of J. Smith. www.jsmith.example", "Friends of J. Smith")]
    [InlineData("Authorized by Lee for Council | 123 Main St", "Lee for Council")]
    [InlineData("Paid for byMark Lopez for Alderman, 42 Elm Street", "Mark Lopez for Alderman")]
    public void Reads_the_committee_a_disclaimer_names(string text, string committee) => Assert.Equal(committee, DisclaimerCommittee.Find(text));

    [Theory]
    [InlineData("The field trip is paid for by the PTA.")]
    [InlineData("Lunch is paid for by the district this week.")]
    [InlineData("Not authorized by any candidate or candidate's committee.")]
    [InlineData("Your tuition is paid for by your scholarship fund")]
    [InlineData("No disclaimer here at all.")]
    public void Innocent_payers_name_no_committee(string text) => Assert.Null(DisclaimerCommittee.Find(text));
}
