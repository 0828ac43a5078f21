using PHDB.Kaggle.StandIn;
using PHDB.Testing;

namespace PHDB.Harvest.Tests.Publishing;

/// <summary>The settings that point a test cluster's publisher at a Kaggle stand-in, with fast polling.</summary>
internal static class PublishingCluster
{
    public static Dictionary<string, string?> Settings(KaggleStandIn kaggle, TemporaryDirectory exports) =>
        new()
        {
            ["Export:Directory"] = exports.Path,
            ["Export:Kaggle:Dataset"] = $"{kaggle.Options.Username}/product-hunt-phdb",
            ["Kaggle:Endpoint"] = kaggle.Endpoint.ToString(),
            ["Kaggle:Username"] = kaggle.Options.Username,
            ["Kaggle:Key"] = kaggle.Options.Key,
            ["Kaggle:StatusPollInterval"] = "00:00:00.050",
            ["Kaggle:RetryBaseDelay"] = "00:00:00.010",
            ["Kaggle:UploadChunkBytes"] = "262144",
            ["Publishing:Formats:0"] = "csv",
        };
}
