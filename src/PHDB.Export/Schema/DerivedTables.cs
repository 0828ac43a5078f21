using PHDB.Storage;
using static PHDB.Export.Schema.Columns;

namespace PHDB.Export.Schema;

/// <summary>Tables computed from the harvested ones inside the same snapshot (SQL over posts and votes).</summary>
public static class DerivedTables
{
    /// <summary>Hours after launch covered by <see cref="PostVotesHourly"/>: the first 7 days.</summary>
    public const int Hours = 168;

    private const string Zone = HarvestReader.ProductHuntTimeZone;

    /// <summary>Votes per post per hour of its first week.</summary>
    public static readonly ExportTable PostVotesHourly = new(
        "post_votes_hourly",
        "The votes a post received in one hour of its first 7 days (168 hours) after launch, counted from the votes' own created_at. "
            + "Sparse: only hours with at least one vote are rows, so a missing (post_id, hour) means 0 votes. "
            + "Votes whose created_at is before the launch or 168 hours or more after it are not counted; placeholder posts have no rows. "
            + "A post launched less than 7 days before the harvest has only the hours harvested so far.",
        [
            Ref("post_id", "The post."),
            Count(
                "hour",
                "Whole hours since launch, 0–167: hour h holds votes cast in [created_at + h hours, created_at + h + 1 hours).",
                false
            ),
            Time("hour_start", "When the hour begins (UTC): the post's created_at plus hour hours.", nullable: false),
            Count("votes", "Votes cast in that hour (at least 1).", false),
        ],
        $"""
        SELECT p.id, h.hour, p.created_at + make_interval(hours => h.hour), h.votes
        FROM posts p
        CROSS JOIN LATERAL (
            SELECT floor(extract(epoch FROM v.created_at - p.created_at) / 3600)::integer AS hour, count(*)::integer AS votes
            FROM votes v
            WHERE v.post_id = p.id AND v.created_at >= p.created_at AND v.created_at < p.created_at + interval '{Hours} hours'
            GROUP BY 1
        ) h
        WHERE p.name IS NOT NULL AND p.created_at IS NOT NULL
        """,
        ["post_id", "hour"],
        [new("post_id", "posts")],
        [
            ["hour_start"],
        ]
    );

    /// <summary>Each launch day's posts ranked by votes at the day's end and by final votes.</summary>
    public static readonly ExportTable DailyLeaderboard = new(
        "daily_leaderboard",
        "One post on the leaderboard of its launch day. Product Hunt's day is the calendar day in America/Los_Angeles (Pacific time, with daylight saving): "
            + "a post belongs to the day of its created_at there. Placeholder posts (not read yet) are left out. "
            + "Ranks are SQL rank() within the day, highest votes first: tied posts share a rank and the next rank skips (1, 1, 3), "
            + "so rank = 1 + the number of the day's posts with strictly more votes. PHDB orders tied rows by post_id; the rank does not.",
        [
            Day("launch_day", "The Pacific-time launch day."),
            Ref("post_id", "The post."),
            Count(
                "votes_by_day_end",
                "Votes (rows of votes) cast before the end of the launch day, midnight Pacific time.",
                false
            ),
            Count("rank_by_day_end", "Rank of votes_by_day_end among the day's posts, from 1.", false),
            Count("final_votes", "The post's votes_count when last read.", false),
            Count("rank_by_final_votes", "Rank of final_votes among the day's posts, from 1.", false),
        ],
        $"""
        WITH day_posts AS (
            SELECT p.id, coalesce(p.votes_count, 0) AS final_votes, (p.created_at AT TIME ZONE '{Zone}')::date AS launch_day
            FROM posts p
            WHERE p.name IS NOT NULL AND p.created_at IS NOT NULL
        ), counted AS (
            SELECT d.launch_day, d.id, d.final_votes,
                (SELECT count(*) FROM votes v
                 WHERE v.post_id = d.id AND v.created_at < ((d.launch_day + 1)::timestamp AT TIME ZONE '{Zone}'))::integer AS by_day_end
            FROM day_posts d
        )
        SELECT launch_day, id, by_day_end,
            rank() OVER (PARTITION BY launch_day ORDER BY by_day_end DESC)::integer,
            final_votes,
            rank() OVER (PARTITION BY launch_day ORDER BY final_votes DESC)::integer
        FROM counted
        ORDER BY launch_day, by_day_end DESC, id
        """,
        ["launch_day", "post_id"],
        [new("post_id", "posts")],
        [
            ["post_id"],
        ]
    );

    /// <summary>The derived tables computed by a query, in the order they are written.</summary>
    public static IReadOnlyList<ExportTable> All { get; } = [PostVotesHourly, DailyLeaderboard];
}
