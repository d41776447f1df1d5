using System.Net;
using System.Net.Sockets;

namespace ImAdmin.Engine.Tests.Infrastructure;

/// <summary>
/// A loopback port that refuses connections for as long as this lives: a socket bound there that never listens. A port
/// merely found free and released could be taken by another test's server before the connection is tried (it was, once).
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}/");
    }

    public Uri Uri { get; }

    public void Dispose() => _socket.Dispose();
}
