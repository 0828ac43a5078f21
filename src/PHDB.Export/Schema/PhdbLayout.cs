using static PHDB.Export.Schema.Columns;

namespace PHDB.Export.Schema;

/// <summary>PHDB's own layout: every harvested table as stored, plus the derived tables.</summary>
public static class PhdbLayout
{
    /// <summary>The layout's name.</summary>
    public const string Name = "phdb";

    private const string Placeholder =
        " A row whose other columns are all empty is a reference PHDB has seen but not read yet (a placeholder).";

    /// <summary>Disclosed users.</summary>
    public static readonly ExportTable Users = new(
        "users",
        "A user the API disclosed. The API redacts every other user: such a user is never a row here (there is no user 0); the referring row has an empty id and a *_redacted flag instead."
            + Placeholder,
        [
            Key("id", "Product Hunt's id of the user."),
            Text("name", "Display name."),
            Text("username", "Handle, without @."),
            Text("headline", "The user's one-line headline."),
            Text("twitter_username", "X/Twitter handle."),
            Url("website_url", "The user's website."),
            Url("url", "The user's Product Hunt page."),
            Time("created_at", "When the account was created (UTC)."),
            Url("profile_image", "Profile image."),
            Url("cover_image", "Cover image."),
            Flag("is_maker", "Whether the user made at least one product.", nullable: true),
        ],
        "SELECT id, name, username, headline, twitter_username, website_url, url, created_at, profile_image, cover_image, is_maker FROM users",
        ["id"],
        [],
        []
    );

    /// <summary>Topics.</summary>
    public static readonly ExportTable Topics = new(
        "topics",
        "A topic (category) posts are filed under. A topic seen only inside a post has its id, name and slug; the other columns fill when the topic itself is read."
            + Placeholder,
        [
            Key("id", "Product Hunt's id of the topic."),
            Text("name", "Name."),
            Text("slug", "URL slug."),
            Text("description", "Description."),
            Url("url", "The topic's Product Hunt page."),
            Time("created_at", "When the topic was created (UTC)."),
            Count("followers_count", "Followers when last read."),
            Count("posts_count", "Posts in the topic according to the API when last read."),
            Url("image", "Image."),
        ],
        "SELECT id, name, slug, description, url, created_at, followers_count, posts_count, image FROM topics",
        ["id"],
        [],
        [
            ["slug"],
        ]
    );

    /// <summary>Posts (launches).</summary>
    public static readonly ExportTable Posts = new(
        "posts",
        "A post: one launch of a product. Counts are as last read (see post_snapshots for their history)."
            + Placeholder,
        [
            Key("id", "Product Hunt's id of the post."),
            Text("name", "Product name."),
            Text("slug", "URL slug."),
            Text("tagline", "One-line tagline."),
            Text("description", "Description."),
            Url("url", "The post's Product Hunt page."),
            Url("website", "The product's website (Product Hunt's redirect)."),
            Count("votes_count", "Upvotes when last read."),
            Count("comments_count", "Comments when last read."),
            Count("reviews_count", "Reviews when last read."),
            Number("reviews_rating", "Average review rating when last read."),
            Time("created_at", "When the post was created, i.e. launched (UTC)."),
            Time("featured_at", "When it was featured on the home page (UTC); empty if never featured."),
            Ref("hunter_id", "The user who hunted it; empty when redacted or unknown.", nullable: true),
            Flag("hunter_redacted", "The API redacted the hunter (hunter_id is then empty)."),
            Count("redacted_makers", "How many of its makers the API redacted (they are not in post_makers).", false),
            Text("thumbnail_type", "The thumbnail's media type (image or video)."),
            Url("thumbnail_url", "Thumbnail image."),
            Url("thumbnail_video_url", "Thumbnail video, if it is one."),
            Time("observed_at", "When PHDB last read the post (UTC)."),
        ],
        """
        SELECT id, name, slug, tagline, description, url, website, votes_count, comments_count, reviews_count,
            reviews_rating, created_at, featured_at, hunter_id, hunter_redacted, redacted_makers, thumbnail_type,
            thumbnail_url, thumbnail_video_url, observed_at
        FROM posts
        """,
        ["id"],
        [new("hunter_id", "users")],
        [
            ["created_at"],
            ["hunter_id"],
        ]
    );

