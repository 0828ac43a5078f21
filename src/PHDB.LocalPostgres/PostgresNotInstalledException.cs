namespace PHDB.LocalPostgres;

/// <summary>No PostgreSQL server binaries were found on this machine.</summary>
public sealed class PostgresNotInstalledException : Exception
{
    /// <summary>Creates the exception with the places that were searched.</summary>
    public PostgresNotInstalledException(IEnumerable<string> searched)
        : base(
            "No PostgreSQL server binaries (initdb, postgres) were found. Searched: "
                + string.Join(", ", searched)
                + ". Install the server (Debian/Ubuntu: 'apt-get install postgresql'), set Phdb:PostgresBinDirectory"
                + " to the folder holding initdb and postgres, or point ConnectionStrings:phdb at an existing server."
        ) { }

    /// <summary>Creates the exception with a message.</summary>
    public PostgresNotInstalledException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PostgresNotInstalledException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception with the default message.</summary>
    public PostgresNotInstalledException()
        : base("No PostgreSQL server binaries were found.") { }
}
