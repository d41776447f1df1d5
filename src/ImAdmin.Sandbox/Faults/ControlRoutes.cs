namespace ImAdmin.Sandbox.Faults;

/// <summary>
/// The sandbox's own control API under /_sandbox on every provider port, for Pester tests and demos that cannot
/// reach the in-process objects: arm faults and read the request journal. Provider auth does not apply here.
/// </summary>
public static class ControlRoutes
{
    public const string Prefix = "/_sandbox";

    public static void Map(WebApplication app, FaultInjector faults, RequestJournal journal)
    {
        app.MapPost(Prefix + "/faults", (Fault fault) =>
        {
            faults.Add(fault);
            return Results.Ok(fault);
        });
        app.MapDelete(Prefix + "/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapGet(Prefix + "/requests", (string? path) =>
            Results.Ok(journal.Entries.Where(e => path == null || e.Path == path)));
        app.MapDelete(Prefix + "/requests", () =>
        {
            journal.Clear();
            return Results.NoContent();
        });
        Webhooks.WebhookRoutes.Map(app);
    }
}
