namespace SolidWall.Core.Demo;

/// <summary>The demo district's name and mail domains, for the commands that scan the archive it generates.</summary>
public static class DemoDistrict
{
    public const string Name = DemoPeople.DistrictName;

    public const string StaffDomain = DemoPeople.StaffDomain;

    public const string StudentDomain = DemoPeople.StudentDomain;

    /// <summary>The mayor's official (not campaign) office, whose mail with the district is listed as coordination.</summary>
    public const string MayorsOfficeDomain = DemoPeople.MayorsOfficeDomain;
}
