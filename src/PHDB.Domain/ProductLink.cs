namespace PHDB.Domain;

/// <summary>A link from a post to where the product lives (a store, the website).</summary>
/// <param name="Type">The store's name; <c>website</c> by default.</param>
/// <param name="Url">The Product Hunt redirect link.</param>
public sealed record ProductLink(string Type, string Url);
