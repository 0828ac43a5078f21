namespace PHDB.Export;

/// <summary>The kinds of export failure.</summary>
public enum ExportFailure
{
    /// <summary>Something not foreseen.</summary>
    Unexpected,

    /// <summary>An unknown format, layout or table, or contradictory options.</summary>
    InvalidRequest,

    /// <summary>The destination exists (and <c>--force</c> was not given) or cannot be created or written.</summary>
    CannotCreate,

    /// <summary>Writing failed: the disk is full or the file system refused.</summary>
    WriteFailed,

    /// <summary>The database cannot be reached.</summary>
    DatabaseUnavailable,
}
