namespace PHDB.Cli.Configuration;

/// <summary><c>phdb config show --json</c>: the profile, the AppHost folder and every setting.</summary>
internal sealed record ConfigShowJson(
    string Environment,
    string AppHostDirectory,
    IReadOnlyList<EffectiveSetting> Settings
);
