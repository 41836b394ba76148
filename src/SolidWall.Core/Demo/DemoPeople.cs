namespace SolidWall.Core.Demo;

/// <summary>Fictional names and schools for the demo district. Every name and domain here is invented; domains use the reserved .example top-level domain.</summary>
internal static class DemoPeople
{
    public const string DistrictName = "Lakeshore Public Schools";
    public const string StaffDomain = "lakeshore-schools.example";
    public const string StudentDomain = "students.lakeshore-schools.example";
    public const string UnionDomain = "lakeshore-teachers-union.example";
    public const string MayorsOfficeDomain = "mayor.lakeshore-city.example";

    public static readonly string[] FirstNames =
    [
        "Maria", "James", "Aisha", "Daniel", "Sofia", "Tomasz", "Mei", "Kwame", "Lucia", "Ethan", "Fatima", "Noah",
        "Camila", "Oluwaseun", "Hannah", "Diego", "Anya", "Marcus", "Leila", "Samuel", "Grace", "Mateo", "Yuki",
        "Isaac", "Zainab", "Patrick", "Valeria", "Devon", "Nadia", "Elijah", "Rosa", "Wei", "Keisha", "Andre",
        "Beatriz", "Liam", "Amara", "Carlos", "Ingrid", "Tariq", "Chloe", "Javier", "Priya", "Owen", "Dolores",
        "Malik", "Esther", "Rafael", "Nora", "Hyun", "Gabriela", "Terrence", "Ximena", "Connor", "Ifeoma", "Lena",
    ];

    public static readonly string[] LastNames =
    [
        "Alvarez", "Brennan", "Castillo", "Dabrowski", "Edwards", "Fernandez", "Goldberg", "Hernandez", "Ibarra",
        "Jackson", "Kowalczyk", "Lindqvist", "Moreno", "Nwosu", "Okafor", "Petrov", "Quinlan", "Ramirez", "Sandoval",
        "Takahashi", "Underwood", "Vasquez", "Washington", "Xu", "Yilmaz", "Zielinski", "Abernathy", "Boateng",
        "Chavez", "Delgado", "Esposito", "Flores", "Gutierrez", "Haddad", "Iverson", "Jimenez", "Kaminski", "Lopez",
        "Mbeki", "Nakamura", "Ortega", "Pham", "Rosales", "Sullivan", "Tran", "Villanueva", "Whitfield", "Young",
    ];

    public static readonly string[] Schools =
    [
        "Addams Elementary", "Bethune Middle", "Carver High", "Douglass Academy", "Eastlake Elementary",
        "Fulton STEM High", "Garfield Park Middle", "Harbor View Elementary", "Irving Magnet", "Jefferson High",
        "Kenwood Elementary", "Lincoln Square Middle",
    ];

    public static readonly string[] Subjects =
    [
        "Algebra I", "Biology", "U.S. History", "English 10", "Spanish II", "Chemistry", "Civics", "Geometry",
        "World Literature", "Physics", "Art", "Computer Science",
    ];
}
