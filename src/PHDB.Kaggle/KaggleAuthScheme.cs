namespace PHDB.Kaggle;

/// <summary>How a request proves who sends it.</summary>
public enum KaggleAuthScheme
{
    /// <summary>An API token: <c>Authorization: Bearer</c>.</summary>
    Bearer,

    /// <summary>A legacy username and key: <c>Authorization: Basic</c>.</summary>
    Basic,
}
