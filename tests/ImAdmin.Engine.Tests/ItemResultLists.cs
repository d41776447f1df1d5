using ImAdmin.Engine.Providers.Capabilities;

/// <summary>Reads lists of per-item results in assertions: the values of the successes, the failures.</summary>
internal static class ItemResultLists
{
    public static List<T> Values<T>(this IEnumerable<ItemResult<T>> results) => results.Where(r => r.Succeeded).Select(r => r.Value!).ToList();

    /// <summary>The value of a success; a failure is thrown, so the test shows its error.</summary>
    public static T Unwrap<T>(this ItemResult<T> result) => result.Succeeded ? result.Value! : throw result.Error!;

    public static List<ItemResult<T>> Failures<T>(this IEnumerable<ItemResult<T>> results) => results.Where(r => !r.Succeeded).ToList();
}
