using static PHDB.Export.Schema.Columns;

namespace PHDB.Export.Schema;

/// <summary>
/// The original Product Hunt dataset's layout (<c>producthuntdb</c>): its tables and column names, in its order,
/// filled from PHDB's data, so code written for that dataset reads this export unchanged.
/// </summary>
public static class ProductHuntDbLayout
{
    /// <summary>The layout's name.</summary>
    public const string Name = "producthuntdb";

    private const string Placeholder =
        " A row whose other columns are all empty is a reference PHDB has seen but not read yet (a placeholder).";

    private const string ViewerOnly =
        "Always empty: the API answers it for the token's owner only and PHDB does not keep it.";

    /// <summary>Users (<c>userrow</c>).</summary>
    public static readonly ExportTable UserRow = new(
        "userrow",
        "A user the API disclosed; redacted users are never a row." + Placeholder,
        [
            Key("id", "Product Hunt's id of the user."),
            Text("username", "Handle, without @."),
            Text("name", "Display name."),
            Text("headline", "The user's one-line headline."),
            Text("twitterUsername", "X/Twitter handle."),
            Url("websiteUrl", "The user's website."),
            Url("url", "The user's Product Hunt page."),
            Time("createdAt", "When the account was created (UTC)."),
            Flag("isMaker", "Whether the user made at least one product.", nullable: true),
            Flag("isFollowing", ViewerOnly, nullable: true),
            Flag("isViewer", ViewerOnly, nullable: true),
            Url("profileImage", "Profile image."),
            Url("coverImage", "Cover image."),
        ],
        """
        SELECT id, username, name, headline, twitter_username, website_url, url, created_at, is_maker,
            NULL::boolean, NULL::boolean, profile_image, cover_image
        FROM users
        """,
        ["id"],
        [],
        []
    );

    /// <summary>Posts (<c>postrow</c>).</summary>
    public static readonly ExportTable PostRow = new(
        "postrow",
        "A post: one launch of a product, with its counts as last read." + Placeholder,
        [
            Key("id", "Product Hunt's id of the post."),
            Ref("userId", "The user who hunted it (PHDB's hunter); empty when redacted or unknown.", nullable: true),
            Text("name", "Product name."),
            Text("tagline", "One-line tagline."),
            Text("description", "Description."),
            Text("slug", "URL slug."),
            Url("url", "The post's Product Hunt page."),
            Url("website", "The product's website (Product Hunt's redirect)."),
            Time("createdAt", "When the post was created, i.e. launched (UTC)."),
            Time("featuredAt", "When it was featured on the home page (UTC); empty if never featured."),
            Count("commentsCount", "Comments when last read."),
            Count("votesCount", "Upvotes when last read."),
            Number("reviewsRating", "Average review rating when last read."),
            Count("reviewsCount", "Reviews when last read."),
            Flag("isCollected", ViewerOnly, nullable: true),
            Flag("isVoted", ViewerOnly, nullable: true),
            Text("thumbnail_type", "The thumbnail's media type (image or video)."),
            Url("thumbnail_url", "Thumbnail image."),
            Url("thumbnail_videoUrl", "Thumbnail video, if it is one."),
            Text(
                "productlinks_json",
                "The product's links as a JSON array of {\"type\", \"url\"} objects in the API's order; [] when it has none, empty for a placeholder."
            ),
        ],
        """
        SELECT p.id, p.hunter_id, p.name, p.tagline, p.description, p.slug, p.url, p.website, p.created_at,
            p.featured_at, p.comments_count, p.votes_count, p.reviews_rating, p.reviews_count, NULL::boolean,
            NULL::boolean, p.thumbnail_type, p.thumbnail_url, p.thumbnail_video_url,
            CASE WHEN p.name IS NOT NULL THEN coalesce(
                (SELECT json_agg(json_build_object('type', l.type, 'url', l.url) ORDER BY l.position)
                 FROM post_product_links l WHERE l.post_id = p.id)::text,
                '[]')
            END
        FROM posts p
        """,
        ["id"],
        [new("userId", "userrow")],
        [
            ["createdAt"],
            ["userId"],
        ]
    );

    /// <summary>Topics (<c>topicrow</c>).</summary>
    public static readonly ExportTable TopicRow = new(
        "topicrow",
        "A topic (category) posts are filed under. A topic seen only inside a post has its id, name and slug."
            + Placeholder,
        [
            Key("id", "Product Hunt's id of the topic."),
            Text("name", "Name."),
            Text("slug", "URL slug."),
            Text("description", "Description."),
            Url("url", "The topic's Product Hunt page."),
            Time("createdAt", "When the topic was created (UTC)."),
            Count("followersCount", "Followers when last read."),
            Count("postsCount", "Posts in the topic according to the API when last read."),
            Flag("isFollowing", ViewerOnly, nullable: true),
            Url("image", "Image."),
        ],
        """
        SELECT id, name, slug, description, url, created_at, followers_count, posts_count, NULL::boolean, image
        FROM topics
        """,
        ["id"],
        [],
        [
            ["slug"],
        ]
    );

