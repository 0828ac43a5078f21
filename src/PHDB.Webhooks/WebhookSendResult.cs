namespace PHDB.Webhooks;

/// <summary>How one delivery went, after its retries.</summary>
/// <param name="Delivered">Whether the subscriber answered 2xx.</param>
/// <param name="Attempts">Requests sent.</param>
/// <param name="Error">The last failure in a sentence (status or network error), when not delivered.</param>
public sealed record WebhookSendResult(bool Delivered, int Attempts, string? Error);
