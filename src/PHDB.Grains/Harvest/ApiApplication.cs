using PHDB.ProductHunt;

namespace PHDB.Grains.Harvest;

/// <summary>One API application the harvest reads with: its client and the fingerprint that keys its rate budget.</summary>
/// <param name="Fingerprint">Names the application without revealing its token.</param>
/// <param name="Client">The client authorised as this application.</param>
/// <param name="TokenHint">The last four characters of its token: the only part of it ever shown.</param>
public sealed record ApiApplication(string Fingerprint, IProductHuntClient Client, string TokenHint);
