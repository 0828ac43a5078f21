using System.Globalization;
using System.Text.Json;
using PHDB.Export;
using PHDB.Kaggle;
using PHDB.Kaggle.Metadata;

namespace PHDB.Publishing;

/// <summary>
/// Makes a publication's plan: exports (or opens an export folder), writes its <c>dataset-metadata.json</c> with the
/// dataset's id, validates it as Kaggle would, lists the files sent and generates the release notes. Sends nothing.
/// </summary>
internal sealed class PublicationPlanner(
    PublicationHistory history,
    ExportRunner exports,
    ExportOptions exportOptions,
    KaggleOptions kaggleOptions,
    PublishingOptions options
)
{
    /// <summary>The export to publish: <see cref="PublishRequest.From"/>, or a new one.</summary>
    public async Task<ExportSource> PrepareAsync(
        PublishRequest request,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        if (request.From is { } from)
        {
            return OpenFolder(from);
        }

        progress?.Report(new PublicationProgress(PublicationStage.Exporting, "exporting the database"));
        var exportRequest = request.Export ?? new ExportRequest([.. options.Formats], options.Layout);
        var result = await exports.RunAsync(
            exportRequest,
            progress is null
                ? null
                : new ProgressOf<ExportProgress>(p =>
                {
                    // One report per table written, not one per batch.
                    if (p.Completed)
                    {
                        progress.Report(
                            new PublicationProgress(
                                PublicationStage.Exporting,
                                string.Create(CultureInfo.InvariantCulture, $"{p.Table}: {p.Rows:N0} rows")
                            )
                        );
                    }
                }),
            cancellationToken
        );
        var manifest =
            ExportCatalog.ReadManifest(result.Directory)
            ?? throw new ExportFailedException(
                ExportFailure.Unexpected,
                $"The export {result.Directory} has no readable {ExportCatalog.ManifestFile}."
            );
        return new ExportSource(result.Directory, result.Name, manifest);
    }

    /// <summary>
    /// An existing export folder: a path, or the name of an export in the exports directory (e.g. <c>latest</c>).
    /// </summary>
    public ExportSource OpenFolder(string from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            throw Invalid("No export folder is given.");
        }

        var folder = Path.GetFullPath(from);
        if (
            !Directory.Exists(folder)
            && !Path.IsPathRooted(from)
            && !string.IsNullOrWhiteSpace(exportOptions.Directory)
            && Directory.Exists(Path.Join(Path.GetFullPath(exportOptions.Directory), from))
        )
        {
            folder = Path.Join(Path.GetFullPath(exportOptions.Directory), from);
        }

        if (!Directory.Exists(folder))
        {
            throw Invalid($"There is no export folder {folder}.");
        }

        if (new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            folder = target.FullName;
        }

        folder = Path.TrimEndingDirectorySeparator(folder);
        if (!File.Exists(Path.Join(folder, ExportCatalog.ManifestFile)))
        {
            throw Invalid($"{folder} is not a complete export: it holds no {ExportCatalog.ManifestFile}.");
        }

        if (!File.Exists(Path.Join(folder, DatasetMetadata.FileName)))
        {
            throw Invalid($"{folder} holds no {DatasetMetadata.FileName}: export again to write one.");
        }

        var manifest =
            ExportCatalog.ReadManifest(folder)
            ?? throw Invalid($"The {ExportCatalog.ManifestFile} of {folder} cannot be read.");
        return new ExportSource(folder, Path.GetFileName(folder), manifest);
    }

    /// <summary>Writes the metadata with the dataset's id into the folder, validates it and lists what is sent.</summary>
    public async Task<PublicationPlan> PlanFolderAsync(
        ExportSource source,
        string? dataset,
        string? notes,
        IProgress<PublicationProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        progress?.Report(new PublicationProgress(PublicationStage.Validating, $"checking {source.Name}"));
        var metadataPath = Path.Join(source.Directory, DatasetMetadata.FileName);
        DatasetMetadata metadata;
        try
        {
            metadata = DatasetMetadata.Parse(await File.ReadAllTextAsync(metadataPath, cancellationToken));
        }
        catch (Exception e) when (e is KaggleException or FormatException or JsonException)
        {
            throw new KaggleException(KaggleFailure.InvalidRequest, $"{metadataPath}: {e.Message}", null, e);
        }

        metadata = metadata with { Id = ConfiguredDataset(dataset) ?? metadata.Id };
        await WriteReplacingAsync(metadataPath, metadata.ToJson(), cancellationToken);
        var problems = new List<MetadataProblem>(DatasetMetadataValidator.Validate(metadata, source.Directory));
        var files = PublishedFiles(source, metadata, problems);
        notes ??= await GenerateNotesAsync(metadata.Id, source.Manifest, cancellationToken);
        return new PublicationPlan(metadata.Id, null, source.Directory, metadata, files, notes, problems);
    }

    /// <summary>
    /// The manifest's files and the data card (README.md, manifest.json), nothing else: never
    /// <c>dataset-metadata.json</c> and never another file found in the folder. Each is uploaded under its file name
    /// (<see cref="PlannedFile.Name"/>), as Kaggle's own client does: two files with one name (a partitioned export)
    /// cannot both be published. Adds what Kaggle could not take to <paramref name="problems"/>.
    /// </summary>
    private static List<PlannedFile> PublishedFiles(
        ExportSource source,
        DatasetMetadata metadata,
        List<MetadataProblem> problems
    )
    {
        var resources = metadata.Resources.Select(r => r.Path).ToList();
        var listed = source.Manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < resources.Count; i++)
        {
            if (
                !listed.Contains(resources[i])
                && resources[i] is not (DataCard.ReadmeFile or ExportCatalog.ManifestFile)
            )
            {
                problems.Add(
                    new MetadataProblem(
                        $"resources[{i}].path",
                        $"'{resources[i]}' is not a file of the export ({ExportCatalog.ManifestFile} does not list it), "
                            + "and only the export's files are uploaded."
                    )
                );
            }
        }

        var files = new List<PlannedFile>();
        foreach (var file in source.Manifest.Files)
        {
            var info = new FileInfo(Path.Join(source.Directory, file.Path));
            if (!info.Exists)
            {
                problems.Add(
                    new MetadataProblem(
                        "files",
                        $"'{file.Path}' of {ExportCatalog.ManifestFile} is missing from the export folder."
                    )
                );
                files.Add(new PlannedFile(file.Path, file.Bytes));
                continue;
            }

            if (info.Length != file.Bytes)
            {
                problems.Add(
                    new MetadataProblem(
                        "files",
                        $"'{file.Path}' has {info.Length} bytes but {ExportCatalog.ManifestFile} says {file.Bytes}: the "
                            + "export was changed after it was written."
                    )
                );
            }

            files.Add(new PlannedFile(file.Path, info.Length));
        }

        foreach (var card in (string[])[DataCard.ReadmeFile, ExportCatalog.ManifestFile])
        {
            var info = new FileInfo(Path.Join(source.Directory, card));
            if (!info.Exists)
            {
                problems.Add(
                    new MetadataProblem("files", $"'{card}' of the data card is missing from the export folder.")
                );
                continue;
            }

            files.Add(new PlannedFile(card, info.Length));
        }

        var shared = files
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.ToList())
            .ToList();
        if (shared.Count > 0)
        {
            var (first, second) = (shared[0][0].Path, shared[0][1].Path);
            var index = resources.IndexOf(first);
            var more = shared.Sum(g => g.Count) - 2;
            problems.Add(
                new MetadataProblem(
                    index >= 0 ? $"resources[{index}].path" : "files",
                    $"'{first}' and '{second}'{(more > 0 ? $" (and {more} more files)" : "")} would have the same "
                        + $"name '{shared[0][0].Name}' on Kaggle, which keeps file names but no folders; publish an "
                        + "export written without partitions by month."
                )
            );
        }

        return files;
    }

    private async Task<string> GenerateNotesAsync(
        string dataset,
        ExportManifest manifest,
        CancellationToken cancellationToken
    )
    {
        var previous = await history.LastSucceededAsync(dataset, cancellationToken);
        var runs = await history.RunsSinceAsync(previous?.LastRunId, cancellationToken);
        return ReleaseNotes.Generate(manifest, previous, runs);
    }

    /// <summary>The dataset asked for: <paramref name="requested"/>, else <c>Kaggle:Dataset</c>; <c>null</c> for the metadata's.</summary>
    public string? ConfiguredDataset(string? requested) =>
        !string.IsNullOrWhiteSpace(requested) ? requested.Trim()
        : !string.IsNullOrWhiteSpace(kaggleOptions.Dataset) ? kaggleOptions.Dataset.Trim()
        : null;

    private static ExportFailedException Invalid(string message) => new(ExportFailure.InvalidRequest, message);

    private static async Task WriteReplacingAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temporary = path + ".writing";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
