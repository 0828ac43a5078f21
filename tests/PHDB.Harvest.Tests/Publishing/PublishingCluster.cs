using PHDB.Kaggle.StandIn;
using PHDB.Testing;

namespace PHDB.Harvest.Tests.Publishing;

/// <summary>The settings that point a test cluster's publisher at a Kaggle stand-in, with fast polling.</summary>
internal static class PublishingCluster
{
    /// <summary>The stand-in's account; the tests own it so they know the owner of the dataset.</summary>
    public static KaggleStandInOptions Account() => new();

    public static Dictionary<string, string?> Settings(
        KaggleStandIn kaggle,
        KaggleStandInOptions account,
        TemporaryDirectory exports
    ) =>
        new()
        {
            ["Export:Directory"] = exports.Path,
            ["Export:Kaggle:Dataset"] = $"{account.Username}/product-hunt-phdb",
            ["Kaggle:Endpoint"] = kaggle.Endpoint.ToString(),
            ["Kaggle:Username"] = account.Username,
            ["Kaggle:Key"] = account.Key,
            ["Kaggle:StatusPollInterval"] = "00:00:00.050",
            ["Kaggle:RetryBaseDelay"] = "00:00:00.010",
            ["Kaggle:UploadChunkBytes"] = "262144",
            ["Publishing:Formats:0"] = "csv",
        };
}
