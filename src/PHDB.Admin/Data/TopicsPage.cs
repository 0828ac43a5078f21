namespace PHDB.Admin.Data;

/// <summary>Addresses of the Topics page.</summary>
public static class TopicsPage
{
    /// <summary>Query key of the selected topic's slug.</summary>
    public const string TopicKey = "topic";

    /// <summary>The Topics page with the chart of the topic <paramref name="slug"/>.</summary>
    public static string Of(string slug) => $"topics?{TopicKey}={Uri.EscapeDataString(slug)}";
}
