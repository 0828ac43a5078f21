using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using PHDB.Kaggle.StandIn.Wire;

namespace PHDB.Kaggle.StandIn;

/// <summary>
/// <c>PUT /upload/{session}?upload_id=...</c>, the createUrl of a resumable upload, with GCS's semantics: no
/// credentials; a PUT without <c>Content-Range</c> carries the whole blob; <c>Content-Range: bytes S-E/N</c> carries
/// bytes S to E (S at most the bytes held, else 400); <c>Content-Range: bytes */N</c> with an empty body asks what
/// arrived. 200 once every byte arrived, 308 with <c>Range: bytes=0-K</c> while incomplete (no <c>Range</c> when
/// nothing is held), 404 for an unknown or expired session. Bytes are written to disk as they arrive, so a connection
/// that drops mid-body keeps what came.
/// </summary>
internal sealed class UploadEndpoint(StandInStore store)
{
    private const int BufferBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        // Blobs may be any size, and a client may pause mid-body (a test holding it, a slow disk). Lifted before any
        // answer, so that a refused PUT's body is drained by the server rather than cut off by a 413.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }

        if (store.Faults.TakeUploadUnavailable())
        {
            context.Response.Headers.RetryAfter = "1";
            await StandInJson.WriteErrorAsync(context, 503, "Service unavailable (injected); retry the upload.");
            return;
        }

        var session = store.FindLiveSession(
            (string)context.Request.RouteValues["session"]!,
            context.Request.Query["upload_id"]
        );
        if (session is null)
        {
            await StandInJson.WriteErrorAsync(context, 404, "No such upload session; it may have expired.");
            return;
        }

        if (!TryParseRange(context.Request.Headers.ContentRange.ToString(), out var range))
        {
            await StandInJson.WriteErrorAsync(context, 400, "Content-Range must be 'bytes S-E/N' or 'bytes */N'.");
            return;
        }

        if (range.Total is { } total && total != session.Length)
        {
            await StandInJson.WriteErrorAsync(
                context,
                400,
                $"Content-Range total {total} differs from the declared contentLength {session.Length}."
            );
            return;
        }

        await session.Gate.WaitAsync(context.RequestAborted);
        try
        {
            await HandleLockedAsync(context, session, range);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task HandleLockedAsync(HttpContext context, UploadSession session, ContentRange range)
    {
        if (session.IsComplete)
        {
            context.Response.StatusCode = 200;
            return;
        }

        if (range.IsProbe)
        {
            await AnswerProgressAsync(context, session);
            return;
        }

        var start = range.Start ?? 0;
        var expected = range.End is { } end ? end - start + 1 : session.Length;
        if (range.End is not null && (range.End < start || range.End >= session.Length))
        {
            await StandInJson.WriteErrorAsync(context, 400, $"Content-Range {start}-{range.End} is outside the blob.");
            return;
        }

        if (start > session.Received)
        {
            await StandInJson.WriteErrorAsync(
                context,
                400,
                $"Content-Range starts at {start} but only {session.Received} bytes were received; probe with 'bytes */N'."
            );
            return;
        }

        var declared = context.Request.ContentLength;
        if (declared is { } length && (range.End is null ? length > session.Length : length != expected))
        {
            await StandInJson.WriteErrorAsync(
                context,
                400,
                $"Content-Length {length} does not match the range or the declared contentLength."
            );
            return;
        }

        if (range.Start is null)
        {
            session.Received = 0; // A PUT without Content-Range is the whole blob again.
        }

        var outcome = await ReceiveAsync(context, session, start, expected, checkExcess: declared is null);
        switch (outcome)
        {
            case Outcome.Dropped:
                context.Response.StatusCode = StandInRequest.Aborted;
                return;
            case Outcome.Aborted:
                context.Response.StatusCode = StandInRequest.Aborted;
                context.Abort();
                return;
            case Outcome.TooLong:
                await StandInJson.WriteErrorAsync(context, 400, "The body is longer than the declared contentLength.");
                return;
            default:
                await AnswerProgressAsync(context, session);
                return;
        }
    }

    private async Task<Outcome> ReceiveAsync(
        HttpContext context,
        UploadSession session,
        long start,
        long expected,
        bool checkExcess
    )
    {
        var budget = store.Faults.TakeDropBudget();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            await using var file = new FileStream(
                session.Path,
                FileMode.OpenOrCreate,
                FileAccess.Write,
                FileShare.Read,
                bufferSize: 0,
                FileOptions.Asynchronous
            );
            if (start == 0)
            {
                file.SetLength(0);
            }

            file.Position = start;
            session.BeginWrite(start);
            var written = 0L;
            var body = context.Request.Body;
            while (written < expected)
            {
                var want = (int)Math.Min(Math.Min(BufferBytes, expected - written), budget ?? long.MaxValue);
                if (want == 0)
                {
                    return Outcome.Aborted;
                }

                var read = await body.ReadAsync(buffer.AsMemory(0, want), context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                session.Hash(buffer.AsSpan(0, read));
                written += read;
                budget -= read;
                store.CountUploadBytes(read);
                session.Received = Math.Max(session.Received, start + written);
            }

            if (budget == 0)
            {
                return Outcome.Aborted;
            }

            if (
                checkExcess
                && written == expected
                && await body.ReadAsync(buffer.AsMemory(0, 1), context.RequestAborted) > 0
            )
            {
                return Outcome.TooLong;
            }

            return Outcome.Received;
        }
        catch (Exception e)
            when (e is IOException or OperationCanceledException or ConnectionResetException or BadHttpRequestException)
        {
            return Outcome.Dropped; // The client went away; the bytes written so far stay.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (budget is > 0)
            {
                store.Faults.ReturnDropBudget(budget.Value);
            }
        }
    }

    private static async Task AnswerProgressAsync(HttpContext context, UploadSession session)
    {
        if (session.Received == session.Length)
        {
            await session.CompleteAsync();
            context.Response.StatusCode = 200;
            return;
        }

        context.Response.StatusCode = 308;
        if (session.Received > 0)
        {
            context.Response.Headers.Range = $"bytes=0-{(session.Received - 1).ToString(CultureInfo.InvariantCulture)}";
        }
    }

    private static bool TryParseRange(string header, out ContentRange range)
    {
        range = default;
        if (header.Length == 0)
        {
            return true;
        }

        if (!header.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var spec = header["bytes ".Length..].Trim();
        var slash = spec.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        long? total = null;
        var totalText = spec[(slash + 1)..];
        if (totalText != "*")
        {
            if (!long.TryParse(totalText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedTotal))
            {
                return false;
            }

            total = parsedTotal;
        }

        var span = spec[..slash];
        if (span == "*")
        {
            range = new ContentRange(true, null, null, total);
            return total is not null;
        }

        var dash = span.IndexOf('-', StringComparison.Ordinal);
        if (
            dash <= 0
            || !long.TryParse(span[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(span[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
        )
        {
            return false;
        }

        range = new ContentRange(false, start, end, total);
        return true;
    }

    private enum Outcome
    {
        Received,
        Dropped,
        Aborted,
        TooLong,
    }

    /// <summary>A parsed <c>Content-Range</c>: a probe (<c>*/N</c>), a span, or neither (no header).</summary>
    private readonly record struct ContentRange(bool IsProbe, long? Start, long? End, long? Total);
}
