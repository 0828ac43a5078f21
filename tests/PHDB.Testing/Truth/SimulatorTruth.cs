using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PHDB.Testing.Truth;

/// <summary>
/// Everything the simulator's <c>/_sim/truth/*</c> endpoints return at one simulated instant, parsed: what a complete
/// harvest must have found. Unredacted: every user id is the real one; <see cref="ApplicationOwnerIds"/> says which
/// users the API discloses (with redaction on, only each application's owner, to that application's tokens).
/// </summary>
public sealed class SimulatorTruth
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The simulated instant every kind was read at (the <c>X-Sim-Now</c> header).</summary>
    public required DateTimeOffset SimulatedNow { get; init; }

    /// <summary>
    /// Owner user id of each configured application (<c>GET /_sim/world</c>), in the simulator's order.
    /// </summary>
    public required IReadOnlyList<long> ApplicationOwnerIds { get; init; }

    /// <summary>Launched posts.</summary>
    public required IReadOnlyList<TruthPost> Posts { get; init; }

    /// <summary>Every user of the world, referenced or not.</summary>
    public required IReadOnlyList<TruthUser> Users { get; init; }

    /// <summary>All topics.</summary>
    public required IReadOnlyList<TruthTopic> Topics { get; init; }

    /// <summary>Published collections created by now.</summary>
    public required IReadOnlyList<TruthCollection> Collections { get; init; }

    /// <summary>Comments and replies of launched posts.</summary>
    public required IReadOnlyList<TruthComment> Comments { get; init; }

    /// <summary>Votes of launched posts and of their comments.</summary>
    public required IReadOnlyList<TruthVote> Votes { get; init; }

    /// <summary>Topics of launched posts.</summary>
    public required IReadOnlyList<TruthPostTopic> PostTopics { get; init; }

    /// <summary>Makers of launched posts, unredacted, in the API's order per post.</summary>
    public required IReadOnlyList<TruthPostMaker> PostMakers { get; init; }

    /// <summary>Launched posts of visible collections.</summary>
    public required IReadOnlyList<TruthCollectionPost> CollectionPosts { get; init; }

    /// <summary>Reads every truth kind from the simulator at <paramref name="simulatorBaseAddress"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// The simulated clock moved between two reads (freeze it: <c>Clock:Speed = 0</c>), or the control API is off.
    /// </exception>
    public static async Task<SimulatorTruth> LoadAsync(Uri simulatorBaseAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(simulatorBaseAddress);
        using var http = new HttpClient { BaseAddress = simulatorBaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var instants = new HashSet<string>(StringComparer.Ordinal);

        async Task<IReadOnlyList<T>> Read<T>(string kind)
        {
            using var response = await http.GetAsync(
                new Uri($"_sim/truth/{kind}", UriKind.Relative),
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken
            );
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"GET /_sim/truth/{kind} answered {(int)response.StatusCode}; is the simulator's control API on?"
                );
            }

            if (response.Headers.TryGetValues("X-Sim-Now", out var now))
            {
                instants.UnionWith(now);
            }

            var rows = new List<T>();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length > 0)
                {
                    rows.Add(
                        JsonSerializer.Deserialize<T>(line, Json)
                            ?? throw new InvalidOperationException($"A null line in /_sim/truth/{kind}.")
                    );
                }
            }

            return rows;
        }

        var world =
            await http.GetFromJsonAsync<WorldInfo>(new Uri("_sim/world", UriKind.Relative), Json, cancellationToken)
            ?? throw new InvalidOperationException("GET /_sim/world returned null.");
        var posts = await Read<TruthPost>("posts");
        var users = await Read<TruthUser>("users");
        var topics = await Read<TruthTopic>("topics");
        var collections = await Read<TruthCollection>("collections");
        var comments = await Read<TruthComment>("comments");
        var votes = await Read<TruthVote>("votes");
        var postTopics = await Read<TruthPostTopic>("post_topics");
        var postMakers = await Read<TruthPostMaker>("post_makers");
        var collectionPosts = await Read<TruthCollectionPost>("collection_posts");
        instants.Add(world.Now);
        if (instants.Count != 1)
        {
            throw new InvalidOperationException(
                $"The simulated clock moved while the truth was read ({string.Join(", ", instants.Order())}); "
                    + "compare against a frozen clock (Clock:Speed = 0)."
            );
        }

        return new SimulatorTruth
        {
            SimulatedNow = DateTimeOffset.Parse(instants.Single(), CultureInfo.InvariantCulture),
            ApplicationOwnerIds = [.. world.Applications.Select(a => a.OwnerUserId)],
            Posts = posts,
            Users = users,
            Topics = topics,
            Collections = collections,
            Comments = comments,
            Votes = votes,
            PostTopics = postTopics,
            PostMakers = postMakers,
            CollectionPosts = collectionPosts,
        };
    }

    /// <summary>Reads the seeded vote bursts of launched posts (<c>/_sim/truth/vote_bursts</c>).</summary>
    public static async Task<IReadOnlyList<TruthVoteBurst>> LoadVoteBurstsAsync(
        Uri simulatorBaseAddress,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(simulatorBaseAddress);
        using var http = new HttpClient { BaseAddress = simulatorBaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var text = await http.GetStringAsync(new Uri("_sim/truth/vote_bursts", UriKind.Relative), cancellationToken);
        return
        [
            .. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line =>
                    JsonSerializer.Deserialize<TruthVoteBurst>(line, Json)
                    ?? throw new InvalidOperationException("A null line in /_sim/truth/vote_bursts.")
                ),
        ];
    }

    private sealed record WorldInfo(string Now, IReadOnlyList<WorldApplication> Applications);

    private sealed record WorldApplication(string Name, long OwnerUserId);
}
