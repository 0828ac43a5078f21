using System.Globalization;
using Microsoft.AspNetCore.Components;
using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Components.Data;

/// <summary>The filter form of the Posts page; it reports each applied filter through <see cref="FilterChanged"/>.</summary>
public sealed partial class PostFilterForm
{
    private const string AllTopics = "";
    private const string DayFormat = "yyyy-MM-dd";

    private PostFilter? shown;
    private string? text;
    private string? from;
    private string? to;
    private string topic = AllTopics;
    private PostSort sort;
    private bool featured;

    /// <summary>The filter the page shows.</summary>
    [Parameter, EditorRequired]
    public PostFilter Filter { get; set; } = PostFilter.None;

    /// <summary>The topics to choose from.</summary>
    [Parameter]
    public IReadOnlyList<TopicReference> Topics { get; set; } = [];

    /// <summary>Raised with the new filter when the user applies one.</summary>
    [Parameter]
    public EventCallback<PostFilter> FilterChanged { get; set; }

    private IEnumerable<TopicReference> TopicOptions
    {
        get
        {
            var options = Topics.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug);
            return string.IsNullOrEmpty(topic) || Topics.Any(t => t.Slug == topic)
                ? options
                : options.Prepend(new TopicReference(0, topic, topic));
        }
    }

    /// <summary>The labels of the orders.</summary>
    internal static string SortLabel(PostSort value) => value == PostSort.Votes ? "Most votes" : "Newest";

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (!Equals(shown, Filter))
        {
            shown = Filter;
            text = Filter.Text;
            from = Filter.From?.ToString(DayFormat, CultureInfo.InvariantCulture);
            to = Filter.To?.ToString(DayFormat, CultureInfo.InvariantCulture);
            topic = Filter.Topic ?? AllTopics;
            sort = Filter.Sort;
            featured = Filter.FeaturedOnly;
        }
    }

    private string TopicLabel(string? slug) =>
        string.IsNullOrEmpty(slug) ? "All topics" : Topics.FirstOrDefault(t => t.Slug == slug)?.Name ?? slug;

    private PostFilter Draft() =>
        PostFilterQuery.Read(from, to, topic, text, sort == PostSort.Votes ? "votes" : null, featured ? "true" : null);

    private Task ApplyAsync() => FilterChanged.InvokeAsync(Draft());

    private Task OnTopicChangedAsync(string? value)
    {
        topic = value ?? AllTopics;
        return ApplyAsync();
    }

    private Task OnSortChangedAsync(PostSort value)
    {
        sort = value;
        return ApplyAsync();
    }

    private Task OnFeaturedChangedAsync(bool value)
    {
        featured = value;
        return ApplyAsync();
    }

    private Task ClearAsync() => FilterChanged.InvokeAsync(PostFilter.None);
}
