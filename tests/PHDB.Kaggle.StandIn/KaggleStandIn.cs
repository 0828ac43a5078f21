using System.Net;

namespace PHDB.Kaggle.StandIn;

/// <summary>
/// A stand-in for Kaggle's public API on loopback: the RPCs a dataset publication uses
/// (<c>POST /v1/{service}/{Method}</c> and <c>/api/v1/...</c>), resumable blob uploads with GCS semantics, Kaggle's
/// validation, the status progression to <c>READY</c>, and injectable <see cref="Faults"/>. Nothing it logs carries a
/// request body or a credential.
/// </summary>
public sealed class KaggleStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly StandInStore store;
    private readonly string? ownedDirectory;

    private KaggleStandIn(WebApplication app, StandInStore store, string? ownedDirectory, Uri endpoint)
    {
        this.app = app;
        this.store = store;
        this.ownedDirectory = ownedDirectory;
        Endpoint = endpoint;
    }

    /// <summary>The base URL to give the client (<c>Kaggle:Endpoint</c>), e.g. <c>http://127.0.0.1:5090/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The faults to inject, settable at any time.</summary>
    public KaggleStandInFaults Faults => store.Faults;

    /// <summary>The options the stand-in runs with (credentials, clocks).</summary>
    public KaggleStandInOptions Options => store.Options;

    /// <summary>A snapshot of every dataset.</summary>
    public IReadOnlyList<StandInDataset> Datasets => store.Datasets();

    /// <summary>Total body bytes received by every upload PUT (to measure how much a resumption re-sent).</summary>
    public long UploadBytesReceived => store.UploadBytesReceived;

    /// <summary>Every request answered so far, in the order their answers started.</summary>
    public IReadOnlyList<StandInRequest> Requests => store.Requests();

    /// <summary>A snapshot of the dataset <paramref name="owner"/>/<paramref name="slug"/>, or null.</summary>
    public StandInDataset? Find(string owner, string slug) => store.Snapshot(owner, slug);

    /// <summary>Starts a stand-in on 127.0.0.1 (on <see cref="KaggleStandInOptions.Port"/>, a free port when 0).</summary>
    public static async Task<KaggleStandIn> StartAsync(
        KaggleStandInOptions? options = null,
        CancellationToken ct = default
    )
    {
        options ??= new KaggleStandInOptions();
        var owned = options.DataDirectory is null
            ? Directory.CreateTempSubdirectory("phdb-kaggle-standin-").FullName
            : null;
        var directory = owned ?? Path.GetFullPath(options.DataDirectory!);
        var blobs = Path.Combine(directory, "blobs");
        Directory.CreateDirectory(blobs);
        var store = new StandInStore(blobs, options, new KaggleStandInFaults());

        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions
            {
                ApplicationName = typeof(KaggleStandIn).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = Environments.Production,
                Args = [],
            }
        );
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Use(RecordRequestsAsync(store));
        var api = new ApiEndpoint(store);
        var uploads = new UploadEndpoint(store);
        app.MapPost("/v1/{service}/{method}", api.HandleAsync);
        app.MapPost("/api/v1/{service}/{method}", api.HandleAsync);
        app.MapPut("/upload/{session}", uploads.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            store.Dispose();
            DeleteDirectory(owned);
            throw;
        }

        var address = app.Urls.First();
        return new KaggleStandIn(app, store, owned, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops serving and deletes the blobs when the data directory was a temporary one.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        store.Dispose();
        DeleteDirectory(ownedDirectory);
    }

    private static Func<HttpContext, RequestDelegate, Task> RecordRequestsAsync(StandInStore store) =>
        async (context, next) =>
        {
            var recorded = 0;
            void Record(int status)
            {
                if (Interlocked.Exchange(ref recorded, 1) == 0)
                {
                    store.Record(new StandInRequest(context.Request.Method, context.Request.Path.Value ?? "", status));
                }
            }

            // Recorded as the answer starts, so a client that saw the answer also sees the record.
            context.Response.OnStarting(() =>
            {
                Record(context.Response.StatusCode);
                return Task.CompletedTask;
            });
            try
            {
                await next(context);
            }
            finally
            {
                if (!context.Response.HasStarted)
                {
                    Record(
                        context.RequestAborted.IsCancellationRequested
                            ? StandInRequest.Aborted
                            : context.Response.StatusCode
                    );
                }
            }
        };

    private static void DeleteDirectory(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; it lives in the temp directory anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
