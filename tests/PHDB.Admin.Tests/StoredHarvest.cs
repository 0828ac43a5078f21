using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PHDB.Domain;
using PHDB.Storage;
using PHDB.Testing;

namespace PHDB.Admin.Tests;

/// <summary>
/// A migrated test database holding a small harvest: 60 posts over two topics, one post with hostile text,
/// comments, replies and two snapshots; the pages read it through the real reader and bookkeeping.
/// </summary>
internal sealed class StoredHarvest : IAsyncDisposable
{
    public const long HostilePost = 7;
    public const string Script = "<script>alert('phdb')</script>";
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 7, 0, 0, TimeSpan.Zero);

    private StoredHarvest(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Reader = new HarvestReader(dataSource);
        Bookkeeping = new HarvestBookkeeping(dataSource, Time);
    }

    public FakeTimeProvider Time { get; } = new(T0.AddDays(30));

    public NpgsqlDataSource DataSource { get; }

    public HarvestReader Reader { get; }

    public HarvestBookkeeping Bookkeeping { get; }

    /// <summary>A store whose database cannot be reached: every read fails.</summary>
    public static StoredHarvest Unreachable() =>
        new(
            NpgsqlDataSource.Create(
                $"Host=127.0.0.1;Port={LoopbackPort.Next()};Username=phdb;Password=none;Database=phdb;Timeout=5;Pooling=false"
            )
        );

    public static async Task<StoredHarvest> CreateAsync(PostgresServer postgres, string purpose)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = new StoredHarvest(
            NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync(purpose, cancellationToken))
        );
        var writer = new HarvestBatchWriter(store.DataSource, NullLogger<HarvestBatchWriter>.Instance, store.Time);
        await writer.WriteAsync(
            new HarvestBatch
            {
                Topics =
                [
                    new Topic(1, "Productivity", "productivity"),
                    new Topic(2, "Developer Tools", "developer-tools"),
                ],
                Posts = [.. Enumerable.Range(1, 60).Select(id => Post(id, votes: id * 2, observedAt: T0.AddDays(1)))],
                Comments =
                [
                    Comment(100, null, Script, UserRef.Redacted),
                    Comment(101, 100, "<img src=x onerror=alert(1)>", UserRef.Of(5)),
                    Comment(102, 101, "Third level", UserRef.Of(6)),
                    Comment(103, null, "Second thread", UserRef.Of(6)),
                ],
            },
            cancellationToken
        );
        await writer.WriteAsync(
            new HarvestBatch { Posts = [Post(HostilePost, votes: 99, observedAt: T0.AddDays(2))] },
            cancellationToken
        );
        return store;
    }

    /// <summary>Registers the store's reader, bookkeeping and clock with a component test's services.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(Reader);
        services.AddSingleton(Bookkeeping);
        services.AddSingleton<TimeProvider>(Time);
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static Post Post(long id, int votes, DateTimeOffset observedAt)
    {
        var hostile = id == HostilePost;
        return new Post(
            id,
            hostile ? $"Rocket {Script}" : $"Product {id}",
            $"product-{id}",
            hostile ? "<a href=\"javascript:alert(1)\">click</a>" : $"The tagline of product {id}",
            hostile ? $"Line one {Script}\nline two" : null,
            $"https://www.producthunt.com/posts/product-{id}",
            hostile ? "javascript:alert(1)" : $"https://www.product-{id}.example.com/",
            votes,
            hostile ? 4 : 0,
            0,
            0,
            T0.AddHours(id),
            id % 3 == 0 ? T0.AddHours(id).AddMinutes(5) : null,
            UserRef.Redacted,
            hostile ? [UserRef.Of(5), UserRef.Redacted] : [],
            hostile
                ?
                [
                    new Media("image", "https://ph-files.example/7/0.png", null),
                    new Media("image", "javascript:alert(1)", null),
                ]
                : [],
            null,
            hostile
                ?
                [
                    new ProductLink("website", "javascript:alert(1)"),
                    new ProductLink("App Store", "https://apps.example/7"),
                ]
                : [],
            [id % 2 == 1 ? 1L : 2L],
            observedAt
        );
    }

    private static Comment Comment(long id, long? parentId, string body, UserRef author) =>
        new(
            id,
            HostilePost,
            parentId,
            body,
            $"https://www.producthunt.com/posts/product-7#comment-{id}",
            T0.AddHours(HostilePost).AddMinutes(id),
            1,
            author,
            T0.AddDays(1)
        );
}
