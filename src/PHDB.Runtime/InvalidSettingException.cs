namespace PHDB.Runtime;

/// <summary>A setting has a value PHDB cannot use; the message names the key, the value and what is allowed.</summary>
public sealed class InvalidSettingException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public InvalidSettingException(string key, string message)
        : base(message) => Key = key;

    /// <summary>Creates the exception without a key.</summary>
    public InvalidSettingException()
        : this("", "A setting is invalid.") { }

    /// <summary>Creates the exception without a key.</summary>
    public InvalidSettingException(string message)
        : this("", message) { }

    /// <summary>Creates the exception without a key.</summary>
    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException) => Key = "";

    /// <summary>The configuration key (e.g. <c>Phdb:Silos</c>).</summary>
    public string Key { get; }
}
