using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PHDB.Kaggle.StandIn.Wire;

namespace PHDB.Kaggle.StandIn;

/// <summary>
/// The RPC routes <c>POST /v1/{service}/{Method}</c> (and <c>/api/v1/...</c>): authentication, then the method.
/// </summary>
/// <remarks>
/// Status codes, as the protocol describes Kaggle's answers: a body that is not JSON of the request's shape, or a
/// <c>StartBlobUpload</c> that is not a dataset blob with a name, is malformed: 400 with <c>{code, message}</c>. A
/// well-formed create whose content Kaggle refuses (slug, title, subtitle, licence, files, an existing dataset)
/// is a logical failure: HTTP 200 with <c>{"status": "error", "error": "..."}</c>, the message starting with the
/// field. Creating or versioning under another account is 403; a dataset that does not exist is 404 (GetDataset,
/// GetDatasetStatus, CreateDatasetVersion(ById)); missing or wrong credentials are 401.
/// </remarks>
internal sealed class ApiEndpoint(StandInStore store)
{
    private KaggleStandInOptions Options => store.Options;
    private KaggleStandInFaults Faults => store.Faults;

    public async Task HandleAsync(HttpContext context)
    {
        var service = (string)context.Request.RouteValues["service"]!;
        var method = (string)context.Request.RouteValues["method"]!;
        Func<HttpContext, string, Task>? handler = (service, method) switch
        {
            ("blobs.BlobApiService", "StartBlobUpload") => StartBlobUploadAsync,
            ("datasets.DatasetApiService", "CreateDataset") => CreateDatasetAsync,
            ("datasets.DatasetApiService", "CreateDatasetVersion") => CreateVersionAsync,
            ("datasets.DatasetApiService", "CreateDatasetVersionById") => CreateVersionAsync,
            ("datasets.DatasetApiService", "GetDataset") => GetDatasetAsync,
            ("datasets.DatasetApiService", "GetDatasetStatus") => GetDatasetStatusAsync,
            ("security.OAuthService", "IntrospectToken") => IntrospectTokenAsync,
            _ => null,
        };
        if (handler is null)
        {
            await StandInJson.WriteErrorAsync(context, 404, $"No method {method} in service {service}.");
            return;
        }

        // IntrospectToken answers "active": false for a token it does not know (so Kaggle's CLI falls back to its
        // username and key) rather than 401, unless credentials are refused altogether.
        var user = Faults.RefuseCredentials ? null : Authenticate(context.Request);
        if (user is null && !(method == "IntrospectToken" && !Faults.RefuseCredentials))
        {
            await StandInJson.WriteErrorAsync(
                context,
                401,
                "Unauthenticated: send Authorization: Bearer <API token> or Basic <username:key>."
            );
            return;
        }

        try
        {
            await handler(context, user ?? "");
        }
        catch (ProblemException problem)
        {
            await StandInJson.WriteErrorAsync(context, problem.Status, problem.Message);
        }
    }

