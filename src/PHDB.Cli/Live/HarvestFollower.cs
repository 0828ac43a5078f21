using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PHDB.Cli.Connection;
using PHDB.Operations;
using PHDB.Storage;

namespace PHDB.Cli.Live;

/// <summary>
/// Follows the harvest from the command line: the console's <see cref="HarvestFeed"/> (the harvest event stream plus
/// a re-read of the grains every minute) over a session, each new view offered on <see cref="Views"/>, older ones
/// dropped when the reader is slower than the harvest.
/// </summary>
internal sealed class HarvestFollower : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly HarvestFeed feed;
    private readonly Channel<HarvestView> views = Channel.CreateBounded<HarvestView>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }
    );

    private HarvestFollower(ClusterSession session)
    {
        dataSource = PhdbDatabase.Open(session.Target);
        feed = new HarvestFeed(
            session.Client,
            new StoredTotalsReader(dataSource),
            TimeProvider.System,
            Options.Create(
                new HarvestFeedOptions
                {
                    PushInterval = TimeSpan.FromMilliseconds(250),
                    TotalsInterval = TimeSpan.FromSeconds(1),
                }
            ),
            NullLogger<HarvestFeed>.Instance
        );
        feed.Changed += view => views.Writer.TryWrite(view);
    }

    /// <summary>New views as they come.</summary>
    public ChannelReader<HarvestView> Views => views.Reader;

    /// <summary>Subscribes and reads the grains once.</summary>
    public static async Task<HarvestFollower> StartAsync(ClusterSession session, CancellationToken cancellationToken)
    {
        var follower = new HarvestFollower(session);
        await follower.feed.StartAsync(cancellationToken);
        return follower;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await feed.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Leaving the stream is best effort.
        }

        feed.Dispose();
        await dataSource.DisposeAsync();
    }
}
