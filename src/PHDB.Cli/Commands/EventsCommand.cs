using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Orleans.Streams;
using PHDB.Cli.Output;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.Webhooks;
using PHDB.Operations;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary><c>phdb events</c>: the harvest's event stream live, and the webhook subscribers' delivery state.</summary>
internal static class EventsCommand
{
    /// <summary>The event types <c>--type</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        nameof(HarvestStatusChanged),
        nameof(PartitionsChanged),
        nameof(PartitionCompleted),
        nameof(PostsSynced),
        nameof(RateBudgetChanged),
        nameof(RateLimitHit),
        nameof(HarvestCompleted),
        nameof(HarvestFailed),
    ];

    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(3);

    private static readonly JsonSerializerOptions LineJson = new(CliJson.Options) { WriteIndented = false };

    public static Command Create(CommandFactory factory)
    {
        var command = new Command("events", "The harvest's events live, and the webhook subscribers' delivery state")
        {
            Tail(factory),
            Webhooks(factory),
        };
        factory.AddExamples(command, "phdb events tail", "phdb events webhooks");
        return command;
    }

    private static Command Tail(CommandFactory factory)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per line (NDJSON), with all fields" };
        var types = new Option<string[]>("--type", "-t")
        {
            Description = "Only events of this type (repeatable): " + string.Join(", ", Types),
            AllowMultipleArgumentsPerToken = true,
        };
        types.AcceptOnlyFromAmong([.. Types]);
        var count = new Option<int?>("--count", "-n") { Description = "Stop after this many events" };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--count must be at least 1.");
            }
        });
        var untilRunEnds = new Option<bool>("--until-run-ends")
        {
            Description = "Stop when a run ends (completed, failed or cancelled)",
        };
        var command = new Command(
            "tail",
            "Prints the harvest's events as they happen, one line each, until Ctrl-C (exit 0)"
        )
        {
            json,
            types,
            count,
            untilRunEnds,
        };
        factory.AddExamples(
            command,
            "phdb events tail",
            "phdb events tail -t PartitionCompleted -t HarvestCompleted --json",
            "phdb events tail --until-run-ends"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var wanted = context.Parse.GetValue(types) is { Length: > 0 } named
                    ? named.ToHashSet(StringComparer.Ordinal)
                    : null;
                var limit = context.Parse.GetValue(count);
                var asJson = context.Parse.GetValue(json);
                var stopAtRunEnd = context.Parse.GetValue(untilRunEnds);
                await using var session = await context.ConnectAsync(cancellationToken);
                var received = Channel.CreateUnbounded<HarvestEvent>(
                    new UnboundedChannelOptions { SingleReader = true }
                );
                var stream = HarvestEvents.Get(session.Client);
                var subscription = await stream.SubscribeAsync(
                    (harvestEvent, _) =>
                    {
                        received.Writer.TryWrite(harvestEvent);
                        return Task.CompletedTask;
                    }
                );
                context.Output.Notice("Following the harvest's events; Ctrl-C stops.");
                var printed = 0;
                try
                {
                    await foreach (var harvestEvent in received.Reader.ReadAllAsync(cancellationToken))
                    {
                        var type = harvestEvent.GetType().Name;
                        if (wanted is null || wanted.Contains(type))
                        {
                            context.Output.Line(asJson ? JsonLine(type, harvestEvent) : TextLine(type, harvestEvent));
                            if (++printed == limit)
                            {
                                break;
                            }
                        }

                        if (stopAtRunEnd && harvestEvent is HarvestCompleted or HarvestFailed)
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl-C: a normal end.
                }
                finally
                {
                    try
                    {
                        await subscription.UnsubscribeAsync().WaitAsync(UnsubscribeTimeout, CancellationToken.None);
                    }
                    catch (Exception e) when (e is TimeoutException or OrleansException)
                    {
                        // The stream drops the subscription of a client that left by itself.
                    }
                }

                return ExitCodes.Ok;
            }
        );
        return command;
    }

    private static Command Webhooks(CommandFactory factory)
    {
        var json = GlobalOptions.Json();
        var command = new Command(
            "webhooks",
            "Each webhook subscriber (Events:Webhooks) with its queue, deliveries, drops and last failure"
        )
        {
            json,
        };
        factory.AddExamples(command, "phdb events webhooks", "phdb events webhooks --json");
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                await using var session = await context.ConnectAsync(cancellationToken);
                var subscribers = await session
                    .Client.GetGrain<IWebhookDirectoryGrain>(0)
                    .GetSubscribers()
                    .WaitAsync(cancellationToken);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(subscribers.Select(WebhookJson));
                    return ExitCodes.Ok;
                }

                if (subscribers.Count == 0)
                {
                    context.Output.Line("No webhook subscriber is configured (Events:Webhooks).");
                    return ExitCodes.Ok;
                }

                var table = context.Output.Table(
                    "Subscriber",
                    "Address",
                    "Events",
                    "State",
                    "Queued",
                    "Delivered",
                    "Dropped",
                    "Last error"
                );
                foreach (var s in subscribers)
                {
                    table.AddRow(
                        Markup.Escape(s.Name),
                        Markup.Escape(s.Url),
                        Markup.Escape(string.Join(", ", s.Events)),
                        Markup.Escape(s.State.ToLowerInvariant()),
                        HarvestText.Count(s.Queued),
                        HarvestText.Count(s.Delivered),
                        HarvestText.Count(s.Dropped),
                        Markup.Escape(s.LastError ?? "")
                    );
                }

                context.Output.Console.Write(table);
                return ExitCodes.Ok;
            }
        );
        return command;
    }

    private static object WebhookJson(WebhookSubscriberStatus s) =>
        new
        {
            name = s.Name,
            url = s.Url,
            events = s.Events,
            state = s.State.ToLowerInvariant(),
            queued = s.Queued,
            delivered = s.Delivered,
            dropped = s.Dropped,
            failedAttempts = s.FailedAttempts,
            lastDeliveredAt = s.LastDeliveredAt,
            lastError = s.LastError,
            nextAttemptAt = s.NextAttemptAt,
        };

    private static string TextLine(string type, HarvestEvent harvestEvent) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{harvestEvent.At.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} {type, -20} {HarvestText.Describe(harvestEvent)}"
        );

    private static string JsonLine(string type, HarvestEvent harvestEvent)
    {
        var line = JsonSerializer.SerializeToNode(harvestEvent, harvestEvent.GetType(), LineJson)!.AsObject();
        line.Insert(0, "type", type);
        return line.ToJsonString(LineJson);
    }
}
