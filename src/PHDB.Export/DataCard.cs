using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PHDB.Export.Schema;

namespace PHDB.Export;

/// <summary>
/// The data card of an export: <c>README.md</c> (what the data is, coverage, row counts, the data dictionary,
/// redaction, limitations, licence, citation) and Kaggle's <c>dataset-metadata.json</c>.
/// </summary>
public static class DataCard
{
    /// <summary>The README's file name.</summary>
    public const string ReadmeFile = "README.md";

    /// <summary>Kaggle's metadata file name.</summary>
    public const string MetadataFile = "dataset-metadata.json";

    /// <summary>The files of the data card, with the manifest.</summary>
    public static IReadOnlySet<string> Files { get; } =
        new HashSet<string>(StringComparer.Ordinal) { ReadmeFile, MetadataFile, ExportCatalog.ManifestFile };

    /// <summary>The README's text.</summary>
    public static string Readme(DataCardFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var m = facts.Metadata;
        var hw = facts.HighWater;
        var text = new StringBuilder();
        text.Append("# ").AppendLine(m.Title).AppendLine();
        text.AppendLine(m.Subtitle + ".").AppendLine();
        text.AppendLine(m.Description).AppendLine();
        text.AppendLine(
                "PHDB reads Product Hunt's GraphQL API v2 completely: every post (launch) with its makers, topics, "
                    + "media and links, every comment and reply, every vote with its time, every collection and topic. "
                    + "It keeps the copy fresh with incremental runs and records how each count changed over time."
            )
            .AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Layout: **{facts.Layout.Name}**. {facts.Layout.Description}")
            .AppendLine();

        text.AppendLine("## Coverage").AppendLine();
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"- Posts launched from {Instant(hw.OldestPost)} to {Instant(hw.NewestPost)} (UTC)."
        );
        text.AppendLine(CultureInfo.InvariantCulture, $"- Newest vote: {Instant(hw.NewestVote)}.");
        var lastRun = hw.LastRunId is { } run
            ? $"the latest successful harvest run, #{run}, finished at {Instant(hw.LastRunFinishedAt)}."
            : "no harvest run had succeeded yet.";
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"- Harvested until {Instant(hw.NewestObservation)} (the newest time a row was read); {lastRun}"
        );
        text.AppendLine(
                CultureInfo.InvariantCulture,
                $"- Exported from one consistent database snapshot taken at {Instant(facts.SnapshotAt)}: every reference between tables resolves."
            )
            .AppendLine();

        text.AppendLine("## Files").AppendLine();
        text.AppendLine("| file | format | rows | bytes |").AppendLine("|---|---|---:|---:|");
        foreach (var file in facts.Files)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| `{file.Path}` | {file.Format} | {file.Rows:N0} | {file.Bytes:N0} |"
            );
        }

        text.AppendLine()
            .AppendLine(
                "`manifest.json` lists every file's rows, bytes, SHA-256 and schema. CSV files are RFC 4180, UTF-8, "
                    + "with a header row; an empty field is NULL and `\"\"` is an empty text; times are ISO-8601 UTC. "
                    + "Parquet files have typed columns (UTC timestamps). Folders named `month=YYYY-MM` are Hive-style "
                    + "partitions by month. On Kaggle, a published version's files carry their names without folders "
                    + "(`csv/posts.csv` is `posts.csv`)."
            )
            .AppendLine();

        text.AppendLine("## Row counts").AppendLine();
        text.AppendLine("| table | rows |").AppendLine("|---|---:|");
        foreach (var table in facts.Tables)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {table.Name} | {facts.Rows.GetValueOrDefault(table.Name):N0} |"
            );
        }

        text.AppendLine().AppendLine("## Data dictionary").AppendLine();
        foreach (var table in facts.Tables)
        {
            text.Append("### ").AppendLine(table.Name).AppendLine();
            text.AppendLine(table.Description).AppendLine();
            if (table.PrimaryKey.Count > 0)
            {
                text.AppendLine(
                        CultureInfo.InvariantCulture,
                        $"Key: {string.Join(", ", table.PrimaryKey.Select(c => $"`{c}`"))}."
                    )
                    .AppendLine();
            }

            text.AppendLine("| column | type | nullable | meaning |").AppendLine("|---|---|---|---|");
            foreach (var column in table.Columns)
            {
                var reference = table.ForeignKeys.FirstOrDefault(f => f.Column == column.Name);
                var meaning = reference is null
                    ? column.Description
                    : $"{column.Description} References `{reference.Table}.{reference.ReferencedColumn}`.";
                text.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"| `{column.Name}` | {TypeName(column.Kind)} | {(column.Nullable ? "yes" : "no")} | {Cell(meaning)} |"
                );
            }

            text.AppendLine();
        }

        text.AppendLine("## Redaction").AppendLine();
        text.AppendLine(
                "The API discloses only the token owner's own user; every other user it redacts. A redacted user is "
                    + "never a row of the users table and never merged into one shared user (there is no user 0): the "
                    + "row that refers to it keeps an empty id and says so — `hunter_redacted`, `author_redacted`, "
                    + "`voter_redacted`, `curator_redacted` are true and the id next to them is empty; a post counts "
                    + "its redacted makers in `redacted_makers`. Votes, comments and posts of redacted users are all "
                    + "present; only who cast or wrote them is unknown."
            )
            .AppendLine();

        text.AppendLine("## Known limitations").AppendLine();
        text.AppendLine(
            "- Counts (`votes_count`, `comments_count`, `reviews_count`, followers) are as last read: a post's "
                + "`observed_at` says when. Incremental runs re-read recent posts often and older ones rarely, so an "
                + "old post's counts can lag its votes; `post_snapshots` records every change PHDB saw."
        );
        text.AppendLine(
            "- A row whose data columns are all empty is a placeholder: a post, comment, user, topic or collection "
                + "another row refers to but PHDB has not read yet. A complete harvest leaves none."
        );
        text.AppendLine(
            "- `votes_count` can exceed the votes rows of a post when votes were cast after the votes were read, "
                + "or by accounts the API hides."
        );
        foreach (var note in facts.Layout.Notes)
        {
            text.Append("- ").AppendLine(note);
        }

        text.AppendLine().AppendLine("## Licence").AppendLine();
        text.Append("Licence named in the metadata: `")
            .Append(m.License)
            .AppendLine(
                "`. The content (names, taglines, descriptions, comments, images) belongs to Product Hunt and its "
                    + "users and is provided under Product Hunt's API terms; use it for research and analysis and "
                    + "check those terms before any commercial use."
            )
            .AppendLine();

        var year = facts.SnapshotAt.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture);
        var slug = m.Dataset.Split('/').Last();
        text.AppendLine("## Citation").AppendLine();
        text.AppendLine("```bibtex");
        text.AppendLine(CultureInfo.InvariantCulture, $"@misc{{{slug.Replace('-', '_')}_{year},");
        text.AppendLine(CultureInfo.InvariantCulture, $"  title        = {{{{{m.Title}}}}},");
        text.AppendLine(CultureInfo.InvariantCulture, $"  author       = {{{m.Dataset.Split('/')[0]}}},");
        text.AppendLine(CultureInfo.InvariantCulture, $"  year         = {{{year}}},");
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"  howpublished = {{\\url{{https://www.kaggle.com/datasets/{m.Dataset}}}}},"
        );
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"  note         = {{Harvested from the Product Hunt API v2 with PHDB; snapshot of {facts.SnapshotAt.UtcDateTime:yyyy-MM-dd}}}"
        );
        text.AppendLine("}");
        text.AppendLine("```");
        return text.ToString();
    }

    /// <summary>Kaggle's <c>dataset-metadata.json</c>.</summary>
    public static string KaggleMetadata(DataCardFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var m = facts.Metadata;
        var byName = facts.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var resources = new JsonArray();
        foreach (var file in facts.Files)
        {
            var resource = new JsonObject { ["path"] = file.Path };
            if (file.Tables.Count == 1 && byName.TryGetValue(file.Tables.Keys.Single(), out var table))
            {
                resource["description"] = table.Description;
                resource["schema"] = new JsonObject
                {
                    ["fields"] = new JsonArray([
                        .. table.Columns.Select(c => new JsonObject
                        {
                            ["name"] = c.Name,
                            ["description"] = c.Description,
                            ["type"] = c.KaggleType,
                        }),
                    ]),
                };
            }
            else
            {
                resource["description"] =
                    $"Every table in one {file.Format} database: {string.Join(", ", file.Tables.Keys)}.";
            }

            resources.Add(resource);
        }

        var metadata = new JsonObject
        {
            ["title"] = m.Title,
            ["id"] = m.Dataset,
            ["subtitle"] = m.Subtitle,
            ["description"] =
                $"{m.Description}\n\nSnapshot of {facts.SnapshotAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC; posts launched "
                + $"{Instant(facts.HighWater.OldestPost)} to {Instant(facts.HighWater.NewestPost)}. "
                + "See README.md for the data dictionary, redaction and limitations.",
            ["isPrivate"] = m.IsPrivate,
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = m.License }),
            ["keywords"] = new JsonArray([
                .. m.Keywords.Distinct(StringComparer.Ordinal).Select(k => JsonValue.Create(k)),
            ]),
            ["resources"] = resources,
        };
        return metadata.ToJsonString(ExportJson.Options);
    }

    /// <summary>The type name the data dictionary and the manifest use.</summary>
    public static string TypeName(ColumnKind kind) =>
        kind switch
        {
            ColumnKind.BigInt => "bigint",
            ColumnKind.Count => "integer",
            ColumnKind.Real => "double",
            ColumnKind.Boolean => "boolean",
            ColumnKind.Timestamp => "timestamp",
            ColumnKind.Date => "date",
            _ => "text",
        };

    private static string Instant(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(none)";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
