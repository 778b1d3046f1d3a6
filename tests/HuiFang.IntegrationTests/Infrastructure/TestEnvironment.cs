namespace HuiFang.IntegrationTests.Infrastructure;

/// <summary>
/// How tests find their infrastructure: a connection string from the environment first, else a
/// Testcontainers container when a Docker engine answers, else the tests are skipped with a reason
/// naming what is missing — or fail, when <see cref="RequireInfrastructureVariable"/> is set (CI).
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "HUIFANG_TEST_POSTGRES";
    public const string RabbitMqVariable = "HUIFANG_TEST_RABBITMQ";

    /// <summary>The given broker's management API (http://user:password@host:port/), for tests that need a virtual host of their own.</summary>
    public const string RabbitMqManagementVariable = "HUIFANG_TEST_RABBITMQ_MANAGEMENT";
    public const string RequireInfrastructureVariable = "HUIFANG_TEST_REQUIRE_INFRA";

    public static bool RequireInfrastructure => Environment.GetEnvironmentVariable(RequireInfrastructureVariable) is "1" or "true";

    public static string? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    /// <summary>A cheap look for a Docker engine before Testcontainers spends time trying to reach one.</summary>
    public static bool DockerEngineLikely =>
        FromEnvironment("DOCKER_HOST") is not null || File.Exists("/var/run/docker.sock");

    /// <summary>Skips the current test, or fails it when CI demands real infrastructure.</summary>
    public static void SkipOrFail(string reason)
    {
        if (RequireInfrastructure)
        {
            Assert.Fail($"{reason} ({RequireInfrastructureVariable} is set, so missing infrastructure is a failure).");
        }

        Assert.Skip(reason);
    }
}
