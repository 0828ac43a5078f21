namespace PHDB.Publishing;

/// <summary>What a publication under way has reached, for recording its end.</summary>
internal sealed class PublicationAttempt(long id, string dataset, long startedTimestamp)
{
    public long Id { get; } = id;

    public long StartedTimestamp { get; } = startedTimestamp;

    public string Dataset { get; set; } = dataset;

    public PublicationStage Stage { get; set; } = PublicationStage.Exporting;

    public int? Expected { get; set; }

    public int? Version { get; set; }

    public string? Ref { get; set; }

    public string? Url { get; set; }

    public IReadOnlyList<string> Warnings { get; set; } = [];
}
