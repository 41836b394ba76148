namespace SolidWall.Cli;

/// <summary>Exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Findings or failures a script should notice.</summary>
    public const int Findings = 1;

    /// <summary>The command line or an input file named on it is wrong.</summary>
    public const int Usage = 2;
}
