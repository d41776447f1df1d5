using System.Net;
using System.Net.Sockets;
using ImAdmin.Engine.Sessions;
using ImAdmin.Engine.Webhooks.Listener;

namespace ImAdmin.Engine.Tests.Webhooks;

/// <summary>Starts engine listeners on free loopback ports and takes their receipts with a generous safety timeout.</summary>
internal static class ListenerHarness
{
    /// <summary>Only a guard against a hung test; nothing is asserted about time.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static WebhookListener Start(ImProvider provider, Action<WebhookListenerOptions>? configure = null)
    {
        var options = new WebhookListenerOptions { Provider = provider, Prefix = $"http://127.0.0.1:{FreePort()}/hook/" };
        configure?.Invoke(options);
        return WebhookListener.Start(options);
    }

    /// <summary>The next <paramref name="count"/> receipts.</summary>
    public static List<WebhookReceipt> Take(this WebhookListener listener, int count)
    {
        var receipts = new List<WebhookReceipt>();
        using var guard = new CancellationTokenSource(Patience);
        foreach (var receipt in listener.Receive(null, Patience, guard.Token))
        {
            receipts.Add(receipt);
            if (receipts.Count == count) break;
        }
        Assert.Equal(count, receipts.Count);
        return receipts;
    }

    /// <summary>True when nothing listens on <paramref name="port"/> any more (it can be bound again).</summary>
    public static bool PortIsFree(int port)
    {
        try
        {
            var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
