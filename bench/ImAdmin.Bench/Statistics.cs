namespace ImAdmin.Bench;

/// <summary>The one median of the bench's repeated runs (a busy machine makes single runs meaningless).</summary>
public static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
