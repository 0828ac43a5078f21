namespace PHDB.Testing.Truth;

/// <summary>One line of <c>/_sim/truth/post_topics</c>: a launched post's topic.</summary>
public sealed record TruthPostTopic(long PostId, long TopicId);
