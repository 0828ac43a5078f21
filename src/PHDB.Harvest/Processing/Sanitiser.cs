using PHDB.Domain;

namespace PHDB.Harvest.Processing;

/// <summary>
/// Makes harvested text safe and uniform before it is stored: names, taglines and headlines become single lines,
/// descriptions and comment bodies become plain text (markup and scripts removed, entities decoded, white space
/// normalised), and every URL loses Product Hunt's <c>utm_*</c> tracking parameters. Runs first.
/// </summary>
public sealed class Sanitiser : IBatchProcessor
{
    /// <summary>The sanitiser's priority: before any check looks at the data.</summary>
    public const int DefaultPriority = 100;

    /// <inheritdoc />
    public int Priority => DefaultPriority;

    /// <inheritdoc />
    public HarvestBatch Process(HarvestBatch batch, BatchProcessingContext context) =>
        batch with
        {
            Users = [.. batch.Users.Select(Clean)],
            Topics = [.. batch.Topics.Select(Clean)],
            Posts = [.. batch.Posts.Select(Clean)],
            Collections = [.. batch.Collections.Select(Clean)],
            Comments = [.. batch.Comments.Select(Clean)],
        };

    private static User Clean(User user) =>
        user with
        {
            Name = HtmlText.ToLine(user.Name),
            Headline = Line(user.Headline),
            WebsiteUrl = Url(user.WebsiteUrl),
            Url = TrackingFreeUrl.Normalize(user.Url),
        };

    private static Topic Clean(Topic topic) =>
        topic with
        {
            Name = HtmlText.ToLine(topic.Name),
            Description = HtmlText.ToText(topic.Description),
            Url = Url(topic.Url),
        };

    private static Post Clean(Post post) =>
        post with
        {
            Name = HtmlText.ToLine(post.Name),
            Tagline = HtmlText.ToLine(post.Tagline),
            Description = HtmlText.ToText(post.Description),
            Url = TrackingFreeUrl.Normalize(post.Url),
            Website = TrackingFreeUrl.Normalize(post.Website),
            ProductLinks = [.. post.ProductLinks.Select(l => l with { Url = TrackingFreeUrl.Normalize(l.Url) })],
        };

    private static Collection Clean(Collection collection) =>
        collection with
        {
            Name = HtmlText.ToLine(collection.Name),
            Tagline = HtmlText.ToLine(collection.Tagline),
            Description = HtmlText.ToText(collection.Description),
            Url = TrackingFreeUrl.Normalize(collection.Url),
        };

    private static Comment Clean(Comment comment) =>
        comment with
        {
            Body = HtmlText.ToText(comment.Body),
            Url = TrackingFreeUrl.Normalize(comment.Url),
        };

    private static string? Line(string? value) => value is null ? null : HtmlText.ToLine(value);

    private static string? Url(string? value) => value is null ? null : TrackingFreeUrl.Normalize(value);
}
