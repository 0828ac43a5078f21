using System.Globalization;

namespace PHDB.Simulator.World;

/// <content>Users: nothing is stored; every attribute is a function of the user's index and the seed.</content>
internal sealed partial class ProductHuntWorld
{
    public long UserId(int index) => 1 + (3L * index) + SeedMix.Below(SeedMix.Hash(Seed, 200, index), 3);

    public int UserIndexOfId(long id)
    {
        if (id < 1)
        {
            return -1;
        }

        var index = (id - 1) / 3;
        return index < UserCount && UserId((int)index) == id ? (int)index : -1;
    }

    private ulong UserHash(int index) => SeedMix.Hash(Seed, 201, index);

    /// <summary>Every user joined during 2013, before the first launch.</summary>
    public int UserCreatedAt(int index) => 1 + SeedMix.Below(SeedMix.Hash(Seed, 202, index), 360 * 86_400);

    public string Username(int index)
    {
        var (first, last) = ProductCopy.PersonName(UserHash(index));
        return string.Concat(first.ToLowerInvariant(), last[..1].ToLowerInvariant(), "_", ToBase36(index));
    }

    public int UserIndexOfUsername(string username)
    {
        var lowered = username.ToLowerInvariant();
        var underscore = lowered.LastIndexOf('_');
        if (underscore < 0 || underscore == lowered.Length - 1)
        {
            return -1;
        }

        long index = 0;
        foreach (var c in lowered.AsSpan(underscore + 1))
        {
            var digit =
                c is >= '0' and <= '9' ? c - '0'
                : c is >= 'a' and <= 'z' ? c - 'a' + 10
                : -1;
            if (digit < 0 || index > UserCount)
            {
                return -1;
            }

            index = (index * 36) + digit;
        }

        return index < UserCount && Username((int)index) == lowered ? (int)index : -1;
    }

    public string UserDisplayName(int index) => ProductCopy.DisplayName(UserHash(index));

    public string? UserHeadline(int index) => ProductCopy.Headline(UserHash(index));

    public string? UserTwitterUsername(int index)
    {
        var h = SeedMix.Hash(Seed, 203, index);
        if (SeedMix.Below(h, 100) >= 55)
        {
            return null;
        }

        var (first, last) = ProductCopy.PersonName(UserHash(index));
        return string.Create(CultureInfo.InvariantCulture, $"{first}{last}{index % 100}");
    }

    public string? UserWebsiteUrl(int index)
    {
        var h = SeedMix.Hash(Seed, 204, index);
        if (SeedMix.Below(h, 100) >= 35)
        {
            return null;
        }

        var (first, last) = ProductCopy.PersonName(UserHash(index));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"https://{first.ToLowerInvariant()}{last.ToLowerInvariant()}{index % 1000}.dev"
        );
    }

    public string UserUrl(int index) => $"{Site}/@{Username(index)}";

    public string? UserProfileImage(int index, int? size)
    {
        if (SeedMix.Below(SeedMix.Hash(Seed, 205, index), 100) < 8)
        {
            return null;
        }

        var id = UserId(index);
        return size is int s
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"https://ph-avatars.imgix.net/{id}/original.jpeg?auto=format&fit=crop&crop=faces&w={s}&h={s}"
            )
            : string.Create(CultureInfo.InvariantCulture, $"https://ph-avatars.imgix.net/{id}/original.jpeg");
    }

    public string? UserCoverImage(int index, int? height, int? width)
    {
        if (SeedMix.Below(SeedMix.Hash(Seed, 206, index), 100) >= 20)
        {
            return null;
        }

        return ImageUrl(
            "https://ph-files.imgix.net/cover-" + ProductCopy.Code(SeedMix.Hash(Seed, 207, index), 12) + ".jpeg",
            height,
            width
        );
    }

    public bool IsMaker(int index) => Makers.Invert(index) < MakerPool;

    public int FollowerCount(int index) =>
        Math.Min(UserCount - 1, SeedMix.LogNormal(SeedMix.Hash(Seed, 208, index), 1.5, 1.6, 200_000));

    /// <summary>The k-th follower of a user (never the user).</summary>
    public int FollowerAt(int index, int k) => (int)((index + 1L + Followers.Apply(k)) % UserCount);

    public bool FollowsTopic(int user, int topic) => SeedMix.Below(SeedMix.Hash(Seed, 209, user, topic), 40) == 0;

    public bool FollowsCollection(int user, int collection) =>
        SeedMix.Below(SeedMix.Hash(Seed, 210, user, collection), Math.Max(2, Collections.Length / 8)) == 0;

    /// <summary>The index of the user with the given maker rank (rank 0 makes the most posts).</summary>
    public int MakerOfRank(int rank) => Makers.Apply(rank);

    public static string ImageUrl(string baseUrl, int? height, int? width)
    {
        if (height is null && width is null)
        {
            return baseUrl;
        }

        var query = new List<string>(3) { "auto=format" };
        if (height is int h)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"h={h}"));
        }

        if (width is int w)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"w={w}"));
        }

        return baseUrl + "?" + string.Join('&', query);
    }

    private static string ToBase36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (value == 0)
        {
            return "0";
        }

        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        while (value > 0)
        {
            buffer[--i] = digits[(int)(value % 36)];
            value /= 36;
        }

        return new string(buffer[i..]);
    }
}
