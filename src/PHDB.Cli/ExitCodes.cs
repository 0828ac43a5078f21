namespace PHDB.Cli;

/// <summary>The exit codes of <c>phdb</c> (sysexits where they fit); documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Done; healthy; the run succeeded.</summary>
    public const int Ok = 0;

    /// <summary>Failed: the run failed, a check failed, or an unexpected error.</summary>
    public const int Failure = 1;

    /// <summary><c>phdb health</c>: degraded (a check warns).</summary>
    public const int Degraded = 2;

    /// <summary><c>phdb sync --wait</c>: the run was cancelled.</summary>
    public const int Cancelled = 3;

    /// <summary>EX_USAGE: an unknown command or option, a missing or malformed argument.</summary>
    public const int Usage = 64;

    /// <summary>EX_DATAERR: <c>phdb publish</c>: the dataset's metadata would be refused (the field is named).</summary>
    public const int DataError = 65;

    /// <summary>EX_UNAVAILABLE: PHDB, its database, its cluster or the API cannot be reached.</summary>
    public const int Unavailable = 69;

    /// <summary>EX_CANTCREAT: <c>phdb export</c> cannot create its destination (it exists, or is not writable).</summary>
    public const int CannotCreate = 73;

    /// <summary>EX_IOERR: <c>phdb export</c> failed writing (e.g. the disk is full).</summary>
    public const int WriteFailed = 74;

    /// <summary>EX_TEMPFAIL: rate limited, or try again later.</summary>
    public const int TemporaryFailure = 75;

    /// <summary>EX_NOPERM: the API refused the token; <c>phdb publish</c>: Kaggle credentials missing or refused.</summary>
    public const int PermissionDenied = 77;

    /// <summary>EX_CONFIG: a setting is missing or invalid.</summary>
    public const int Configuration = 78;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
