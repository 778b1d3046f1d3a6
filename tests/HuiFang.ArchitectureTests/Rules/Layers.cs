using ArchUnitNET.Domain;

namespace HuiFang.ArchitectureTests.Rules;

/// <summary>
/// Where a type sits in the layout, relative to a root namespace (<c>HuiFang.Api</c> for the service,
/// <c>HuiFang.ArchitectureTests.Fixtures</c> for the deliberately bad types that prove each rule can fail).
/// </summary>
public sealed record Layers(string Root)
{
    /// <summary>The namespace under the root, or null for a type outside it: the composition (Program in the
    /// global namespace, the root namespace's own types), generated glue (Mediator, the ASP.NET source
    /// generators) and every library.</summary>
    public string? Relative(IType type) => Relative(type.Namespace.FullName);

    public string? Relative(string ns) =>
        ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..] : null;

    public bool IsUnderRoot(IType type) => Relative(type) is not null;

    /// <summary>True when the type's namespace is <paramref name="area"/> under the root or below it
    /// (<c>"Domain"</c> matches <c>Root.Domain</c> and <c>Root.Domain.VisitTasks</c>).</summary>
    public bool IsIn(IType type, string area) => Relative(type) is { } r && InArea(r, area);

    /// <summary>The second level: <c>Domain.X</c>, <c>Features.X</c>, <c>Services.X</c>, <c>Infrastructure.X</c>,
    /// and <c>Common</c> as one; null for a type outside the root.</summary>
    public string? Component(IType type) => Relative(type) is { } r ? ComponentOf(r) : null;

    /// <summary>
    /// The unit of the cycle check: like <see cref="Component"/>, but the infrastructure adapters count as one
    /// layer, <c>Infrastructure</c> — they share one database model (the outbox rows and idempotency records are
    /// entities of the one context, which the outbox and the idempotency filter use back), so cycles among them
    /// say nothing about the layout. The two composition adapters that may use the features
    /// (<see cref="ArchitectureRules"/>: <c>Infrastructure.OpenApi</c>, <c>Infrastructure.Messaging</c>) stay
    /// apart, so that a feature using one of them back is still a cycle.
    /// </summary>
    public string? LayerComponent(IType type) =>
        Component(type) is { } c && c.StartsWith("Infrastructure.", StringComparison.Ordinal) && !ArchitectureRules.IsCompositionAdapter(c)
            ? "Infrastructure"
            : Component(type);

    /// <summary>The feature a type belongs to (<c>Features.VisitTasks</c> for everything under
    /// <c>Root.Features.VisitTasks</c>), or null.</summary>
    public string? Feature(IType type) =>
        Component(type) is { } c && c.StartsWith("Features.", StringComparison.Ordinal) ? c : null;

    private static bool InArea(string relative, string area) =>
        relative == area || relative.StartsWith(area + ".", StringComparison.Ordinal);

    private static string ComponentOf(string relative)
    {
        var parts = relative.Split('.');
        return parts[0] switch
        {
            "Common" => "Common",
            "Domain" or "Features" or "Services" or "Infrastructure" when parts.Length > 1 => parts[0] + "." + parts[1],
            _ => parts[0],
        };
    }

    /// <summary>A type's name for a message: the declaring type for a nested one the compiler made up.</summary>
    public static string Name(IType type)
    {
        var name = type.FullName;
        var generated = name.IndexOf("+<", StringComparison.Ordinal);
        return generated > 0 ? name[..generated] : name;
    }
}
