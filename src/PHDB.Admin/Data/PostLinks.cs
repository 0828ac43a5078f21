using System.Globalization;

namespace PHDB.Admin.Data;

/// <summary>App-relative addresses of the console's post pages.</summary>
public static class PostLinks
{
    /// <summary>The page of the post <paramref name="postId"/>.</summary>
    public static string Post(long postId) => string.Create(CultureInfo.InvariantCulture, $"posts/{postId}");

    /// <summary>The Posts page listing the posts of the topic <paramref name="slug"/>.</summary>
    public static string PostsOfTopic(string slug) => PostFilterQuery.ToRelativeUri(new PostFilter { Topic = slug });
}
