using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;
using PHDB.Simulator.World;

namespace PHDB.Simulator.GraphQL;

/// <summary>
/// The API's <c>DateTime</c>: written as ISO-8601 UTC without fractions; an input that does not parse silently
/// becomes null, so the argument it was given for is ignored.
/// </summary>
internal sealed class DateTimeScalar : ScalarGraphType
{
    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An ISO-8601 encoded UTC date string.";
    }

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLStringValue text ? Parse(text.Value.ToString()) : null;

    public override object? ParseValue(object? value) =>
        value switch
        {
            string text => Parse(text),
            DateTimeOffset instant => instant,
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            _ => null,
        };

    public override object? Serialize(object? value) =>
        value switch
        {
            int seconds => SimInstant.Format(seconds),
            DateTimeOffset instant => instant.UtcDateTime.ToString(
                "yyyy-MM-dd'T'HH:mm:ss'Z'",
                CultureInfo.InvariantCulture
            ),
            null => null,
            _ => value.ToString(),
        };

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override bool CanParseValue(object? value) => true;

    private static DateTimeOffset? Parse(string text) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var instant
        )
            ? instant
            : null;
}
