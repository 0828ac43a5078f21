namespace PHDB.Domain;

/// <summary>A post's image or video; posts keep them in order.</summary>
/// <param name="Type">The API's media type (e.g. <c>image</c>, <c>video</c>).</param>
/// <param name="Url">The image, or a video's thumbnail.</param>
/// <param name="VideoUrl">The video, when it is one.</param>
public sealed record Media(string Type, string Url, string? VideoUrl);