    /// <summary>Collections.</summary>
    public static readonly ExportTable Collections = new(
        "collections",
        "A collection: a user's curated list of posts." + Placeholder,
        [
            Key("id", "Product Hunt's id of the collection."),
            Text("name", "Name."),
            Text("tagline", "Tagline."),
            Text("description", "Description."),
            Url("url", "The collection's Product Hunt page."),
            Time("created_at", "When it was created (UTC)."),
            Time("featured_at", "When it was featured (UTC); empty if never."),
            Count("followers_count", "Followers when last read."),
            Url("cover_image", "Cover image."),
            Ref("curator_id", "The user who curates it; empty when redacted or unknown.", nullable: true),
            Flag("curator_redacted", "The API redacted the curator (curator_id is then empty)."),
            Time("observed_at", "When PHDB last read the collection (UTC)."),
        ],
        "SELECT id, name, tagline, description, url, created_at, featured_at, followers_count, cover_image, curator_id, curator_redacted, observed_at FROM collections",
        ["id"],
        [new("curator_id", "users")],
        [
            ["curator_id"],
        ]
    );

    /// <summary>Comments and replies.</summary>
    public static readonly ExportTable Comments = new(
        "comments",
        "A comment on a post, or a reply to a comment (parent_id)."
            + Placeholder.Replace("all empty", "empty (body empty)", StringComparison.Ordinal),
        [
            Key("id", "Product Hunt's id of the comment."),
            Ref("post_id", "The post commented on.", nullable: true),
            Ref("parent_id", "The comment this one replies to; empty for a top-level comment.", nullable: true),
            Text("body", "The comment's text (HTML as the API returns it)."),
            Url("url", "The comment's Product Hunt page."),
            Time("created_at", "When it was written (UTC)."),
            Count("votes_count", "Upvotes when last read."),
            Ref("author_id", "Its author; empty when redacted or unknown.", nullable: true),
            Flag("author_redacted", "The API redacted the author (author_id is then empty)."),
            Time("observed_at", "When PHDB last read the comment (UTC)."),
        ],
        "SELECT id, post_id, parent_id, body, url, created_at, votes_count, author_id, author_redacted, observed_at FROM comments",
        ["id"],
        [new("post_id", "posts"), new("parent_id", "comments"), new("author_id", "users")],
        [
            ["post_id"],
            ["parent_id"],
            ["author_id"],
        ],
        "created_at"
    );

    /// <summary>Upvotes of posts and comments.</summary>
    public static readonly ExportTable Votes = new(
        "votes",
        "An upvote of a post or of a comment: exactly one of post_id and comment_id is set.",
        [
            Key("id", "Product Hunt's id of the vote."),
            Ref("post_id", "The post voted for; empty for a comment's vote.", nullable: true),
            Ref("comment_id", "The comment voted for; empty for a post's vote.", nullable: true),
            Time("created_at", "When the vote was cast (UTC).", nullable: false),
            Ref("voter_id", "The voter; empty when redacted.", nullable: true),
            Flag("voter_redacted", "The API redacted the voter (voter_id is then empty)."),
        ],
        "SELECT id, post_id, comment_id, created_at, voter_id, voter_redacted FROM votes",
        ["id"],
        [new("post_id", "posts"), new("comment_id", "comments"), new("voter_id", "users")],
        [
            ["post_id"],
            ["comment_id"],
            ["voter_id"],
        ],
        "created_at"
    );

    /// <summary>A post's topics.</summary>
    public static readonly ExportTable PostTopics = new(
        "post_topics",
        "A post filed under a topic.",
        [Ref("post_id", "The post."), Ref("topic_id", "The topic.")],
        "SELECT post_id, topic_id FROM post_topics",
        ["post_id", "topic_id"],
        [new("post_id", "posts"), new("topic_id", "topics")],
        [
            ["topic_id"],
        ]
    );

    /// <summary>A post's disclosed makers.</summary>
    public static readonly ExportTable PostMakers = new(
        "post_makers",
        "A disclosed maker of a post; redacted makers are only counted (posts.redacted_makers).",
        [
            Ref("post_id", "The post."),
            Ref("user_id", "The maker."),
            Count("position", "The maker's place in the API's list, from 0.", false),
        ],
        "SELECT post_id, user_id, position FROM post_makers",
        ["post_id", "user_id"],
        [new("post_id", "posts"), new("user_id", "users")],
        [
            ["user_id"],
        ]
    );

    /// <summary>Posts of a collection.</summary>
    public static readonly ExportTable CollectionPosts = new(
        "collection_posts",
        "A post in a collection.",
        [Ref("collection_id", "The collection."), Ref("post_id", "The post.")],
        "SELECT collection_id, post_id FROM collection_posts",
        ["collection_id", "post_id"],
        [new("collection_id", "collections"), new("post_id", "posts")],
        [
            ["post_id"],
        ]
    );

