using System.Text;

namespace ImAdmin.Sandbox.Faults;

/// <summary>Applies armed faults and records every request in the journal. Paths under /_sandbox are left alone.</summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, RequestJournal journal)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(ControlRoutes.Prefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync();
        context.Request.Body.Position = 0;

        // Journal the request as the answer starts, before the client can see it: a test that counts requests right
        // after its call returns must find them all. The finally covers answers that never start (aborted calls).
        var journaled = 0;
        void Journal()
        {
            if (Interlocked.Exchange(ref journaled, 1) == 0)
                journal.Add(new JournalEntry(context.Request.Method, path, context.Request.QueryString.Value ?? "", body, context.Response.StatusCode, DateTimeOffset.UtcNow));
        }
        context.Response.OnStarting(() =>
        {
            Journal();
            return Task.CompletedTask;
        });
        try
        {
            await HandleAsync(context, path, Journal);
        }
        finally
        {
            Journal();
        }
    }

    private async Task HandleAsync(HttpContext context, string path, Action journal)
    {
        var fault = faults.Take(path);
        if (fault is { DelayMs: > 0 })
            await Task.Delay(fault.DelayMs, context.RequestAborted);

        if (fault is { AfterProcessing: false })
        {
            await WriteFault(context, fault, journal);
        }
        else if (fault is { AfterProcessing: true })
        {
            // Handle the request for real, then lose its answer.
            var original = context.Response.Body;
            context.Response.Body = new MemoryStream();
            await next(context);
            context.Response.Body = original;
            context.Response.Headers.Clear();
            await WriteFault(context, fault, journal);
        }
        else
        {
            await next(context);
        }
    }

    /// <summary>The fault's answer, or a reset connection (the client sees a transport error, no status).</summary>
    private static async Task WriteFault(HttpContext context, Fault fault, Action journal)
    {
        if (fault.Reset)
        {
            // Journal before the reset: the client sees the reset at once and may count requests before any finally runs.
            journal();
            context.Abort();
            return;
        }
        context.Response.StatusCode = fault.Status;
        if (fault.RetryAfter != null) context.Response.Headers.RetryAfter = fault.RetryAfter;
        if (fault.Body != null)
        {
            context.Response.ContentType = fault.ContentType;
            await context.Response.WriteAsync(fault.Body);
        }
    }
}