    /// <summary>Collections (<c>collectionrow</c>).</summary>
    public static readonly ExportTable CollectionRow = new(
        "collectionrow",
        "A collection: a user's curated list of posts." + Placeholder,
        [
            Key("id", "Product Hunt's id of the collection."),
            Text("name", "Name."),
            Text("tagline", "Tagline."),
            Text("description", "Description."),
            Url("url", "The collection's Product Hunt page."),
            Url("coverImage", "Cover image."),
            Time("createdAt", "When it was created (UTC)."),
            Time("featuredAt", "When it was featured (UTC); empty if never."),
            Count("followersCount", "Followers when last read."),
            Flag("isFollowing", ViewerOnly, nullable: true),
            Ref("userId", "The user who curates it (PHDB's curator); empty when redacted or unknown.", nullable: true),
        ],
        """
        SELECT id, name, tagline, description, url, cover_image, created_at, featured_at, followers_count,
            NULL::boolean, curator_id
        FROM collections
        """,
        ["id"],
        [new("userId", "userrow")],
        [
            ["userId"],
        ]
    );

    /// <summary>Comments (<c>commentrow</c>).</summary>
    public static readonly ExportTable CommentRow = new(
        "commentrow",
        "A comment on a post, or a reply to a comment (parentId). A row whose body is empty is a reference PHDB has seen but not read yet (a placeholder).",
        [
            Key("id", "Product Hunt's id of the comment."),
            Ref("post_id", "The post commented on.", nullable: true),
            Ref("parentId", "The comment this one replies to; empty for a top-level comment.", nullable: true),
            Text("body", "The comment's text (HTML as the API returns it)."),
            Url("url", "The comment's Product Hunt page."),
            Time("createdAt", "When it was written (UTC)."),
            Flag("isVoted", ViewerOnly, nullable: true),
            Count("votesCount", "Upvotes when last read."),
            Ref("userId", "Its author; empty when redacted or unknown.", nullable: true),
        ],
        """
        SELECT id, post_id, parent_id, body, url, created_at, NULL::boolean, votes_count, author_id
        FROM comments
        """,
        ["id"],
        [new("post_id", "postrow"), new("parentId", "commentrow"), new("userId", "userrow")],
        [
            ["post_id"],
            ["parentId"],
            ["userId"],
        ],
        "createdAt"
    );

    /// <summary>Votes (<c>voterow</c>).</summary>
    public static readonly ExportTable VoteRow = new(
        "voterow",
        "An upvote of a post or of a comment: exactly one of post_id and comment_id is set.",
        [
            Key("id", "Product Hunt's id of the vote."),
            Time("createdAt", "When the vote was cast (UTC).", nullable: false),
            Ref("userId", "The voter; empty when redacted.", nullable: true),
            Ref("post_id", "The post voted for; empty for a comment's vote.", nullable: true),
            Ref("comment_id", "The comment voted for; empty for a post's vote.", nullable: true),
        ],
        "SELECT id, created_at, voter_id, post_id, comment_id FROM votes",
        ["id"],
        [new("userId", "userrow"), new("post_id", "postrow"), new("comment_id", "commentrow")],
        [
            ["userId"],
            ["post_id"],
            ["comment_id"],
        ],
        "createdAt"
    );

    /// <summary>A post's topics (<c>posttopiclink</c>).</summary>
    public static readonly ExportTable PostTopicLink = new(
        "posttopiclink",
        "A post filed under a topic.",
        [Ref("post_id", "The post."), Ref("topic_id", "The topic.")],
        "SELECT post_id, topic_id FROM post_topics",
        ["post_id", "topic_id"],
        [new("post_id", "postrow"), new("topic_id", "topicrow")],
        [
            ["topic_id"],
        ]
    );

    /// <summary>A post's disclosed makers (<c>makerpostlink</c>).</summary>
    public static readonly ExportTable MakerPostLink = new(
        "makerpostlink",
        "A disclosed maker of a post; redacted makers are not rows.",
        [Ref("post_id", "The post."), Ref("user_id", "The maker.")],
        "SELECT post_id, user_id FROM post_makers",
        ["post_id", "user_id"],
        [new("post_id", "postrow"), new("user_id", "userrow")],
        [
            ["user_id"],
        ]
    );

