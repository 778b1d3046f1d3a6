using HuiFang.IntegrationTests.Infrastructure;

namespace HuiFang.IntegrationTests.Operations;

/// <summary>A wrong setting stops the service at start-up with a message that names the setting.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("HuiFang:Calendar:TimeZone", "Mars/Olympus")]
    [InlineData("HuiFang:Calendar:WorkingHours:0", "9 to 5")]
    [InlineData("HuiFang:VisitTasks:MaxFailedAttempts", "0")]
    [InlineData("HuiFang:VisitTasks:Timing:RoutineRepairBatchDay", "40")]
    [InlineData("HuiFang:Messaging:RabbitMq:Host", "")]
    public void A_wrong_setting_stops_the_service_naming_it(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:HuiFang"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"huifang-startup-{Guid.NewGuid():N}.db")}",
            ["HuiFang:Messaging:Transport"] = "RabbitMq",
            [key] = value,
        };
        using var app = new HuiFangApp(settings, new TestClock());

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var setting = key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;
        Assert.Contains(setting, Flatten(error));
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_service_naming_the_setting()
    {
        using var app = new HuiFangApp(new Dictionary<string, string?> { ["HuiFang:Database:Provider"] = "PostgreSql" }, new TestClock());

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("ConnectionStrings:HuiFang", Flatten(error));
    }

    [Fact]
    public void An_unknown_provider_stops_the_service_naming_the_setting()
    {
        using var app = new HuiFangApp(new Dictionary<string, string?> { ["HuiFang:Database:Provider"] = "Oracle" }, new TestClock());

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("HuiFang:Database:Provider", Flatten(error));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
