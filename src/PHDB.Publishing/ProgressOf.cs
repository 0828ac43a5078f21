namespace PHDB.Publishing;

/// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts to a context).</summary>
internal sealed class ProgressOf<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
