using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PHDB.Export.Analysis;
using PHDB.Export.Schema;
using PHDB.Simulator.Hosting;

// Usage: dotnet run -c Release -- [scale] [burst share] [min votes] [seed]
// Curves come from the simulator's truth (/_sim/truth/votes), which a full harvest equals vote for vote (the truth
// tests check that), bucketed exactly as post_votes_hourly buckets the harvested votes.
var c = CultureInfo.InvariantCulture;
var scale = args.Length > 0 ? int.Parse(args[0], c) : 10_000;
var share = args.Length > 1 ? double.Parse(args[1], c) : 0.1;
var minVotes = args.Length > 2 ? int.Parse(args[2], c) : 100;
var seed = args.Length > 3 ? int.Parse(args[3], c) : 20140101;
var watch = Stopwatch.StartNew();
await using var simulator = await SimulatorHost.StartAsync(o =>
{
    o.Scale = scale;
    o.Seed = seed;
    o.Clock.Speed = 0;
    o.VoteBursts.Share = share;
    o.VoteBursts.MinVotes = minVotes;
});
using var http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };

async Task<List<JsonElement>> Truth(string kind)
{
    var rows = new List<JsonElement>();
    await using var body = await http.GetStreamAsync(new Uri($"_sim/truth/{kind}", UriKind.Relative));
    using var reader = new StreamReader(body);
    while (await reader.ReadLineAsync() is { } line)
    {
        if (line.Length > 0 && (kind != "votes" || line.Contains("\"Post\"", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(line);
            rows.Add(document.RootElement.Clone());
        }
    }

    return rows;
}

long Id(JsonElement row, string name) => long.Parse(row.GetProperty(name).GetString()!, c);
DateTime Time(JsonElement row, string name) => row.GetProperty(name).GetDateTime().ToUniversalTime();

var launches = (await Truth("posts")).ToDictionary(p => Id(p, "id"), p => Time(p, "createdAt"));
var curves = new Dictionary<long, int[]>();
var horizon = DateTime.MinValue;
var postVotes = 0;
foreach (var vote in await Truth("votes"))
{
    var post = Id(vote, "subjectId");
    var at = Time(vote, "createdAt");
    postVotes++;
    horizon = at > horizon ? at : horizon;
    var hour = (int)Math.Floor((at - launches[post]).TotalHours);
    if (hour is >= 0 and < DerivedTables.Hours)
    {
        if (!curves.TryGetValue(post, out var votes))
        {
            curves[post] = votes = new int[DerivedTables.Hours];
        }

        votes[hour]++;
    }
}

var bursts = (await Truth("vote_bursts")).ToDictionary(b => Id(b, "postId"), b => b.GetProperty("hour").GetInt32());
var input = curves
    .Select(p => new PostVoteCurve(p.Key, launches[p.Key], p.Value, launches[p.Key].AddHours(168) <= horizon))
    .ToList();
var eligible = input.Where(i => i.Complete && i.Total >= VoteSpikeOptions.Default.MinPostVotes).ToList();
var answers = bursts.Where(b => eligible.Any(e => e.PostId == b.Key)).ToDictionary();
Console.WriteLine(
    $"world: {scale} posts (seed {seed}), {postVotes} post votes, {eligible.Count} complete curves with ≥ "
        + $"{VoteSpikeOptions.Default.MinPostVotes} first-week votes, {bursts.Count} bursts ({answers.Count} in them); "
        + $"bursts on {share:P0} of posts with ≥ {minVotes} votes; loaded in {watch.Elapsed.TotalSeconds:0.0} s"
);
Console.WriteLine("| k | posts flagged | true positives | precision | recall (right hour) |");
Console.WriteLine("|---:|---:|---:|---:|---:|");
foreach (var k in new[] { 2.0, 3, 4, 6, 8, 12, 20, 40 })
{
    var spikes = new VoteSpikeDetector(new VoteSpikeOptions { K = k }).Detect(input);
    var flagged = spikes.Select(s => s.PostId).ToHashSet();
    var truePositives = flagged.Count(answers.ContainsKey);
    var found = answers.Count(a => spikes.Any(s => s.PostId == a.Key && s.Hour == a.Value));
    var precision = flagged.Count == 0 ? 1 : (double)truePositives / flagged.Count;
    var recall = answers.Count == 0 ? 1 : (double)found / answers.Count;
    Console.WriteLine(
        string.Create(
            c,
            $"| {k:0.#} | {flagged.Count} | {truePositives} | {precision:P1} | {recall:P1} ({found}/{answers.Count}) |"
        )
    );
    foreach (var missed in answers.Where(a => !spikes.Any(s => s.PostId == a.Key && s.Hour == a.Value)).Take(3))
    {
        var curve = eligible.Single(e => e.PostId == missed.Key);
        Console.WriteLine(
            $"  missed post {missed.Key} hour {missed.Value}: {curve.Votes[missed.Value]} of {curve.Total} first-week votes"
        );
    }

    foreach (var wrong in spikes.Where(s => !answers.ContainsKey(s.PostId)).Take(3))
    {
        Console.WriteLine(
            $"  false positive post {wrong.PostId} hour {wrong.Hour}: {wrong.Votes} of {wrong.PostVotes}, score {wrong.Score:0.0}"
        );
    }
}
