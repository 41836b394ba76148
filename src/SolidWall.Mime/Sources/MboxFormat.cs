namespace SolidWall.Mime.Sources;

/// <summary>
/// The mbox dialect a file was written in. The dialects share the "From " separator line and differ in how a body
/// line starting with "From " was protected: quoting (mboxo, mboxrd) or a Content-Length header (mboxcl, mboxcl2).
/// </summary>
public enum MboxFormat
{
    /// <summary>
    /// Any dialect: Content-Length is honoured when it lands exactly on the next From_ line or the end of the file,
    /// and quoting is undone the mboxrd way (one '>' off ">From ", ">>From ", ...), which is also right for mboxo
    /// files except for the rare body line that itself started with ">From ".
    /// </summary>
    Auto = 0,

    /// <summary>">From " becomes "From "; deeper quoting is left alone. Content-Length is ignored.</summary>
    Mboxo,

    /// <summary>One '>' is removed from every line matching <c>^&gt;+From </c>. Content-Length is ignored.</summary>
    Mboxrd,

    /// <summary>Content-Length honoured, mboxo quoting undone.</summary>
    Mboxcl,

    /// <summary>Content-Length honoured, no quoting.</summary>
    Mboxcl2,
}