    /// <summary>The account of the request's credentials, or null.</summary>
    private string? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return SameSecret(header["Bearer ".Length..].Trim(), Options.ApiToken) ? Options.Username : null;
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return
            colon > 0
            && string.Equals(pair[..colon], Options.Username, StringComparison.Ordinal)
            && SameSecret(pair[(colon + 1)..], Options.Key)
            ? Options.Username
            : null;
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private async Task StartBlobUploadAsync(HttpContext context, string user)
    {
        var request = await ReadAsync<StartBlobUploadRequest>(context);
        if (!string.Equals(request.Type, "DATASET", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(400, $"type must be DATASET (got \"{request.Type}\").");
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ProblemException(400, "name is required.");
        }

        if (request.ContentLength < 0)
        {
            throw new ProblemException(400, "contentLength must not be negative.");
        }

        var session = store.StartUpload(request.Name, request.ContentLength);
        var createUrl = $"{BaseUrl(context)}/upload/{session.Id}?upload_id={session.Secret}";
        await StandInJson.WriteAsync(context, 200, new StartBlobUploadResponse(session.Token, createUrl));
    }

    private async Task CreateDatasetAsync(HttpContext context, string user)
    {
        var answerAt = AnswerTime();
        var request = await ReadAsync<CreateDatasetRequest>(context);
        if (Faults.TakeCreateServerError())
        {
            throw new ProblemException(500, "Internal error (injected): nothing was created.");
        }

        if (string.IsNullOrEmpty(request.OwnerSlug))
        {
            await AnswerAsync(context, CreateDatasetResponse.Failure("ownerSlug is required"));
            return;
        }

        RequireOwner(request.OwnerSlug, user);
        if (DatasetRules.CheckNewDataset(request) is { } problem)
        {
            await AnswerAsync(context, CreateDatasetResponse.Failure(problem));
            return;
        }

        var (blobs, filesProblem) = DatasetRules.ResolveFiles(store, request.Files);
        if (filesProblem is not null)
        {
            await AnswerAsync(context, CreateDatasetResponse.Failure(filesProblem));
            return;
        }

        var invalidTags = DatasetRules.InvalidTags(request.CategoryIds);
        var created = store.WithDatasets(access =>
        {
            if (access.Find(request.OwnerSlug, request.Slug!) is not null)
            {
                return null;
            }

            var dataset = access.Add(request.OwnerSlug, request.Slug!, request.Title!, request.LicenseName!);
            dataset.Subtitle = request.Subtitle;
            dataset.Description = request.Description;
            dataset.IsPrivate = request.IsPrivate;
            dataset.Tags.AddRange(KnownTags(request.CategoryIds));
            dataset.Versions.Add(NewVersion(1, null, blobs));
            return dataset.Ref;
        });
        if (created is null)
        {
            await AnswerAsync(
                context,
                CreateDatasetResponse.Failure(
                    $"slug: the dataset {request.OwnerSlug}/{request.Slug} already exists; add a version instead"
                )
            );
            return;
        }

        await AnswerCreatedAsync(context, answerAt, created, invalidTags);
    }

    private async Task CreateVersionAsync(HttpContext context, string user)
    {
        var byId = context.Request.RouteValues["method"] is "CreateDatasetVersionById";
        var answerAt = AnswerTime();
        var request = await ReadAsync<CreateDatasetVersionRequest>(context);
        if (Faults.TakeCreateServerError())
        {
            throw new ProblemException(500, "Internal error (injected): nothing was created.");
        }

        if (!byId)
        {
            if (string.IsNullOrEmpty(request.OwnerSlug) || string.IsNullOrEmpty(request.DatasetSlug))
            {
                await AnswerAsync(context, CreateDatasetResponse.Failure("ownerSlug and datasetSlug are required"));
                return;
            }

            RequireOwner(request.OwnerSlug, user);
        }

        var body = request.Body ?? new DatasetVersionBody();
        if (DatasetRules.CheckSubtitle(body.Subtitle) is { } subtitleProblem)
        {
            await AnswerAsync(context, CreateDatasetResponse.Failure(subtitleProblem));
            return;
        }

        var (blobs, filesProblem) = DatasetRules.ResolveFiles(store, body.Files);
        if (filesProblem is not null)
        {
            await AnswerAsync(context, CreateDatasetResponse.Failure(filesProblem));
            return;
        }

        var invalidTags = DatasetRules.InvalidTags(body.CategoryIds);
        var (found, reference) = store.WithDatasets(access =>
        {
            var dataset = byId ? access.FindById(request.Id) : access.Find(request.OwnerSlug!, request.DatasetSlug!);
            if (dataset is null)
            {
                return (false, (string?)null);
            }

            if (!string.Equals(dataset.Owner, user, StringComparison.OrdinalIgnoreCase))
            {
                return (true, null);
            }

            var dropped = new List<string>();
            if (body.DeleteOldVersions)
            {
                foreach (var old in dataset.Versions)
                {
                    dropped.AddRange(old.BlobPaths);
                    old.DropFiles();
                }
            }

            dataset.Versions.Add(NewVersion(dataset.Current.Number + 1, body.VersionNotes, blobs));
            dataset.Subtitle = body.Subtitle ?? dataset.Subtitle;
            dataset.Description = body.Description ?? dataset.Description;
            if (body.CategoryIds is { Count: > 0 })
            {
                dataset.Tags.Clear();
                dataset.Tags.AddRange(KnownTags(body.CategoryIds));
            }

            access.DeleteUnreferencedBlobs(dropped);
            return (true, dataset.Ref);
        });
        if (!found)
        {
            var name = byId ? $"id {request.Id}" : $"{request.OwnerSlug}/{request.DatasetSlug}";
            throw new ProblemException(404, $"Dataset {name} not found.");
        }

        if (reference is null)
        {
            throw new ProblemException(403, $"Permission 'datasets.update' was denied to {user}.");
        }

        await AnswerCreatedAsync(context, answerAt, reference, invalidTags);
    }

    private async Task GetDatasetAsync(HttpContext context, string user)
    {
        var request = await ReadAsync<DatasetReferenceRequest>(context);
        var baseUrl = BaseUrl(context);
        var answer = store.WithDatasets(access =>
        {
            var dataset = access.Find(request.OwnerSlug ?? "", request.DatasetSlug ?? "");
            if (
                dataset is null
                || (dataset.IsPrivate && !string.Equals(dataset.Owner, user, StringComparison.OrdinalIgnoreCase))
            )
            {
                return null;
            }

            var current = dataset.Current;
            var url = $"{baseUrl}/datasets/{dataset.Ref}";
            return new ApiDataset(
                dataset.Id,
                dataset.Ref,
                dataset.Title,
                dataset.Subtitle,
                dataset.Description,
                url,
                dataset.Owner,
                dataset.Owner,
                dataset.Owner,
                dataset.LicenseName,
                dataset.IsPrivate,
                current.Number,
                current.Files.Sum(f => f.Bytes),
                StandInJson.Date(current.CreatedAt),
                [.. dataset.Tags.Select(t => new ApiCategory(t.Replace(' ', '-'), t))],
                [
                    .. current.Files.Select(f => new ApiDatasetFile(
                        $"{dataset.Ref}/{f.Name}",
                        dataset.Ref,
                        f.Name,
                        StandInJson.Date(current.CreatedAt),
                        f.Bytes
                    )),
                ],
                [
                    .. dataset
                        .Versions.AsEnumerable()
                        .Reverse()
                        .Select(v => new ApiDatasetVersion(
                            v.Number,
                            StandInJson.Date(v.CreatedAt),
                            dataset.Owner,
                            v.Notes,
                            v.Status(Options.StatusPollsUntilReady)
                        )),
                ]
            );
        });
        if (answer is null)
        {
            throw new ProblemException(404, $"Dataset {request.OwnerSlug}/{request.DatasetSlug} not found.");
        }

        await StandInJson.WriteAsync(context, 200, answer);
    }

    private async Task GetDatasetStatusAsync(HttpContext context, string user)
    {
        var request = await ReadAsync<DatasetReferenceRequest>(context);
        var status = store.WithDatasets(access =>
            access.Find(request.OwnerSlug ?? "", request.DatasetSlug ?? "") is { } dataset
            && (!dataset.IsPrivate || string.Equals(dataset.Owner, user, StringComparison.OrdinalIgnoreCase))
                ? dataset.Current.Poll(Options.StatusPollsUntilReady)
                : null
        );
        if (status is null)
        {
            throw new ProblemException(404, $"Dataset {request.OwnerSlug}/{request.DatasetSlug} not found.");
        }

        await StandInJson.WriteAsync(context, 200, new DatasetStatusResponse(status));
    }

    private async Task IntrospectTokenAsync(HttpContext context, string user)
    {
        var request = await ReadAsync<IntrospectTokenRequest>(context);
        var active = request.Token is not null && SameSecret(request.Token, Options.ApiToken);
        await StandInJson.WriteAsync(
            context,
            200,
            new IntrospectTokenResponse(active, active ? Options.Username : "", active ? "kaggle-api" : "", "")
        );
    }

    private VersionEntry NewVersion(int number, string? notes, IReadOnlyList<UploadSession> blobs) =>
        new(
            number,
            notes,
            [.. blobs.Select(b => new StandInFile(b.Name, b.Length, b.Sha256!))],
            [.. blobs.Select(b => b.Path)],
            Options.TimeProvider.GetUtcNow(),
            Faults.FailProcessing
        );

    private static IEnumerable<string> KnownTags(IReadOnlyList<string>? categoryIds) =>
        (categoryIds ?? []).Where(DatasetRules.IsKnownTag).Distinct(StringComparer.OrdinalIgnoreCase);

    private static void RequireOwner(string ownerSlug, string user)
    {
        if (!string.Equals(ownerSlug, user, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(
                403,
                $"Permission 'datasets.create' was denied: {user} cannot write as {ownerSlug}."
            );
        }
    }

    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When a creation is answered: after the injected delay, counted from the request's arrival (before anything is
    /// recorded), so a clock advanced as soon as the record shows still releases the answer.
    /// </summary>
    private DateTimeOffset AnswerTime() => Options.TimeProvider.GetUtcNow() + Faults.CreateAnswerDelay;

    /// <summary>Answers a recorded creation at <paramref name="answerAt"/>.</summary>
    private async Task AnswerCreatedAsync(
        HttpContext context,
        DateTimeOffset answerAt,
        string reference,
        IReadOnlyList<string> invalidTags
    )
    {
        try
        {
            // A clock moved between reading it and arming the timer would arm it from the moved time; looking again
            // every 100 ms of real time releases the answer as soon as the clock has passed the answer time.
            for (
                var delay = answerAt - Options.TimeProvider.GetUtcNow();
                delay > TimeSpan.Zero;
                delay = answerAt - Options.TimeProvider.GetUtcNow()
            )
            {
                using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                await Task.WhenAny(
                    Task.Delay(delay, Options.TimeProvider, either.Token),
                    Task.Delay(RecheckInterval, TimeProvider.System, either.Token)
                );
                await either.CancelAsync();
                context.RequestAborted.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException)
        {
            context.Response.StatusCode = StandInRequest.Aborted;
            return; // The client went away; what it asked for is recorded anyway.
        }

        await AnswerAsync(
            context,
            new CreateDatasetResponse(
                reference,
                $"{BaseUrl(context)}/datasets/{reference}",
                "ok",
                null,
                invalidTags.Count == 0 ? null : invalidTags
            )
        );
    }

    private static Task AnswerAsync(HttpContext context, CreateDatasetResponse response) =>
        StandInJson.WriteAsync(context, 200, response);

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static async Task<T> ReadAsync<T>(HttpContext context)
        where T : new()
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), StandInJson.Options)
                ?? new T();
        }
        catch (JsonException e)
        {
            throw new ProblemException(400, $"The request body is not a valid {typeof(T).Name}: {e.Message}");
        }
    }
}
