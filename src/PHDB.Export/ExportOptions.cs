namespace PHDB.Export;

/// <summary>Settings of exports (configuration section <c>Export</c>).</summary>
public sealed class ExportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Export";

    /// <summary>Where exports are written, one folder each (<c>Export:Directory</c>); hosts default it to <c>&lt;data directory&gt;/exports</c>.</summary>
    public string Directory { get; set; } = "";

    /// <summary>How many exports to keep in <see cref="Directory"/>; older ones are removed after a successful export (<c>Export:Keep</c>, 0 keeps all).</summary>
    public int Keep { get; set; } = 10;

    /// <summary>How many tables are read side by side from the snapshot (<c>Export:Parallelism</c>).</summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>Rows per batch from PostgreSQL to the writers (<c>Export:BatchRows</c>).</summary>
    public int BatchRows { get; set; } = 8192;

    /// <summary>Rows per Parquet row group (<c>Export:RowGroupRows</c>).</summary>
    public int RowGroupRows { get; set; } = 100_000;

    /// <summary>How vote spikes are detected (<c>Export:VoteSpikes:*</c>; see ADR 0011).</summary>
    public Analysis.VoteSpikeOptions VoteSpikes { get; set; } = new();

    /// <summary>What <c>dataset-metadata.json</c> says (<c>Export:Kaggle:*</c>).</summary>
    public KaggleMetadataOptions Kaggle { get; set; } = new();

    /// <summary>Checks the settings; returns the first problem as (key, message), or <c>null</c>.</summary>
    public (string Key, string Message)? Validate()
    {
        if (Keep < 0)
        {
            return ("Export:Keep", $"'{Keep}' is not allowed: a number of exports, 0 or more (0 keeps all).");
        }

        if (Parallelism is < 1 or > 16)
        {
            return ("Export:Parallelism", $"'{Parallelism}' is not allowed: 1 to 16 tables side by side.");
        }

        if (BatchRows is < 1 or > 1_000_000)
        {
            return ("Export:BatchRows", $"'{BatchRows}' is not allowed: 1 to 1,000,000 rows.");
        }

        if (RowGroupRows is < 1_000 or > 10_000_000)
        {
            return ("Export:RowGroupRows", $"'{RowGroupRows}' is not allowed: 1,000 to 10,000,000 rows.");
        }

        if (VoteSpikes.K is <= 0 or > 1000 || double.IsNaN(VoteSpikes.K))
        {
            return (
                "Export:VoteSpikes:K",
                $"'{VoteSpikes.K}' is not allowed: a number above 0 (median absolute deviations)."
            );
        }

        if (VoteSpikes.MinPostVotes < 1 || VoteSpikes.MinSpikeVotes < 1 || VoteSpikes.MinReferencePosts < 1)
        {
            return ("Export:VoteSpikes", "MinPostVotes, MinSpikeVotes and MinReferencePosts must be 1 or more.");
        }

        return Kaggle.Validate();
    }
}
