using System.Globalization;
using System.Text;

namespace PHDB.ProductHunt;

/// <summary>
/// The API's documented cursor format: base64 of the 1-based position of a connection's item. Knowing it lets a
/// connection whose length is announced be read in several pages at once, each after the cursor of the position
/// before it, instead of one page after another.
/// </summary>
public static class OffsetCursors
{
    /// <summary>The cursor of the item at <paramref name="position"/> (1-based): a page after it starts one further.</summary>
    public static string At(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(position);
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(position.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The position <paramref name="cursor"/> names: 0 for none (the start of the connection), null when the cursor
    /// is not in the documented format (then the connection can only be read one page after another).
    /// </summary>
    public static int? Position(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        var text = cursor.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var bytes = new byte[(text.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            return null;
        }

        return
            int.TryParse(
                Encoding.ASCII.GetString(bytes, 0, written),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var position
            )
            && position > 0
            ? position
            : null;
    }
}
