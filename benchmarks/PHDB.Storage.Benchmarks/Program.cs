using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using PHDB.Domain;
using PHDB.Storage;
using PHDB.Storage.Tests;
using PHDB.Testing;

// Storage benchmark, on a throwaway PostgreSQL server of its own. Realistic harvest pages (posts with their users,
// topic stubs, makers, topics, media, product links; one snapshot per post) are written three ways, page by page,
// alternating so that all three see the same load of the machine:
//   1. raw binary COPY of the pages' rows into empty tables without keys, indexes or constraints;
//   2. raw binary COPY of the same rows into the real schema of an empty database (users and topics once);
//   3. HarvestBatchWriter.WriteAsync into the migrated schema.
// Then the writer writes the same pages again (unchanged) and a refresh (every post's votes changed).
// Usage: dotnet run -c Release --project benchmarks/PHDB.Storage.Benchmarks -- [posts] [page size] [redacted]
// Diagnostics: PHDB_BENCH_EXPLAIN=<ms> logs slow statements' plans; PHDB_BENCH_DROP=fk|ix drops foreign keys or
// secondary indexes first.
var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var pageSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var redacted = args.Length > 2 && args[2] == "redacted";

var server = new PostgresServer();
await server.InitializeAsync();
try
{
    var connectionString = await server.CreateMigratedDatabaseAsync("storage_bench", CancellationToken.None);
    var explain = Environment.GetEnvironmentVariable("PHDB_BENCH_EXPLAIN");
    if (explain is not null)
    {
        // Diagnostics: log the plans of statements slower than PHDB_BENCH_EXPLAIN milliseconds.
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = NpgsqlDataSource.Create(connectionString);
        await using var set = admin.CreateCommand(
            $"ALTER DATABASE \"{database}\" SET session_preload_libraries = 'auto_explain';"
                + $"ALTER DATABASE \"{database}\" SET auto_explain.log_min_duration = '{int.Parse(explain, CultureInfo.InvariantCulture)}ms';"
                + $"ALTER DATABASE \"{database}\" SET auto_explain.log_analyze = on"
        );
        await set.ExecuteNonQueryAsync();
    }

    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await DropForDiagnosticsAsync(dataSource);

    var pages = Enumerable
        .Range(0, (posts + pageSize - 1) / pageSize)
        .Select(i => Samples.Page(1 + (long)i * pageSize, Math.Min(pageSize, posts - i * pageSize), seed: i, redacted))
        .ToList();
    var rows = pages.Sum(RowsOf);
    Console.WriteLine(
        $"{posts} posts in {pages.Count} pages of {pageSize}, users {(redacted ? "redacted" : "disclosed")}: {rows} rows "
            + $"({Environment.ProcessorCount} cores, PostgreSQL on the same machine)"
    );

    var writer = new HarvestBatchWriter(dataSource, NullLogger<HarvestBatchWriter>.Instance);
    await writer.WriteAsync(Samples.Page(10_000_000, 50, seed: -1), CancellationToken.None); // warm-up

    await CreateCopyTablesAsync(dataSource);
    await CopyAsync(dataSource, Samples.Page(10_000_000, 50, seed: -1), "copy_"); // warm-up
    await TruncateCopyTablesAsync(dataSource);

    // The same rows copied into the real schema (keys, indexes, foreign keys) of an empty database: the floor
    // of any loader of this schema.
    var schemaConnectionString = await server.CreateMigratedDatabaseAsync("storage_bench_copy", CancellationToken.None);
    await using var schemaDataSource = NpgsqlDataSource.Create(schemaConnectionString);
    await DropForDiagnosticsAsync(schemaDataSource);
    var seenUsers = new HashSet<long>();
    var seenTopics = new HashSet<long>();
    await CopyAsync(schemaDataSource, Samples.Page(10_000_000, 50, seed: -1), "", seenUsers, seenTopics); // warm-up
    var schemaCopy = new Stopwatch();
    long schemaRows = 0;

    // Upsert and COPY alternate page by page so that both see the same load of this shared machine.
    var upsert = new Stopwatch();
    var copy = new Stopwatch();
    var changes = new HarvestWriteResult();
    foreach (var page in pages)
    {
        upsert.Start();
        var result = await writer.WriteAsync(page, CancellationToken.None);
        upsert.Stop();
        changes = changes with { Posts = changes.Posts + result.Posts };
        copy.Start();
        await CopyAsync(dataSource, page, "copy_");
        copy.Stop();
        schemaCopy.Start();
        schemaRows += await CopyAsync(schemaDataSource, page, "", seenUsers, seenTopics);
        schemaCopy.Stop();
    }

    var rewrite = Stopwatch.StartNew();
    foreach (var page in pages)
    {
        await writer.WriteAsync(page, CancellationToken.None);
    }

    rewrite.Stop();

    // A refresh: every post observed a day later with more votes; links unchanged.
    var refreshed = pages
        .Select(page =>
            page with
            {
                Posts =
                [
                    .. page.Posts.Select(p =>
                        p with
                        {
                            VotesCount = p.VotesCount + 1,
                            ObservedAt = p.ObservedAt.AddDays(1),
                        }
                    ),
                ],
            }
        )
        .ToList();
    var refresh = Stopwatch.StartNew();
    foreach (var page in refreshed)
    {
        await writer.WriteAsync(page, CancellationToken.None);
    }

    refresh.Stop();

    var upsertRate = rows / upsert.Elapsed.TotalSeconds;
    var rewriteRate = rows / rewrite.Elapsed.TotalSeconds;
    var copyRate = rows / copy.Elapsed.TotalSeconds;
    Console.WriteLine($"posts inserted by the upsert: {changes.Posts.Inserted}");
    Console.WriteLine("| path | time | rows/s | vs COPY |");
    Console.WriteLine("|---|---:|---:|---:|");
    Console.WriteLine(Line("raw binary COPY, empty unindexed tables", copy.Elapsed, copyRate, copyRate));
    Console.WriteLine(
        Line(
            $"raw binary COPY into the real schema, empty database ({schemaRows} rows: users and topics once)",
            schemaCopy.Elapsed,
            schemaRows / schemaCopy.Elapsed.TotalSeconds,
            copyRate
        )
    );
    Console.WriteLine(Line("batch upsert, new rows", upsert.Elapsed, upsertRate, copyRate));
    Console.WriteLine(Line("batch upsert, same batches again (unchanged)", rewrite.Elapsed, rewriteRate, copyRate));
    Console.WriteLine(
        Line(
            "batch upsert, refresh (posts' votes changed: posts updated, snapshots appended)",
            refresh.Elapsed,
            rows / refresh.Elapsed.TotalSeconds,
            copyRate
        )
    );
}
finally
{
    if (Environment.GetEnvironmentVariable("PHDB_BENCH_EXPLAIN") is not null)
    {
        Console.WriteLine(server.Log);
    }

    await server.DisposeAsync();
}

