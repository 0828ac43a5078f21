namespace PHDB.Migrations;

/// <summary>The schema could not be brought up to date.</summary>
public sealed class SchemaMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaMigrationException() { }

    /// <summary>Creates the exception with a message.</summary>
    public SchemaMigrationException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SchemaMigrationException(string message, Exception? innerException)
        : base(message, innerException) { }
}
