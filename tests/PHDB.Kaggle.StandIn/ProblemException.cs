namespace PHDB.Kaggle.StandIn;

/// <summary>An answer in Kaggle's error shape: HTTP <see cref="Status"/> with <c>{code, message}</c>.</summary>
internal sealed class ProblemException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