static string Line(string name, TimeSpan elapsed, double rate, double copyRate) =>
    string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {elapsed.TotalSeconds:F1} s | {rate:N0} | {rate / copyRate:P0} |"
    );

// The rows a page writes: users, topics, posts, post_topics, post_makers, post_media, post_product_links and one
// snapshot per post.
static long RowsOf(HarvestBatch page) =>
    page.Users.Count
    + page.Topics.Count
    + (page.Posts.Count * 2L)
    + page.Posts.Sum(p => p.TopicIds.Count + p.Makers.Count(m => !m.IsRedacted) + p.Media.Count + p.ProductLinks.Count);

// Diagnostics: PHDB_BENCH_DROP=fk drops the foreign keys, =ix the secondary indexes of the harvest tables, to
// show what they cost.
static async Task DropForDiagnosticsAsync(NpgsqlDataSource dataSource)
{
    if (Environment.GetEnvironmentVariable("PHDB_BENCH_DROP") is not ({ } drop and ("fk" or "ix")))
    {
        return;
    }

    await using var command = dataSource.CreateCommand(
        drop == "fk"
            ? "SELECT string_agg(format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname), ';') "
                + "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text NOT LIKE 'orleans%'"
            : "SELECT string_agg(format('DROP INDEX %I', indexname), ';') FROM pg_indexes "
                + "WHERE schemaname = 'public' AND indexname LIKE 'ix\\_%' AND tablename NOT LIKE 'orleans%'"
    );
    var statements = (string)(await command.ExecuteScalarAsync())!;
    await using var apply = dataSource.CreateCommand(statements);
    await apply.ExecuteNonQueryAsync();
    Console.WriteLine($"diagnostics: dropped {drop}");
}

