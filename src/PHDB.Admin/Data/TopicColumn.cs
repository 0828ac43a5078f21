namespace PHDB.Admin.Data;

/// <summary>A sortable column of the topics table.</summary>
public enum TopicColumn
{
    /// <summary>The topic's name.</summary>
    Name,

    /// <summary>Posts stored with the topic.</summary>
    StoredPosts,

    /// <summary>The API's posts count.</summary>
    PostsCount,

    /// <summary>The API's followers count.</summary>
    Followers,
}
