using CsCheck;
using PHDB.Domain;
using PHDB.Testing;

namespace PHDB.Storage.Tests;

public sealed class IdempotencyPropertyTests(PostgresServer postgres)
{
    // A small universe of ids, instants and counts so that batches overlap, conflict, arrive out of order and
    // redact users often.
    private static readonly Gen<UserRef> UserRefs = Gen.Int[0, 4]
        .Select(i => i == 0 ? UserRef.Redacted : UserRef.Of(i));
    private static readonly Gen<DateTimeOffset> Observed = Gen.Int[0, 3].Select(d => Samples.T0.AddDays(d));

    private static readonly Gen<Post> Posts =
        from id in Gen.Int[1, 4]
        from observed in Observed
        from votes in Gen.Int[0, 2]
        from topics in Gen.Long[1, 4].List[0, 3]
        from hunter in UserRefs
        from makers in UserRefs.List[0, 3]
        from media in Gen.Int[0, 3]
        from links in Gen.Int[0, 2]
        select Samples.Post(
            id,
            observed,
            votes * 10,
            [.. topics.Distinct()],
            hunter,
            makers,
            media,
            links,
            name: $"Product {id} seen {observed:dd} with {votes}"
        );

    private static readonly Gen<Topic> Topics =
        from id in Gen.Long[1, 4]
        from full in Gen.Bool
        from followers in Gen.Int[0, 2]
        select full ? Samples.FullTopic(id, followers) : Samples.Stub(id);

    private static readonly Gen<Comment> Comments =
        from id in Gen.Long[1, 4]
        from post in Gen.Long[1, 4]
        from parent in Gen.Long[0, 4]
        from author in UserRefs
        from observed in Observed
        select Samples.Comment(
            id,
            post,
            parent == 0 || parent == id ? null : parent,
            author,
            observed,
            body: $"Comment {id} seen {observed:dd}"
        );

    private static readonly Gen<Vote> Votes =
        from id in Gen.Long[1, 4]
        from onComment in Gen.Bool
        from subject in Gen.Long[1, 4]
        from voter in UserRefs
        select Samples.Vote(id, onComment ? VoteSubject.Comment : VoteSubject.Post, subject, voter);

    private static readonly Gen<Collection> Collections =
        from id in Gen.Long[1, 2]
        from withTopics in Gen.Bool
        from topics in Gen.Long[1, 4].List[0, 2]
        from curator in UserRefs
        from observed in Observed
        select Samples.Collection(
            id,
            withTopics ? [.. topics.Distinct()] : null,
            curator,
            observed,
            $"Collection {id} seen {observed:dd}"
        );

    private static readonly Gen<CollectionPosts> CollectionPages =
        from id in Gen.Long[1, 2]
        from posts in Gen.Long[1, 4].List[0, 3]
        from complete in Gen.Bool
        select new CollectionPosts(id, [.. posts.Distinct()], complete);

    private static readonly Gen<HarvestBatch> Batches =
        from users in Gen.Long[1, 4].List[0, 2]
        from topics in Topics.List[0, 2]
        from posts in Posts.List[0, 3]
        from comments in Comments.List[0, 3]
        from votes in Votes.List[0, 2]
        from collections in Collections.List[0, 1]
        from pages in CollectionPages.List[0, 1]
        select new HarvestBatch
        {
            Users = [.. users.Select(id => Samples.User(id))],
            Topics = topics,
            Posts = posts,
            Comments = comments,
            Votes = votes,
            Collections = collections,
            CollectionPosts = pages,
        };

    [Fact]
    public async Task Any_sequence_of_batches_written_once_or_twice_gives_the_same_state()
    {
        await using var once = await TestStore.CreateAsync(postgres, "once");
        await using var repeated = await TestStore.CreateAsync(postgres, "repeated");

        await Gen.Select(Batches, Gen.Bool)
            .List[1, 5]
            .SampleAsync(
                async sequence =>
                {
                    await once.TruncateAsync();
                    await repeated.TruncateAsync();
                    foreach (var (batch, twice) in sequence)
                    {
                        await once.WriteAsync(batch);
                        await repeated.WriteAsync(batch);
                        if (twice)
                        {
                            var again = await repeated.WriteAsync(batch);
                            Assert.False(again.Changed);
                        }
                    }

                    Assert.Equal(await once.DumpAsync(), await repeated.DumpAsync());
                },
                iter: 40,
                threads: 1
            );
    }
}
