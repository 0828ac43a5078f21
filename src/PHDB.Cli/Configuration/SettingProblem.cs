namespace PHDB.Cli.Configuration;

/// <summary>A setting PHDB cannot start with: its key, its value as it may be shown, and why.</summary>
/// <param name="Key">The configuration key, e.g. <c>Simulator:Scale</c>.</param>
/// <param name="Value">The value, masked when secret; <see langword="null"/> when unset.</param>
/// <param name="Reason">What is wrong, e.g. <c>must be between 10 and 5000000</c>.</param>
internal sealed record SettingProblem(string Key, string? Value, string Reason)
{
    public override string ToString() => Value is null ? $"{Key} (unset): {Reason}" : $"{Key} = {Value}: {Reason}";
}
