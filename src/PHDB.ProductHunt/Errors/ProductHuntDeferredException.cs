namespace PHDB.ProductHunt;

/// <summary>
/// An item not sent: the call had sent as many requests as it was allowed (a rate-budget slot pays for one), and the
/// rest of its items wait for the next (after a pack refused for complexity was split, or items were sent again).
/// </summary>
public sealed class ProductHuntDeferredException(string message) : ProductHuntTransientException(message);
