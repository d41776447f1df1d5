using ImAdmin.Engine.Providers.Capabilities;

/// <summary>Reads lists of per-item results in assertions: the values of the successes, the failures.</summary>
internal static class ItemResultLists
{
    public static List<T> Values<T>(this IEnumerable<ItemResult<T>> results) => results.Where(r => r.Succeeded).Select(r => r.Value!).ToList();

    public static List<ItemResult<T>> Failures<T>(this IEnumerable<ItemResult<T>> results) => results.Where(r => !r.Succeeded).ToList();
}