static async Task CreateCopyTablesAsync(NpgsqlDataSource dataSource)
{
    string[] tables =
    [
        "users",
        "topics",
        "posts",
        "post_topics",
        "post_makers",
        "post_media",
        "post_product_links",
        "post_snapshots",
    ];
    await using var command = dataSource.CreateCommand(
        string.Join(";\n", tables.Select(t => $"CREATE TABLE copy_{t} (LIKE {t})"))
    );
    await command.ExecuteNonQueryAsync();
}

static async Task TruncateCopyTablesAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand(
        "TRUNCATE copy_users, copy_topics, copy_posts, copy_post_topics, copy_post_makers, copy_post_media, "
            + "copy_post_product_links, copy_post_snapshots"
    );
    await command.ExecuteNonQueryAsync();
}

// Copies the page's rows into tables named <prefix><table>. With seen sets, users and topics already copied by an
// earlier page are skipped (tables with keys refuse duplicates). Returns the rows copied.
static async Task<long> CopyAsync(
    NpgsqlDataSource dataSource,
    HarvestBatch page,
    string prefix,
    HashSet<long>? seenUsers = null,
    HashSet<long>? seenTopics = null
)
{
    var pageUsers = page.Users.Where(u => seenUsers?.Add(u.Id) ?? true).ToList();
    var pageTopics = page.Topics.Where(t => seenTopics?.Add(t.Id) ?? true).ToList();
    var copied = RowsOf(page) - (page.Users.Count - pageUsers.Count) - (page.Topics.Count - pageTopics.Count);
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using (
        var users = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}users (id, name, username, headline, twitter_username, website_url, url, created_at, "
                + "profile_image, cover_image, is_maker) FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var u in pageUsers)
        {
            await users.StartRowAsync();
            await users.WriteAsync(u.Id, NpgsqlDbType.Bigint);
            await users.WriteAsync(u.Name, NpgsqlDbType.Text);
            await users.WriteAsync(u.Username, NpgsqlDbType.Text);
            await WriteNullableAsync(users, u.Headline);
            await WriteNullableAsync(users, u.TwitterUsername);
            await WriteNullableAsync(users, u.WebsiteUrl);
            await users.WriteAsync(u.Url, NpgsqlDbType.Text);
            await users.WriteAsync(u.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(users, u.ProfileImage);
            await WriteNullableAsync(users, u.CoverImage);
            await users.WriteAsync(u.IsMaker, NpgsqlDbType.Boolean);
        }

        await users.CompleteAsync();
    }

    await using (
        var topics = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}topics (id, name, slug) FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var t in pageTopics)
        {
            await topics.StartRowAsync();
            await topics.WriteAsync(t.Id, NpgsqlDbType.Bigint);
            await topics.WriteAsync(t.Name, NpgsqlDbType.Text);
            await topics.WriteAsync(t.Slug, NpgsqlDbType.Text);
        }

        await topics.CompleteAsync();
    }

    await using (
        var postRows = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}posts (id, name, slug, tagline, description, url, website, votes_count, comments_count, "
                + "reviews_count, reviews_rating, created_at, featured_at, hunter_id, hunter_redacted, "
                + "redacted_makers, thumbnail_type, thumbnail_url, thumbnail_video_url, observed_at) "
                + "FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var p in page.Posts)
        {
            await postRows.StartRowAsync();
            await postRows.WriteAsync(p.Id, NpgsqlDbType.Bigint);
            await postRows.WriteAsync(p.Name, NpgsqlDbType.Text);
            await postRows.WriteAsync(p.Slug, NpgsqlDbType.Text);
            await postRows.WriteAsync(p.Tagline, NpgsqlDbType.Text);
            await WriteNullableAsync(postRows, p.Description);
            await postRows.WriteAsync(p.Url, NpgsqlDbType.Text);
            await postRows.WriteAsync(p.Website, NpgsqlDbType.Text);
            await postRows.WriteAsync(p.VotesCount, NpgsqlDbType.Integer);
            await postRows.WriteAsync(p.CommentsCount, NpgsqlDbType.Integer);
            await postRows.WriteAsync(p.ReviewsCount, NpgsqlDbType.Integer);
            await postRows.WriteAsync(p.ReviewsRating, NpgsqlDbType.Double);
            await postRows.WriteAsync(p.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            if (p.FeaturedAt is { } featured)
            {
                await postRows.WriteAsync(featured.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            }
            else
            {
                await postRows.WriteNullAsync();
            }

            if (p.Hunter.Id is { } hunter)
            {
                await postRows.WriteAsync(hunter, NpgsqlDbType.Bigint);
            }
            else
            {
                await postRows.WriteNullAsync();
            }

            await postRows.WriteAsync(p.Hunter.IsRedacted, NpgsqlDbType.Boolean);
            await postRows.WriteAsync(p.Makers.Count(m => m.IsRedacted), NpgsqlDbType.Integer);
            await WriteNullableAsync(postRows, p.Thumbnail?.Type);
            await WriteNullableAsync(postRows, p.Thumbnail?.Url);
            await WriteNullableAsync(postRows, p.Thumbnail?.VideoUrl);
            await postRows.WriteAsync(p.ObservedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        await postRows.CompleteAsync();
    }

    await using (
        var links = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}post_topics (post_id, topic_id) FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var p in page.Posts)
        {
            foreach (var t in p.TopicIds)
            {
                await links.WriteRowAsync(CancellationToken.None, p.Id, t);
            }
        }

        await links.CompleteAsync();
    }

    await using (
        var makers = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}post_makers (post_id, user_id, position) FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var p in page.Posts)
        {
            var position = 0;
            foreach (var m in p.Makers.Where(m => !m.IsRedacted))
            {
                await makers.WriteRowAsync(CancellationToken.None, p.Id, m.Id!.Value, position++);
            }
        }

        await makers.CompleteAsync();
    }

    await using (
        var media = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}post_media (post_id, position, type, url, video_url) FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var p in page.Posts)
        {
            for (var i = 0; i < p.Media.Count; i++)
            {
                await media.StartRowAsync();
                await media.WriteAsync(p.Id, NpgsqlDbType.Bigint);
                await media.WriteAsync(i, NpgsqlDbType.Integer);
                await media.WriteAsync(p.Media[i].Type, NpgsqlDbType.Text);
                await media.WriteAsync(p.Media[i].Url, NpgsqlDbType.Text);
                await WriteNullableAsync(media, p.Media[i].VideoUrl);
            }
        }

        await media.CompleteAsync();
    }

    await using (
        var productLinks = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}post_product_links (post_id, position, type, url) FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var p in page.Posts)
        {
            for (var i = 0; i < p.ProductLinks.Count; i++)
            {
                await productLinks.WriteRowAsync(
                    CancellationToken.None,
                    p.Id,
                    i,
                    p.ProductLinks[i].Type,
                    p.ProductLinks[i].Url
                );
            }
        }

        await productLinks.CompleteAsync();
    }

    await using (
        var snapshots = await connection.BeginBinaryImportAsync(
            $"COPY {prefix}post_snapshots (post_id, observed_at, votes_count, comments_count, reviews_count) "
                + "FROM STDIN (FORMAT BINARY)"
        )
    )
    {
        foreach (var p in page.Posts)
        {
            await snapshots.StartRowAsync();
            await snapshots.WriteAsync(p.Id, NpgsqlDbType.Bigint);
            await snapshots.WriteAsync(p.ObservedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await snapshots.WriteAsync(p.VotesCount, NpgsqlDbType.Integer);
            await snapshots.WriteAsync(p.CommentsCount, NpgsqlDbType.Integer);
            await snapshots.WriteAsync(p.ReviewsCount, NpgsqlDbType.Integer);
        }

        await snapshots.CompleteAsync();
    }

    await transaction.CommitAsync();
    return copied;
}

static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value)
{
    if (value is null)
    {
        await importer.WriteNullAsync();
    }
    else
    {
        await importer.WriteAsync(value, NpgsqlDbType.Text);
    }
}