    /// <summary>Topics of a collection.</summary>
    public static readonly ExportTable CollectionTopics = new(
        "collection_topics",
        "A collection filed under a topic.",
        [Ref("collection_id", "The collection."), Ref("topic_id", "The topic.")],
        "SELECT collection_id, topic_id FROM collection_topics",
        ["collection_id", "topic_id"],
        [new("collection_id", "collections"), new("topic_id", "topics")],
        [
            ["topic_id"],
        ]
    );

    /// <summary>A post's media.</summary>
    public static readonly ExportTable PostMedia = new(
        "post_media",
        "An image or video of a post's gallery, in order.",
        [
            Ref("post_id", "The post."),
            Count("position", "Place in the gallery, from 0.", false),
            Text("type", "Media type (image or video).", false),
            Url("url", "The image, or the video's preview image.", false),
            Url("video_url", "The video, for a video."),
        ],
        "SELECT post_id, position, type, url, video_url FROM post_media",
        ["post_id", "position"],
        [new("post_id", "posts")],
        []
    );

    /// <summary>A post's product links.</summary>
    public static readonly ExportTable PostProductLinks = new(
        "post_product_links",
        "A link of a post to where the product lives (website, app stores), in order.",
        [
            Ref("post_id", "The post."),
            Count("position", "Place in the list, from 0.", false),
            Text("type", "The link's kind as the API names it.", false),
            Url("url", "The address.", false),
        ],
        "SELECT post_id, position, type, url FROM post_product_links",
        ["post_id", "position"],
        [new("post_id", "posts")],
        []
    );

    /// <summary>A post's counts over time.</summary>
    public static readonly ExportTable PostSnapshots = new(
        "post_snapshots",
        "A post's counts at one reading; a row is added only when a count changed since the previous one.",
        [
            Ref("post_id", "The post."),
            Time("observed_at", "When PHDB read the counts (UTC).", nullable: false),
            Count("votes_count", "Upvotes then.", false),
            Count("comments_count", "Comments then.", false),
            Count("reviews_count", "Reviews then.", false),
        ],
        "SELECT post_id, observed_at, votes_count, comments_count, reviews_count FROM post_snapshots",
        ["post_id", "observed_at"],
        [new("post_id", "posts")],
        [],
        "observed_at"
    );

    /// <summary>Harvest runs: the export's provenance.</summary>
    public static readonly ExportTable HarvestRuns = new(
        "harvest_runs",
        "One run of PHDB's harvester: what filled and refreshed this data.",
        [
            Key("id", "Run number."),
            Time("started_at", "When the run started (UTC).", nullable: false),
            Time("finished_at", "When it ended (UTC); empty while running."),
            Text("mode", "full (everything) or incremental (what changed).", false),
            Text("outcome", "running, succeeded, failed or cancelled.", false),
            Text("counts", "The run's counters as JSON.", false),
            Text("error", "Why it failed, if it did."),
        ],
        "SELECT id, started_at, finished_at, mode, outcome, counts::text, error FROM harvest_runs",
        ["id"],
        [],
        []
    );

    /// <summary>Data-quality findings.</summary>
    public static readonly ExportTable QualityFindings = new(
        "quality_findings",
        "A data-quality finding: something in the data that a check flagged, e.g. a vote_spike (see vote_spikes).",
        [
            Key("id", "Finding number."),
            Text("entity", "What kind of row it is about (post, comment, ...).", false),
            Ref("entity_id", "The id of that row."),
            Text("check_name", "The check that found it.", false),
            Text("detail", "What was found, with its numbers.", false),
            Time("found_at", "When it was found (UTC).", nullable: false),
            Ref("run_id", "The harvest run that found it, if one did.", nullable: true),
        ],
        "SELECT id, entity, entity_id, check_name, detail, found_at, run_id FROM quality_findings",
        ["id"],
        [new("run_id", "harvest_runs")],
        [
            ["check_name"],
        ]
    );

    /// <summary>The harvested tables, referenced tables first.</summary>
    public static IReadOnlyList<ExportTable> HarvestedTables { get; } =
    [
        Users,
        Topics,
        Posts,
        Collections,
        Comments,
        Votes,
        PostTopics,
        PostMakers,
        CollectionPosts,
        CollectionTopics,
        PostMedia,
        PostProductLinks,
        PostSnapshots,
        HarvestRuns,
        QualityFindings,
    ];
}
