using System.Text;

namespace PHDB.Simulator.World;

/// <summary>
/// Deterministic copy for posts, users, comments and collections. A share of it is hostile on purpose:
/// HTML, entities, emoji, right-to-left text, combining marks and script payloads, because harvested text is untrusted input.
/// </summary>
internal static class ProductCopy
{
    private static readonly string[] Stems =
    [
        "Lumi",
        "Nova",
        "Flux",
        "Beam",
        "Snap",
        "Pixel",
        "Craft",
        "Hive",
        "Pulse",
        "Orbit",
        "Quill",
        "Spark",
        "Drift",
        "Zen",
        "Loop",
        "Stack",
        "Forge",
        "Nest",
        "Wave",
        "Atlas",
        "Echo",
        "Vela",
        "Mosaic",
        "Prism",
        "Cobalt",
        "Tandem",
        "Harbor",
        "Sprout",
        "Ember",
        "Cascade",
        "Relay",
        "Summit",
        "Lattice",
        "Fathom",
    ];

    private static readonly string[] Suffixes =
    [
        "",
        "ly",
        "ify",
        ".io",
        "Hub",
        "Base",
        " AI",
        "Deck",
        "Flow",
        "Pad",
        "Lab",
        " 2.0",
        " for Teams",
        "Kit",
        " Pro",
        "OS",
    ];

    private static readonly string[] Verbs =
    [
        "Ship",
        "Track",
        "Plan",
        "Design",
        "Automate",
        "Share",
        "Organize",
        "Record",
        "Summarize",
        "Launch",
        "Find",
        "Build",
        "Measure",
        "Schedule",
        "Translate",
        "Write",
    ];

    private static readonly string[] Nouns =
    [
        "your roadmap",
        "customer feedback",
        "meeting notes",
        "side projects",
        "invoices",
        "podcasts",
        "team rituals",
        "landing pages",
        "pull requests",
        "newsletters",
        "habits",
        "recipes",
        "API docs",
        "screenshots",
        "OKRs",
    ];

    private static readonly string[] Endings =
    [
        "in seconds",
        "with AI",
        "without the busywork",
        "from your browser",
        "for remote teams",
        "like a pro",
        "in one place",
        "on autopilot",
        "for free",
        "privately",
    ];

    private static readonly string[] Hostile =
    [
        "<b>bold</b> &amp; <i>italic</i>",
        "<script>alert('phdb')</script>",
        "Tom &amp; Jerry &lt;3 &quot;quotes&quot; &#39;single&#39;",
        "🚀🔥 launch day 🎉 👩‍💻",
        "مرحبا بالعالم",
        "שלום עולם",
        "Cafe\u0301 na\u0308ive zero\u200Bwidth",
        "<img src=x onerror=alert(1)>",
        "line one\r\nline two\ttabbed \\ backslash",
        "\"quoted\" and 'single' and `back`",
        "日本語のテキスト 中文 한국어",
        "<a href=\"javascript:alert(1)\">click</a>",
        "𝕌𝕟𝕚𝕔𝕠𝕕𝕖 ⚡ \u202Eevil\u202C",
    ];

    private static readonly string[] FirstNames =
    [
        "Ada",
        "Ben",
        "Chloe",
        "Dev",
        "Elif",
        "Farid",
        "Grace",
        "Hiro",
        "Ines",
        "Jonas",
        "Kemi",
        "Liam",
        "Maya",
        "Noor",
        "Omar",
        "Priya",
        "Quinn",
        "Rosa",
        "Sam",
        "Tariq",
        "Uma",
        "Victor",
        "Wen",
        "Ximena",
        "Yusuf",
        "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Adams",
        "Brooks",
        "Castillo",
        "Dubois",
        "Eriksen",
        "Fischer",
        "Garcia",
        "Haddad",
        "Ivanova",
        "Jensen",
        "Kowalski",
        "Lopez",
        "Murphy",
        "Nakamura",
        "Okafor",
        "Patel",
        "Rossi",
        "Silva",
        "Tanaka",
        "Usman",
        "Virtanen",
        "Weber",
        "Yilmaz",
    ];

    private static readonly string[] TopicWords =
    [
        "Productivity",
        "Developer Tools",
        "Artificial Intelligence",
        "Design Tools",
        "Marketing",
        "Health & Fitness",
        "Fintech",
        "Education",
        "Games",
        "Music",
        "Photography",
        "Travel",
        "Writing",
        "Remote Work",
        "Open Source",
        "Privacy",
        "Crypto",
        "Analytics",
        "Social Media",
        "E-Commerce",
        "Hardware",
        "iOS",
        "Android",
        "Mac",
        "Chrome Extensions",
        "SaaS",
        "No-Code",
        "Customer Success",
        "Sales",
        "Hiring",
        "Calendar",
        "Email",
        "Messaging",
        "Video",
        "Podcasting",
        "Books",
        "News",
        "Sports",
        "Food & Drink",
        "Home",
        "Parenting",
        "Pets",
        "Climate",
        "Space",
        "Robotics",
        "Security",
        "APIs",
        "Databases",
        "Bots",
        "Virtual Reality",
    ];

    private static readonly string[] TopicQualifiers = ["", "for Teams", "Apps", "Tools", "Platforms", "Utilities"];

