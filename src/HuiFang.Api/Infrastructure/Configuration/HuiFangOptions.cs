using System.ComponentModel.DataAnnotations;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Infrastructure.Configuration;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Settings under <c>HuiFang:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "HuiFang:Database";

    /// <summary>Sqlite (embedded default) or PostgreSql (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite database file, relative to the content root unless absolute. Used when no connection string is set.</summary>
    public string SqlitePath { get; set; } = "data/huifang.db";

    /// <summary>Apply pending EF Core migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Database contexts kept for reuse. A context leased beyond this is disposed when its request ends
    /// instead of being kept: EF Core's default of 1,024 kept every context a burst had brought up, each
    /// with its own internal services and change-tracking tables (about 30 MB after the benchmark's burst).
    /// Keep it at or above <c>HuiFang:Limits:MaxConcurrentRequests</c> plus the background work.
    /// </summary>
    public int ContextPoolSize { get; set; } = 128;
}

/// <summary>Settings under <c>HuiFang:Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "HuiFang:Messaging";

    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>
    /// Whether this replica takes service records from the intake queue (<c>huifang.intake</c>). Off for a
    /// replica that should only serve HTTP; every replica that takes them must use the same database, or one
    /// replica would refuse another's tenants.
    /// </summary>
    public bool ReceiveIntake { get; set; } = true;

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public sealed class RabbitMqOptions
{
    private const string RequiredWithRabbitMq = "required when " + MessagingOptions.Section + ":Transport is RabbitMq.";

    [Required(ErrorMessage = RequiredWithRabbitMq)]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    [MinLength(1, ErrorMessage = RequiredWithRabbitMq)]
    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public bool UseTls { get; set; }
}

/// <summary>Settings under <c>HuiFang:Calendar</c>: the business calendar visits are planned in.</summary>
public sealed class CalendarOptions
{
    public const string Section = "HuiFang:Calendar";

    /// <summary>IANA time zone id.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Working weekdays (Monday…Sunday).</summary>
    public List<DayOfWeek> WorkingDays { get; set; } = [];

    /// <summary>Working intervals of a working day, "HH:mm-HH:mm", e.g. "09:00-12:00".</summary>
    public List<string> WorkingHours { get; set; } = [];

    /// <summary>Public holidays: "yyyy-MM-dd" or a range "yyyy-MM-dd..yyyy-MM-dd".</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Make-up working days (调休) that fall on a weekend: "yyyy-MM-dd" or a range.</summary>
    public List<string> MakeUpWorkdays { get; set; } = [];
}

/// <summary>Settings under <c>HuiFang:VisitTasks</c>.</summary>
public sealed class VisitTaskOptions
{
    public const string Section = "HuiFang:VisitTasks";

    /// <summary>Days around a planned follow-up in which no other (non-complaint) follow-up of the same customer is planned.</summary>
    [Range(0, 366)]
    public int DoNotDisturbDays { get; set; } = 30;

    /// <summary>Failed contact attempts after which a task becomes Unreachable.</summary>
    [Range(1, 20)]
    public int MaxFailedAttempts { get; set; } = 3;

    /// <summary>Working time after a failed attempt before the next one is planned.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Largest batch accepted by POST /api/v1/visit-tasks/batch.</summary>
    [Range(1, 5000)]
    public int MaxBatchSize { get; set; } = 500;

    public TimingRules Timing { get; set; } = new();
}
