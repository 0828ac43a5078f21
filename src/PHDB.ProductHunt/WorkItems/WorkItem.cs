using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PHDB.ProductHunt;

/// <summary>
/// One independent piece of work that becomes one aliased root field of a packed request: a page of a connection
/// (with its own cursor and filters) or a single lookup.
/// </summary>
public abstract record WorkItem
{
    private protected WorkItem() { }

    /// <summary>Writes the aliased root field and declares its variables.</summary>
    internal abstract void Write(FieldWriter writer);

    /// <summary>Maps the alias's value (never absent; may be JSON null) into <paramref name="result"/>.</summary>
    internal abstract void Map(JsonElement value, ResultBuilder result);

    /// <summary>The same item asking for at most <paramref name="first"/> items; lookups stay as they are.</summary>
    internal virtual WorkItem WithFirst(int first) => this;

    /// <summary>Items asked per page, for a page; null for a lookup.</summary>
    internal virtual int? Size => null;

    internal static string Enum<T>(T value)
        where T : struct, System.Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    internal static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);
}
