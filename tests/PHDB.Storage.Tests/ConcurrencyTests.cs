using PHDB.Domain;
using PHDB.Testing;

namespace PHDB.Storage.Tests;

public sealed class ConcurrencyTests(PostgresServer postgres)
{
    [Fact]
    public async Task Concurrent_writers_of_overlapping_batches_all_succeed_and_agree()
    {
        await using var store = await TestStore.CreateAsync(postgres, "concurrent");
        await using var reference = await TestStore.CreateAsync(postgres, "concurrentref");
        // Eight batches over the same 200 posts, their users and topics, with comments and votes that reference
        // posts other batches carry (placeholders racing with real rows).
        var batches = Enumerable
            .Range(0, 8)
            .Select(i =>
            {
                var page = Samples.Page(1 + (i % 2 * 100), 100, seed: i % 2);
                return page with
                {
                    Comments = [.. Enumerable.Range(1, 50).Select(c => Samples.Comment(c, 1 + ((c + i) % 200)))],
                    Votes =
                    [
                        .. Enumerable.Range(1, 50).Select(v => Samples.Vote(v, VoteSubject.Post, 1 + ((v * 7) % 200))),
                    ],
                };
            })
            .ToList();

        await Task.WhenAll(batches.Select(b => Task.Run(() => store.WriteAsync(b))));
        foreach (var batch in batches)
        {
            await reference.WriteAsync(batch);
        }

        Assert.Equal(200, await store.CountAsync("posts", "name IS NOT NULL"));
        Assert.Equal(
            await reference.CountAsync("post_topics") + await reference.CountAsync("post_makers"),
            await store.CountAsync("post_topics") + await store.CountAsync("post_makers")
        );
        Assert.Equal(await reference.CountAsync("users"), await store.CountAsync("users"));
        Assert.Equal(await reference.CountAsync("comments"), await store.CountAsync("comments"));
        Assert.Equal(50, await store.CountAsync("votes"));
    }
}
