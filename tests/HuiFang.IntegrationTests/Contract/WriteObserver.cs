using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuiFang.IntegrationTests.Contract;

/// <summary>
/// What each request wrote, told by EF Core's diagnostics (the service reaches its database through EF Core only) rather than by reading the database: every
/// INSERT, UPDATE or DELETE a request's trace executes is noted, and counts as written when it ran
/// outside a transaction or its transaction was committed (a rolled-back one wrote nothing). Each sweep
/// case sends its own trace id, so this holds however many cases run at once, and costs no query.
/// </summary>
public sealed partial class WriteObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _written = new();
    private readonly ConcurrentDictionary<DbTransaction, ConcurrentQueue<string>> _pending = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public WriteObserver() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>The write statements committed under <paramref name="traceId"/> (empty: it wrote nothing).</summary>
    public IReadOnlyList<string> WrittenBy(string traceId) => _written.TryGetValue(traceId, out var statements) ? [.. statements] : [];

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name =>
                    name == RelationalEventId.CommandExecuted.Name || name == RelationalEventId.TransactionCommitted.Name || name == RelationalEventId.TransactionRolledBack.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Activity.Current?.TraceId.ToHexString() is not { } trace)
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData executed when Write().Match(executed.Command.CommandText) is { Success: true } match
                && !KeyLastUse().IsMatch(executed.Command.CommandText):
                var statement = match.Value.Trim();
                if (executed.Command.Transaction is { } transaction)
                {
                    _pending.GetOrAdd(transaction, _ => new ConcurrentQueue<string>()).Enqueue(statement);
                }
                else
                {
                    _written.GetOrAdd(trace, _ => new ConcurrentQueue<string>()).Enqueue(statement);
                }

                break;
            case TransactionEndEventData ended when value.Key == RelationalEventId.TransactionCommitted.Name:
                if (_pending.TryRemove(ended.Transaction, out var statements))
                {
                    foreach (var s in statements)
                    {
                        _written.GetOrAdd(trace, _ => new ConcurrentQueue<string>()).Enqueue(s);
                    }
                }

                break;
            case TransactionEndEventData ended:
                _pending.TryRemove(ended.Transaction, out _);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    // Authenticating stamps the key's last use (to the minute, README "Security"): bookkeeping of the credential, not the request's change.
    [GeneratedRegex(@"^\s*UPDATE\s+""ApiKeys""(\s+AS\s+""?\w+""?)?\s+SET\s+""LastUsedAt""\s*=\s*@\w+\s+WHERE[^;,]*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyLastUse();

    // A statement that changes rows; not the row locks of SELECT … FOR UPDATE nor the DO UPDATE of an upsert (already an INSERT).
    [GeneratedRegex(@"\b(INSERT\s+INTO|(?<!FOR\s+)(?<!DO\s+)UPDATE|DELETE\s+FROM)\s+""?\w+""?", RegexOptions.IgnoreCase)]
    private static partial Regex Write();
}
