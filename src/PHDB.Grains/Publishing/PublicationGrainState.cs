namespace PHDB.Grains.Publishing;

/// <summary>The persistent state of the cluster's publisher.</summary>
[GenerateSerializer, Alias("phdb.PublicationGrainState")]
public sealed class PublicationGrainState
{
    /// <summary>Whether a publication was started and has not ended: a new activation resumes it.</summary>
    [Id(0)]
    public bool Running { get; set; }

    /// <summary>Whether it is a dry run.</summary>
    [Id(1)]
    public bool DryRun { get; set; }

    /// <summary>Who started it.</summary>
    [Id(2)]
    public string? Origin { get; set; }

    /// <summary>When it started.</summary>
    [Id(3)]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the next scheduled release falls due.</summary>
    [Id(4)]
    public DateTimeOffset? NextDue { get; set; }

    /// <summary>Whether a scheduled release is due and waits for a completed incremental run.</summary>
    [Id(5)]
    public bool Due { get; set; }

    /// <summary>The last publication's error, if it failed.</summary>
    [Id(6)]
    public string? LastError { get; set; }
}
