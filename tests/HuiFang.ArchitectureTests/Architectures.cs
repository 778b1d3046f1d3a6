using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace HuiFang.ArchitectureTests;

/// <summary>The two architectures the rules run over, each read once per test run.</summary>
public static class Architectures
{
    public const string ServiceRoot = "HuiFang.Api";
    public const string FixturesRoot = "HuiFang.ArchitectureTests.Fixtures";

    private static readonly Lazy<Architecture> ServiceArchitecture =
        new(() => new ArchLoader().LoadAssemblies(System.Reflection.Assembly.Load(ServiceRoot)).Build());

    private static readonly Lazy<Architecture> FixturesArchitecture =
        new(() => new ArchLoader().LoadAssemblies(typeof(Architectures).Assembly).Build());

    /// <summary>The compiled service, HuiFang.Api.</summary>
    public static Architecture Service => ServiceArchitecture.Value;

    /// <summary>This assembly, whose bad types under <see cref="FixturesRoot"/> break every rule.</summary>
    public static Architecture BadTypes => FixturesArchitecture.Value;

    /// <summary>Fails with every violation, one per line, when there is any.</summary>
    public static void AssertNone(IReadOnlyList<string> violations, string rule)
    {
        if (violations.Count > 0)
        {
            Assert.Fail($"{rule}: {violations.Count} violation(s)\n" + string.Join("\n", violations));
        }
    }
}
