using Npgsql;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Analysis;

/// <summary>Loads every post's first-week vote curve (<see cref="DerivedTables.PostVotesHourly"/>) inside a snapshot.</summary>
public static class VoteCurveReader
{
    /// <summary>
    /// The curves of the posts with at least one vote in their first week, by post id. The data's horizon is the
    /// newest post vote in the snapshot: a curve is complete when its 168 hours end at or before it.
    /// </summary>
    public static async Task<IReadOnlyList<PostVoteCurve>> ReadAsync(
        SnapshotConnection connection,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(connection);
        DateTime? horizon;
        await using (
            var command = new NpgsqlCommand(
                "SELECT max(created_at) FROM votes WHERE post_id IS NOT NULL",
                connection.Connection,
                connection.Transaction
            )
        )
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            horizon = value is DateTime time ? time : null;
        }

        var curves = new List<PostVoteCurve>();
        if (horizon is null)
        {
            return curves;
        }

        await using var query = new NpgsqlCommand(
            $"""
            SELECT post_id, hour, hour_start - make_interval(hours => hour), votes
            FROM ({DerivedTables.PostVotesHourly.Query}) AS q(post_id, hour, hour_start, votes)
            ORDER BY post_id, hour
            """,
            connection.Connection,
            connection.Transaction
        );
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        long post = 0;
        var launched = default(DateTime);
        int[]? votes = null;
        void Flush()
        {
            if (votes is not null)
            {
                var complete = launched.AddHours(DerivedTables.Hours) <= horizon.Value;
                curves.Add(new PostVoteCurve(post, launched, votes, complete));
            }
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (votes is null || id != post)
            {
                Flush();
                post = id;
                launched = reader.GetFieldValue<DateTime>(2);
                votes = new int[DerivedTables.Hours];
            }

            votes[reader.GetInt32(1)] = reader.GetInt32(3);
        }

        Flush();
        return curves;
    }
}
