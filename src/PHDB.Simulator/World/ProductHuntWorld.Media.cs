namespace PHDB.Simulator.World;

/// <content>Media, thumbnails and product links of posts, derived from the seed.</content>
internal sealed partial class ProductHuntWorld
{
    private static readonly string[] StoreNames =
    [
        "App Store",
        "Google Play",
        "Chrome Web Store",
        "GitHub",
        "Mac App Store",
    ];

    public int PostMediaCount(int index) => 1 + SeedMix.Below(SeedMix.Hash(Seed, 110, Posts[index].Id), 6);

    /// <summary>The k-th media item: (type, image URL without size parameters, video URL).</summary>
    public (string Type, string Url, string? VideoUrl) PostMedia(int index, int k)
    {
        var h = SeedMix.Hash(Seed, 111, Posts[index].Id, k);
        var code = ProductCopy.Code(h, 16);
        return k == 0 && SeedMix.Below(h >> 40, 100) < 15
            ? (
                "video",
                $"https://ph-files.imgix.net/{code}.jpeg",
                $"https://www.youtube.com/watch?v={ProductCopy.Code(SeedMix.Mix(h), 11)}"
            )
            : ("image", $"https://ph-files.imgix.net/{code}.png", null);
    }

    /// <summary>The thumbnail image URL, or null for the few posts without one.</summary>
    public string? PostThumbnail(int index)
    {
        var h = SeedMix.Hash(Seed, 112, Posts[index].Id);
        return SeedMix.Below(h, 100) < 4 ? null : $"https://ph-files.imgix.net/{ProductCopy.Code(h >> 8, 16)}.gif";
    }

    public int PostLinkCount(int index) =>
        1
        + (
            SeedMix.Below(SeedMix.Hash(Seed, 113, Posts[index].Id), 100) switch
            {
                < 70 => 0,
                < 92 => 1,
                _ => 2,
            }
        );

    /// <summary>The k-th product link: (store name, Product Hunt redirect URL).</summary>
    public (string Type, string Url) PostProductLink(int index, int k)
    {
        var h = SeedMix.Hash(Seed, 114, Posts[index].Id, k);
        var type = k == 0 ? "website" : StoreNames[SeedMix.Below(h, StoreNames.Length)];
        return (type, $"{Site}/r/{ProductCopy.Code(h >> 4, 14)}");
    }

    /// <summary>The redirect code behind a post's <c>website</c> URL.</summary>
    public string PostRedirectCode(int index) => ProductCopy.Code(SeedMix.Hash(Seed, 115, Posts[index].Id), 14);
}
