using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Control;

/// <summary>
/// Writes the ground truth as NDJSON: what the API would return at one simulated instant, unredacted, one object per
/// line, in a fixed order, so two runs with the same seed produce the same bytes.
/// </summary>
internal sealed class TruthWriter(ProductHuntWorld world, int now)
{
    public static readonly string[] Kinds =
    [
        "posts",
        "users",
        "topics",
        "collections",
        "comments",
        "votes",
        "post_topics",
        "post_makers",
        "collection_posts",
        "vote_bursts",
    ];

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public async Task WriteAsync(string kind, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 17);
        var writer = new Utf8JsonWriter(buffer, Options);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var write in Rows(kind))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
                writer.Flush();
                buffer.Write("\n"u8);
                writer.Reset(buffer);
                if (buffer.WrittenCount > 1 << 16)
                {
                    await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                    buffer.ResetWrittenCount();
                }
            }
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static string Time(int seconds) => SimInstant.Format(seconds);

    private IEnumerable<Action<Utf8JsonWriter>> Rows(string kind) =>
        kind switch
        {
            "posts" => Posts(),
            "users" => Users(),
            "topics" => Topics(),
            "collections" => Collections(),
            "comments" => Comments(),
            "votes" => Votes(),
            "post_topics" => PostTopics(),
            "post_makers" => PostMakers(),
            "collection_posts" => CollectionPosts(),
            "vote_bursts" => VoteBursts(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown truth kind."),
        };

    private int VisiblePosts => world.VisiblePostCount(now);

    private IEnumerable<Action<Utf8JsonWriter>> Posts()
    {
        for (var p = 0; p < VisiblePosts; p++)
        {
            var index = p;
            yield return w =>
            {
                ref readonly var post = ref world.Posts[index];
                w.WriteString("id", post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("slug", world.PostSlug(index));
                w.WriteString("name", world.PostName(index));
                w.WriteString("tagline", world.PostTagline(index, now));
                w.WriteString("description", world.PostDescription(index, now));
                w.WriteString("createdAt", Time(post.ScheduledAt));
                var featured = world.FeaturedAtAsOf(index, now);
                if (featured == 0)
                {
                    w.WriteNull("featuredAt");
                }
                else
                {
                    w.WriteString("featuredAt", Time(featured));
                }

                w.WriteNumber("votesCount", world.PostVotesAt(index, now));
                w.WriteNumber("commentsCount", world.PostCommentsAt(index, now));
                w.WriteNumber("reviewsCount", world.ReviewsCount(index));
                w.WriteNumber("reviewsRating", world.ReviewsRating(index));
                w.WriteString("userId", Id(world.UserId(post.HunterIndex)));
                w.WriteBoolean("edited", world.PostEditVersion(index, now) > 0);
            };
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> Users()
    {
        for (var u = 0; u < world.UserCount; u++)
        {
            var index = u;
            yield return w =>
            {
                w.WriteString("id", Id(world.UserId(index)));
                w.WriteString("username", world.Username(index));
                w.WriteString("name", world.UserDisplayName(index));
                w.WriteString("createdAt", Time(world.UserCreatedAt(index)));
                w.WriteBoolean("isMaker", world.IsMaker(index));
            };
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> Topics()
    {
        for (var t = 0; t < world.Topics.Length; t++)
        {
            var index = t;
            yield return w =>
            {
                var topic = world.Topics[index];
                w.WriteString("id", Id(topic.Id));
                w.WriteString("slug", topic.Slug);
                w.WriteString("name", topic.Name);
                w.WriteString("createdAt", Time(topic.CreatedAt));
                w.WriteNumber("followersCount", topic.Followers);
                w.WriteNumber("postsCount", world.TopicPostsCountAt(index, now));
            };
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> Collections()
    {
        for (var c = 0; c < world.Collections.Length; c++)
        {
            if (!world.IsCollectionVisible(c, now))
            {
                continue;
            }

            var index = c;
            yield return w =>
            {
                ref readonly var collection = ref world.Collections[index];
                w.WriteString("id", Id(collection.Id));
                w.WriteString("name", world.CollectionName(index));
                w.WriteString("createdAt", Time(collection.CreatedAt));
                var featured = world.CollectionFeaturedAtAsOf(index, now);
                if (featured == 0)
                {
                    w.WriteNull("featuredAt");
                }
                else
                {
                    w.WriteString("featuredAt", Time(featured));
                }

                w.WriteNumber("followersCount", collection.Followers);
                w.WriteString("userId", Id(world.UserId(collection.UserIndex)));
            };
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> Comments()
    {
        for (var p = 0; p < VisiblePosts; p++)
        {
            var count = world.PostCommentsAt(p, now);
            for (var j = 0; j < count; j++)
            {
                var (post, ordinal) = (p, j);
                yield return w =>
                {
                    w.WriteString("id", Id(world.CommentId(post, ordinal)));
                    w.WriteString("postId", Id(world.Posts[post].Id));
                    var parent = world.CommentParent(post, ordinal);
                    if (parent < 0)
                    {
                        w.WriteNull("parentId");
                    }
                    else
                    {
                        w.WriteString("parentId", Id(world.CommentId(post, parent)));
                    }

                    w.WriteString("userId", Id(world.UserId(world.CommentAuthor(post, ordinal))));
                    w.WriteString("createdAt", Time(world.CommentCreatedAt(post, ordinal)));
                    w.WriteNumber("votesCount", world.CommentVotesAt(post, ordinal, now));
                };
            }
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> Votes()
    {
        for (var p = 0; p < VisiblePosts; p++)
        {
            var count = world.PostVotesAt(p, now);
            for (var i = 0; i < count; i++)
            {
                var (post, ordinal) = (p, i);
                yield return w =>
                {
                    w.WriteString("id", Id(world.PostVoteId(post, ordinal)));
                    w.WriteString("subjectType", "Post");
                    w.WriteString("subjectId", Id(world.Posts[post].Id));
                    w.WriteString("userId", Id(world.UserId(world.PostVoter(post, ordinal))));
                    w.WriteString("createdAt", Time(world.PostVoteCreatedAt(post, ordinal)));
                };
            }

            var comments = world.PostCommentsAt(p, now);
            for (var j = 0; j < comments; j++)
            {
                var votes = world.CommentVotesAt(p, j, now);
                var commentId = world.CommentId(p, j);
                for (var i = 0; i < votes; i++)
                {
                    var (post, comment, ordinal) = (p, j, i);
                    yield return w =>
                    {
                        w.WriteString("id", Id(ProductHuntWorld.CommentVoteId(commentId, ordinal)));
                        w.WriteString("subjectType", "Comment");
                        w.WriteString("subjectId", Id(commentId));
                        w.WriteString("userId", Id(world.UserId(world.CommentVoter(commentId, ordinal))));
                        w.WriteString("createdAt", Time(world.CommentVoteCreatedAt(post, comment, ordinal)));
                    };
                }
            }
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> PostTopics()
    {
        for (var p = 0; p < VisiblePosts; p++)
        {
            var postId = Id(world.Posts[p].Id);
            foreach (var topic in world.TopicsOf(p).ToArray())
            {
                var topicId = Id(world.Topics[topic].Id);
                yield return w =>
                {
                    w.WriteString("postId", postId);
                    w.WriteString("topicId", topicId);
                };
            }
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> PostMakers()
    {
        for (var p = 0; p < VisiblePosts; p++)
        {
            var postId = Id(world.Posts[p].Id);
            foreach (var maker in world.MakersOf(p).ToArray())
            {
                var userId = Id(world.UserId(maker));
                yield return w =>
                {
                    w.WriteString("postId", postId);
                    w.WriteString("userId", userId);
                };
            }
        }
    }

    private IEnumerable<Action<Utf8JsonWriter>> CollectionPosts()
    {
        for (var c = 0; c < world.Collections.Length; c++)
        {
            if (!world.IsCollectionVisible(c, now))
            {
                continue;
            }

            var collectionId = Id(world.Collections[c].Id);
            foreach (var post in world.PostsOfCollection(c).ToArray())
            {
                if (!world.IsPostVisible(post, now))
                {
                    continue;
                }

                var postId = Id(world.Posts[post].Id);
                yield return w =>
                {
                    w.WriteString("collectionId", collectionId);
                    w.WriteString("postId", postId);
                };
            }
        }
    }

    /// <summary>The seeded vote bursts of launched posts: the answers spike detection should find.</summary>
    private IEnumerable<Action<Utf8JsonWriter>> VoteBursts()
    {
        for (var p = 0; p < VisiblePosts; p++)
        {
            if (world.VoteBurstOf(p) is not { } burst)
            {
                continue;
            }

            var index = p;
            yield return w =>
            {
                var start = world.Posts[index].ScheduledAt + (burst.Hour * 3600);
                w.WriteString("postId", Id(world.Posts[index].Id));
                w.WriteNumber("hour", burst.Hour);
                w.WriteString("startsAt", Time(start));
                w.WriteString("endsAt", Time(start + 3600));
                w.WriteNumber("votes", burst.Votes);
                w.WriteNumber(
                    "votesByNow",
                    Math.Clamp(world.PostVotesAt(index, now) - burst.FirstOrdinal, 0, burst.Votes)
                );
                w.WriteNumber("finalVotes", burst.FinalVotes);
            };
        }
    }

    private static string Id(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
