using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PHDB.Simulator.GraphQL;

/// <summary>
/// The API's cursors: base64 of a 1-based offset. Padded and unpadded forms are accepted; base64 that does not hold a
/// number reads as "no cursor"; text that is not base64 at all is an error.
/// </summary>
internal static class OffsetCursor
{
    public static string Encode(int position) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Decodes a cursor: null if it is not base64, 0 if it holds no usable offset, else the offset.</summary>
    public static int? Decode(string cursor)
    {
        var text = cursor.Trim().Replace('-', '+').Replace('_', '/');
        if (text.Length % 4 == 1)
        {
            return null;
        }

        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            return null;
        }

        var decoded = Encoding.ASCII.GetString(bytes, 0, written);
        return int.TryParse(decoded, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset > 0
            ? offset
            : 0;
    }
}