    /// <summary>Posts of a collection (<c>collectionpostlink</c>).</summary>
    public static readonly ExportTable CollectionPostLink = new(
        "collectionpostlink",
        "A post in a collection.",
        [Ref("collection_id", "The collection."), Ref("post_id", "The post.")],
        "SELECT collection_id, post_id FROM collection_posts",
        ["collection_id", "post_id"],
        [new("collection_id", "collectionrow"), new("post_id", "postrow")],
        [
            ["post_id"],
        ]
    );

    /// <summary>How far the data reaches per entity (<c>crawlstate</c>), derived from PHDB's data.</summary>
    public static readonly ExportTable CrawlState = new(
        "crawlstate",
        "How far the data reaches for one kind of entity: one row each for posts, comments, votes, collections, topics and users.",
        [
            Text("entity", "The entity: posts, comments, votes, collections, topics or users.", false),
            Time(
                "last_timestamp",
                "The newest creation time (createdAt) among the entity's rows (UTC); empty when there are none."
            ),
            Time(
                "updated_at",
                "When the latest successful harvest run finished (UTC); empty if none has finished successfully."
            ),
        ],
        """
        SELECT e.entity, e.last_timestamp,
            (SELECT max(finished_at) FROM harvest_runs WHERE outcome = 'succeeded')
        FROM (VALUES
            (1, 'posts', (SELECT max(created_at) FROM posts)),
            (2, 'comments', (SELECT max(created_at) FROM comments)),
            (3, 'votes', (SELECT max(created_at) FROM votes)),
            (4, 'collections', (SELECT max(created_at) FROM collections)),
            (5, 'topics', (SELECT max(created_at) FROM topics)),
            (6, 'users', (SELECT max(created_at) FROM users))
        ) AS e(n, entity, last_timestamp)
        ORDER BY e.n
        """,
        ["entity"],
        [],
        []
    );

    /// <summary>The layout's tables, referenced tables first.</summary>
    public static IReadOnlyList<ExportTable> Tables { get; } =
    [
        UserRow,
        PostRow,
        TopicRow,
        CollectionRow,
        CommentRow,
        VoteRow,
        PostTopicLink,
        MakerPostLink,
        CollectionPostLink,
        CrawlState,
    ];

    /// <summary>What is left empty or approximated, and why: one note per such column.</summary>
    public static IReadOnlyList<string> Notes { get; } =
    [
        "Ids are Product Hunt's numeric ids as 64-bit integers in every table, also where the original dataset kept them as text.",
        "Redacted users are never a userrow (there is no user 0): a reference to one (postrow.userId, collectionrow.userId, commentrow.userId, voterow.userId) is empty.",
        "Placeholders are included: a row with only its id (and, for a comment, an empty body) is a reference PHDB has seen but not read yet.",
        "userrow.isFollowing is always empty: the API answers it for the token's owner only and PHDB does not keep it.",
        "userrow.isViewer is always empty: it is true only for the token's owner, whom PHDB does not record.",
        "postrow.isCollected is always empty: the API answers it for the token's owner only and PHDB does not keep it.",
        "postrow.isVoted is always empty: the API answers it for the token's owner only and PHDB does not keep it.",
        "topicrow.isFollowing is always empty: the API answers it for the token's owner only and PHDB does not keep it.",
        "collectionrow.isFollowing is always empty: the API answers it for the token's owner only and PHDB does not keep it.",
        "commentrow.isVoted is always empty: the API answers it for the token's owner only and PHDB does not keep it.",
        "postrow.userId is the post's hunter (PHDB's hunter_id); empty when the API redacted the hunter. The makers are in makerpostlink (disclosed makers only).",
        "collectionrow.userId is the collection's curator (PHDB's curator_id); empty when redacted.",
        "commentrow.userId is the comment's author (PHDB's author_id); empty when redacted. voterow.userId is the voter; empty when redacted.",
        "postrow.productlinks_json is built from PHDB's product links: a JSON array of {\"type\", \"url\"} objects ordered by position (json_agg), [] for a post without links, empty for a placeholder.",
        "crawlstate is derived, not the crawler's own bookkeeping: last_timestamp is the newest createdAt among each entity's rows (posts, comments, votes, collections, topics, users), so it is how far the data reaches, not a resume cursor.",
        "crawlstate.updated_at is when PHDB's latest successful harvest run finished (the same for every entity); empty if no run has succeeded.",
    ];

    /// <summary>The layout.</summary>
    public static ExportLayout Layout { get; } =
        new(
            Name,
            "The original Product Hunt dataset's tables and column names (userrow, postrow, …), filled from PHDB, for code written against that dataset.",
            Tables,
            Notes
        );
}
