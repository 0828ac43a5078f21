namespace PHDB.Admin.Exports;

/// <summary>Where the console's export job is.</summary>
public enum ExportJobState
{
    /// <summary>No export has been started since the console started.</summary>
    Idle,

    /// <summary>An export is being written.</summary>
    Running,

    /// <summary>The last export completed.</summary>
    Succeeded,

    /// <summary>The last export failed (or was cancelled); nothing of it was left behind.</summary>
    Failed,
}
