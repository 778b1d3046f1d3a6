using System.Net;
using System.Net.Sockets;

namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of a server, that a test can take down and bring back: while
/// down, open connections are cut and new ones refused — to the service behind it, the server is gone.
/// Lets a test stop "the broker" for one service instance without stopping the broker other tests share.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    public TcpFaultProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public bool IsUp => _listener is not null;

    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Stop()
    {
        _running?.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_gate)
        {
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0); // reset, like a dead peer
                client.Dispose();
            }

            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested || !listener.Server.IsBound)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = ForwardAsync(inbound, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient inbound, CancellationToken cancellationToken)
    {
        var outbound = new TcpClient();
        lock (_gate)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(_targetHost, _targetPort, cancellationToken);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), either.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), either.Token);
            await Task.WhenAny(up, down);
            either.Cancel();
        }
        catch (Exception)
        {
            // A cut connection ends here; that is the point.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }

            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
