using System.Text.Json.Serialization;

namespace PHDB.ProductHunt.Wire;

// The API's JSON as typed records. Every member is nullable so that a schema-violating null is seen by the mapper,
// which names the field, instead of failing the whole page inside the deserialiser.

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict
)]
[JsonSerializable(typeof(PageInfoNode))]
[JsonSerializable(typeof(UserNode))]
[JsonSerializable(typeof(TopicNode))]
[JsonSerializable(typeof(PostNode))]
[JsonSerializable(typeof(PostTallyNode))]
[JsonSerializable(typeof(CollectionNode))]
[JsonSerializable(typeof(CommentNode))]
[JsonSerializable(typeof(CommentTallyNode))]
[JsonSerializable(typeof(VoteNode))]
[JsonSerializable(typeof(IdNode))]
[JsonSerializable(typeof(RawConnection))]
[JsonSerializable(typeof(ViewerNode))]
[JsonSerializable(typeof(OAuthTokenNode))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
