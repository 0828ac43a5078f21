using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Win32.SafeHandles;
using PHDB.Kaggle.Wire;

namespace PHDB.Kaggle.Http;

/// <summary>
/// One file's upload to Kaggle's resumable upload addresses (Google Cloud Storage's protocol): chunks of
/// <see cref="KaggleOptions.UploadChunkBytes"/> read from disk into one pooled buffer, each sent with
/// <c>Content-Range: bytes S-E/N</c> (a file within one chunk goes as one plain PUT). A 308 answer's <c>Range</c> says
/// where to go on. After a dropped connection, a timeout or a 5xx, a probe (<c>Content-Range: bytes */N</c>, empty
/// body) asks how much arrived and the upload resumes there, so at most one chunk is sent twice. 404 or 410 means the
/// address expired: the upload starts over with a new StartBlobUpload, a bounded number of times.
/// </summary>
internal sealed class ResumableUpload
{
    /// <summary>How many times one file's upload is started (a new address each time) before it fails.</summary>
    public const int MaxStarts = 3;

    private const string Operation = "Upload";
    private readonly KaggleTransport _transport;
    private readonly SafeFileHandle _file;
    private readonly string _name;
    private readonly long _length;
    private readonly byte[] _buffer;
    private readonly IProgress<long>? _progress;
    private long _bufferedFrom = -1;
    private int _bufferedCount;
    private long _confirmed;
    private long _sent;

    private ResumableUpload(
        KaggleTransport transport,
        SafeFileHandle file,
        string name,
        long length,
        byte[] buffer,
        IProgress<long>? progress
    )
    {
        _transport = transport;
        _file = file;
        _name = name;
        _length = length;
        _buffer = buffer;
        _progress = progress;
    }

