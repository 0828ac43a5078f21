using System.Text.Json;

namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiDatasetNewFile</c>: an uploaded blob's token, with an optional description and columns.</summary>
internal sealed class DatasetNewFile
{
    public string? Token { get; init; }
    public string? Description { get; init; }

    /// <summary><c>ApiDatasetColumn[]</c>, accepted and not interpreted.</summary>
    public List<JsonElement>? Columns { get; init; }
}