    public static string PostName(ulong h)
    {
        var name = Stems[SeedMix.Below(h, Stems.Length)] + Suffixes[SeedMix.Below(h >> 8, Suffixes.Length)];
        return SeedMix.Below(h >> 16, 100) switch
        {
            < 3 => name + " 🚀",
            < 5 => name + " & Co",
            < 6 => "<b>" + name + "</b>",
            < 7 => name + " — مرحبا",
            _ => name,
        };
    }

    public static string Tagline(ulong h, int version)
    {
        h = SeedMix.Mix(h + (ulong)version);
        var line =
            $"{Verbs[SeedMix.Below(h, Verbs.Length)]} {Nouns[SeedMix.Below(h >> 8, Nouns.Length)]} {Endings[SeedMix.Below(h >> 16, Endings.Length)]}";
        return SeedMix.Below(h >> 24, 100) < 8 ? line + " " + Hostile[SeedMix.Below(h >> 32, Hostile.Length)] : line;
    }

    public static string? Description(ulong h, int version)
    {
        h = SeedMix.Mix(h ^ 0xD1B54A32D192ED03UL ^ (ulong)version);
        if (SeedMix.Below(h, 100) < 7)
        {
            return null;
        }

        var builder = new StringBuilder();
        var sentences = 1 + SeedMix.Below(h >> 8, 3);
        for (var i = 0; i < sentences; i++)
        {
            var s = SeedMix.Mix(h + (ulong)i);
            builder
                .Append(Verbs[SeedMix.Below(s, Verbs.Length)])
                .Append(' ')
                .Append(Nouns[SeedMix.Below(s >> 8, Nouns.Length)])
                .Append(' ')
                .Append(Endings[SeedMix.Below(s >> 16, Endings.Length)])
                .Append(". ");
        }

        if (SeedMix.Below(h >> 40, 100) < 18)
        {
            builder.Append(Hostile[SeedMix.Below(h >> 48, Hostile.Length)]);
        }

        if (version > 0)
        {
            builder.Append(" Now with a new look.");
        }

        return builder.ToString().TrimEnd();
    }

    public static (string First, string Last) PersonName(ulong h) =>
        (FirstNames[SeedMix.Below(h, FirstNames.Length)], LastNames[SeedMix.Below(h >> 8, LastNames.Length)]);

    public static string DisplayName(ulong h)
    {
        var (first, last) = PersonName(h);
        return SeedMix.Below(h >> 16, 100) switch
        {
            < 2 => $"{first} {last} 🦄",
            < 3 => "محمد " + last,
            < 4 => $"{first} <script>x</script>",
            _ => $"{first} {last}",
        };
    }

    public static string? Headline(ulong h)
    {
        var roll = SeedMix.Below(h >> 24, 100);
        return roll < 30 ? null
            : roll < 33 ? "Maker &amp; builder ✨ " + Hostile[SeedMix.Below(h >> 32, Hostile.Length)]
            : $"{Verbs[SeedMix.Below(h >> 40, Verbs.Length)]}ing {Nouns[SeedMix.Below(h >> 48, Nouns.Length)]}";
    }

    public static string CommentBody(ulong h, bool byMaker)
    {
        if (byMaker)
        {
            return "Hey Product Hunt 👋 maker here. We built this to "
                + Nouns[SeedMix.Below(h, Nouns.Length)]
                + " "
                + Endings[SeedMix.Below(h >> 8, Endings.Length)]
                + ". Ask us anything!";
        }

        return SeedMix.Below(h >> 16, 100) switch
        {
            < 12 => "Congrats on the launch! " + Hostile[SeedMix.Below(h >> 24, Hostile.Length)],
            < 40 => "Congrats on the launch! 🎉",
            < 60 => $"How does this compare to {Stems[SeedMix.Below(h >> 24, Stems.Length)]}?",
            < 80 => $"Love it. Does it support {Nouns[SeedMix.Below(h >> 24, Nouns.Length)]}?",
            _ => "Upvoted. <p>Great work &amp; good luck!</p>",
        };
    }

    public static string CollectionName(ulong h) =>
        SeedMix.Below(h, 100) < 5
            ? "Favourites ⭐ " + Hostile[SeedMix.Below(h >> 8, Hostile.Length)]
            : $"{TopicWords[SeedMix.Below(h >> 8, TopicWords.Length)]} picks #{SeedMix.Below(h >> 16, 100)}";

    public static string TopicName(int index)
    {
        var word = TopicWords[index % TopicWords.Length];
        var qualifier = TopicQualifiers[index / TopicWords.Length % TopicQualifiers.Length];
        var round = index / (TopicWords.Length * TopicQualifiers.Length);
        var name = qualifier.Length == 0 ? word : $"{word} {qualifier}";
        return round == 0 ? name : $"{name} {round + 1}";
    }

    public static string TopicDescription(int index) =>
        $"Products about {TopicName(index).ToLowerInvariant()}: tools, apps and ideas the community shares.";

    /// <summary>Lower-case ASCII slug; empty when nothing ASCII is left.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
                dash = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        return builder.ToString().Trim('-');
    }

    /// <summary>Short lower-case base-36 code of a hash.</summary>
    public static string Code(ulong h, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[(int)(h % 36)];
            h /= 36;
        }

        return new string(chars);
    }
}