    /// <summary>Uploads <paramref name="path"/> as <paramref name="name"/>; returns the blob token of the finished upload.</summary>
    public static async Task<string> RunAsync(
        KaggleTransport transport,
        Func<string, long, DateTimeOffset, CancellationToken, Task<BlobUploadTicket>> startBlobUpload,
        string path,
        string name,
        IProgress<long>? progress,
        CancellationToken cancellationToken
    )
    {
        using var file = File.OpenHandle(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            FileOptions.Asynchronous | FileOptions.SequentialScan
        );
        var length = RandomAccess.GetLength(file);
        var lastModified = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        var chunk = (int)Math.Min(transport.Options.UploadChunkBytes, Math.Max(length, 1));
        var buffer = ArrayPool<byte>.Shared.Rent(chunk);
        using var activity = KaggleTelemetry.Source.StartActivity("Kaggle upload", ActivityKind.Client);
        activity?.SetTag("phdb.kaggle.file", name);
        activity?.SetTag("phdb.kaggle.bytes", length);
        try
        {
            var upload = new ResumableUpload(transport, file, name, length, buffer, progress);
            return await upload.RunAsync(startBlobUpload, lastModified, chunk, cancellationToken);
        }
        catch (KaggleException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Failure.ToString());
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<string> RunAsync(
        Func<string, long, DateTimeOffset, CancellationToken, Task<BlobUploadTicket>> startBlobUpload,
        DateTimeOffset lastModified,
        int chunk,
        CancellationToken cancellationToken
    )
    {
        var started = _transport.Time.GetTimestamp();
        KaggleLog.UploadStarting(_transport.Logger, _name, _length, chunk);
        for (var start = 1; ; start++)
        {
            var ticket = await startBlobUpload(_name, _length, lastModified, cancellationToken);
            try
            {
                await SendAsync(ticket.CreateUrl, chunk, cancellationToken);
                KaggleLog.Uploaded(
                    _transport.Logger,
                    _name,
                    _length,
                    (long)_transport.Time.GetElapsedTime(started).TotalMilliseconds,
                    _sent
                );
                return ticket.Token;
            }
            catch (UploadExpired e)
            {
                if (start >= MaxStarts)
                {
                    throw new KaggleException(
                        KaggleFailure.UploadExpired,
                        $"The upload of {_name} expired {MaxStarts} times in a row (HTTP {e.StatusCode}); "
                            + "nothing was published.",
                        e.StatusCode,
                        e
                    );
                }

                KaggleLog.UploadExpired(_transport.Logger, _name, e.StatusCode, start + 1, MaxStarts);
                Confirm(0);
            }
        }
    }

    /// <summary>Sends the file to one upload address until it answers that the upload is complete.</summary>
    private async Task SendAsync(Uri address, int chunk, CancellationToken cancellationToken)
    {
        var session = new Session { Address = address, Chunk = chunk };
        _confirmed = 0;
        while (!await _transport.ExecuteAsync(Operation, (_, token) => StepAsync(session, token), cancellationToken))
        {
            // Each step either finishes the upload or moves it on; a failed step is retried by the pipeline.
        }
    }

    /// <summary>One step: a probe first when the last request's fate is unknown, then one chunk. True when complete.</summary>
    private async ValueTask<bool> StepAsync(Session session, CancellationToken cancellationToken)
    {
        if (session.Uncertain)
        {
            var held = await ProbeAsync(session.Address, cancellationToken);
            session.Uncertain = false;
            if (held is null)
            {
                Complete();
                return true;
            }

            KaggleLog.UploadResuming(_transport.Logger, _name, held.Value, _length);
            Confirm(held.Value);
        }

        if (_length > 0 && _confirmed >= _length)
        {
            // Every byte arrived but the address has not said the upload is complete: ask it again.
            session.Uncertain = true;
            throw new TransientFailure("every byte was sent but the upload is not complete");
        }

        var count = (int)Math.Min(session.Chunk, _length - _confirmed);
        await FillAsync(_confirmed, count, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Put, session.Address)
        {
            Content = new ByteArrayContent(_buffer, 0, count),
        };
        // The whole file in one plain PUT, as Kaggle's client sends it; chunks and resumed parts name their range.
        var whole = count == _length && (session.Fresh || _length == 0);
        if (!whole)
        {
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(
                _confirmed,
                _confirmed + count - 1,
                _length
            );
        }

        session.Fresh = false;
        session.Uncertain = true;
        using var response = await SendAsync(request, cancellationToken);
        _sent += count;
        var status = (int)response.StatusCode;
        switch (status)
        {
            case 200 or 201:
                session.Uncertain = false;
                Complete();
                return true;
            case 308:
                var held = HeldBytes(response);
                session.Uncertain = false;
                session.Stalls = held > _confirmed ? 0 : session.Stalls + 1;
                if (session.Stalls > _transport.Options.MaxAttempts)
                {
                    throw new KaggleException(
                        KaggleFailure.ServerError,
                        $"The upload of {_name} makes no progress: Kaggle keeps holding {held} of {_length} bytes.",
                        status
                    );
                }

                Confirm(held);
                return false;
            default:
                throw Refused(response);
        }
    }

    /// <summary>How many bytes the address holds, or <c>null</c> when it says the upload is complete.</summary>
    private async Task<long?> ProbeAsync(Uri address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, address) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(_length);
        using var response = await SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        return status switch
        {
            200 or 201 => null,
            308 => HeldBytes(response),
            _ => throw Refused(response),
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _transport.Uploads.SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken
            );
            var status = (int)response.StatusCode;
            KaggleTelemetry.Request(Operation, status is >= 200 and < 400 ? "ok" : $"http_{status}");
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            KaggleTelemetry.Request(Operation, "connection");
            throw;
        }
        catch (OperationCanceledException)
        {
            KaggleTelemetry.Request(Operation, "cancelled");
            throw;
        }
    }

    /// <summary>The exception for an answer other than 200, 201 or 308.</summary>
    private Exception Refused(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status switch
        {
            404 or 410 => new UploadExpired(status),
            408 or 429 or >= 500 => new TransientFailure($"HTTP {status}", status, _transport.RetryAfterOf(response)),
            _ => new KaggleException(
                KaggleFailure.InvalidRequest,
                $"The upload of {_name} was refused (HTTP {status}).",
                status
            ),
        };
    }

    /// <summary>
    /// The bytes a 308 says the address holds: <c>Range: bytes=0-K</c> means K+1; no <c>Range</c> means none (byte 0 is
    /// sent again, unlike Kaggle's own client).
    /// </summary>
    private long HeldBytes(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("Range", out var values))
        {
            return 0;
        }

        var text = values.ToString().Trim();
        const string Unit = "bytes=";
        if (
            text.StartsWith(Unit, StringComparison.OrdinalIgnoreCase)
            && text[Unit.Length..].Split('-') is [var from, var to]
            && long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && first == 0
            && long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && last < _length
        )
        {
            return last + 1;
        }

        throw new TransientFailure($"HTTP 308 with an unreadable Range ({WireJson.Shorten(text)})", 308);
    }

    /// <summary>Reads bytes <paramref name="offset"/>.. of the file into the buffer, unless they are there already.</summary>
    private async Task FillAsync(long offset, int count, CancellationToken cancellationToken)
    {
        if (_bufferedFrom == offset && _bufferedCount >= count)
        {
            return;
        }

        _bufferedFrom = -1;
        var read = 0;
        while (read < count)
        {
            var n = await RandomAccess.ReadAsync(
                _file,
                _buffer.AsMemory(read, count - read),
                offset + read,
                cancellationToken
            );
            if (n == 0)
            {
                throw new KaggleException(
                    KaggleFailure.InvalidRequest,
                    $"{_name} became shorter than {_length} bytes while it was uploaded."
                );
            }

            read += n;
        }

        _bufferedFrom = offset;
        _bufferedCount = count;
    }

    /// <summary>Records and reports what the address holds.</summary>
    private void Confirm(long held)
    {
        if (held == _confirmed)
        {
            return;
        }

        if (held > _confirmed)
        {
            KaggleTelemetry.BytesUploaded.Add(held - _confirmed);
        }

        _confirmed = held;
        _progress?.Report(held);
    }

    /// <summary>Records and reports that the address holds the whole file.</summary>
    private void Complete()
    {
        if (_confirmed == _length)
        {
            _progress?.Report(_length);
        }
        else
        {
            Confirm(_length);
        }
    }

    /// <summary>The state of the upload to one address.</summary>
    private sealed class Session
    {
        public required Uri Address { get; init; }

        public required int Chunk { get; init; }

        /// <summary>No PUT was sent to the address yet.</summary>
        public bool Fresh { get; set; } = true;

        /// <summary>The last request's fate is unknown: ask the address what it holds before sending more.</summary>
        public bool Uncertain { get; set; }

        /// <summary>308 answers in a row that moved nothing on.</summary>
        public int Stalls { get; set; }
    }
}
