using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;

namespace HuiFang.ArchitectureTests.Rules;

/// <summary>
/// The boundaries of the service, each a function from an architecture (types and their dependencies as
/// ArchUnitNET reads them from the compiled assembly: signatures, bodies, attributes, generic arguments) and
/// a root namespace to the list of violations, one line per offending type or edge. The same function runs
/// over <c>HuiFang.Api</c> (where the list must be empty) and over the bad types under
/// <c>HuiFang.ArchitectureTests.Fixtures</c> (where it must name each planted violation).
/// </summary>
public static class ArchitectureRules
{
    /// <summary>What the domain may never reach: HTTP, persistence, validation, the mediator, the bus, the
    /// wire contracts.</summary>
    public static readonly IReadOnlyList<string> DomainForbiddenNamespaces =
    [
        "Microsoft.AspNetCore",
        "Microsoft.EntityFrameworkCore",
        "FluentValidation",
        "Mediator",
        "MassTransit",
        "HuiFang.Contracts",
        "System.Net.Http",
    ];

    private static readonly HashSet<string> RequestInterfaces =
        ["Mediator.ICommand`1", "Mediator.IQuery`1", "Mediator.IRequest`1"];

    private static readonly HashSet<string> HandlerInterfaces =
        ["Mediator.ICommandHandler`2", "Mediator.IQueryHandler`2", "Mediator.IRequestHandler`2"];

    private const string Validator = "FluentValidation.AbstractValidator`1";

    /// <summary>Domain types depend on nothing under the root outside the domain, and on none of
    /// <see cref="DomainForbiddenNamespaces"/>.</summary>
    public static IReadOnlyList<string> DomainIsPure(Architecture architecture, string root)
    {
        var layers = new Layers(root);
        return Edges(architecture, layers, origin => layers.IsIn(origin, "Domain"), target =>
            (IsUnder(target.Namespace.FullName, root) && !layers.IsIn(target, "Domain"))
            || DomainForbiddenNamespaces.Any(ns => IsUnder(target.Namespace.FullName, ns)));
    }

    /// <summary>No feature uses another feature's namespace (what two features share belongs in Services).</summary>
    public static IReadOnlyList<string> FeaturesDoNotUseEachOther(Architecture architecture, string root)
    {
        var layers = new Layers(root);
        return Failures(architecture, SlicesBy(layers.Feature, "feature").Should().NotDependOnEachOther());
    }

    /// <summary>Features are free of cycles. <see cref="FeaturesDoNotUseEachOther"/> implies it; it stands on
    /// its own because its message names the loops, the edges to cut first.</summary>
    public static IReadOnlyList<string> FeaturesAreFreeOfCycles(Architecture architecture, string root)
    {
        var layers = new Layers(root);
        return Failures(architecture, SlicesBy(layers.Feature, "feature").Should().BeFreeOfCycles());
    }

    /// <summary>The direction of the layers: Services and Common never use Features, Common never uses
    /// Services, Infrastructure never uses Features except where <see cref="InfrastructureMayUseFeatures"/>
    /// says so.</summary>
    public static IReadOnlyList<string> LayersPointInward(Architecture architecture, string root)
    {
        var layers = new Layers(root);
        return
        [
            .. Edges(architecture, layers, o => layers.IsIn(o, "Services"), t => layers.IsIn(t, "Features"), "Services -> Features"),
            .. Edges(architecture, layers, o => layers.IsIn(o, "Common"), t => layers.IsIn(t, "Features"), "Common -> Features"),
            .. Edges(architecture, layers, o => layers.IsIn(o, "Common"), t => layers.IsIn(t, "Services"), "Common -> Services"),
            .. Edges(architecture, layers, o => layers.IsIn(o, "Infrastructure") && !InfrastructureMayUseFeatures(layers, o),
                t => layers.IsIn(t, "Features"), "Infrastructure -> Features"),
        ];
    }

    /// <summary>
    /// The two allowed edges from infrastructure into the slices, both composition: the OpenAPI document's
    /// examples are built from the features' own request and response types, so that an example cannot drift
    /// from the type it shows (the drift test compares the document byte for byte); the bus setup registers
    /// the intake consumer of Features.ServiceRecords on its queue. The edges still count in
    /// <see cref="SecondLevelIsFreeOfCycles"/>: a feature that uses either adapter back is a cycle.
    /// </summary>
    private static bool InfrastructureMayUseFeatures(Layers layers, IType origin) =>
        layers.Component(origin) is { } c && IsCompositionAdapter(c);

    public static bool IsCompositionAdapter(string component) =>
        component is "Infrastructure.OpenApi" or "Infrastructure.Messaging";

    /// <summary>The graph of second-level namespaces (Domain.X, Features.X, Services.X, Common, and
    /// Infrastructure as one layer beside its two composition adapters — see <see cref="Layers.LayerComponent"/>)
    /// has no cycles. The composition (types outside the root) is not part of it.</summary>
    public static IReadOnlyList<string> SecondLevelIsFreeOfCycles(Architecture architecture, string root)
    {
        var layers = new Layers(root);
        return Failures(architecture, SlicesBy(layers.LayerComponent, "second-level namespace").Should().BeFreeOfCycles());
    }

    /// <summary>Every Mediator request with at least one public property has a FluentValidation validator
    /// for exactly that type somewhere in the assembly. A request without properties needs none, and neither
    /// does one whose properties are all <see cref="Guid"/>s: those are route ids the router has already
    /// parsed (a malformed one never reaches the handler), and an unknown one is a 404 from the handler.</summary>
    public static IReadOnlyList<string> RequestsHaveValidators(Architecture architecture, string root)
    {
        var layers = new Layers(root);
        var validated = architecture.Types
            .SelectMany(t => t.Dependencies.OfType<InheritsBaseClassDependency>())
            .Where(d => d.Target.FullName == Validator)
            .Select(d => d.TargetGenericArguments.First().Type)
            .ToHashSet();
        return
        [
            .. Requests(architecture, layers)
                .Where(r => PublicProperties(r).Any(p => p.Type.FullName != typeof(Guid).FullName))
                .Where(r => !validated.Contains(r))
                .Select(r => $"{r.FullName} is a request with properties and no AbstractValidator<{r.Name}>")
                .Order(StringComparer.Ordinal),
        ];
    }

    private static IEnumerable<PropertyMember> PublicProperties(IType type) =>
        type.Members.OfType<PropertyMember>().Where(p => p.Visibility == Visibility.Public && p.IsStatic != true);

    /// <summary>Every Mediator handler sits in the namespace of the request it handles.</summary>
    public static IReadOnlyList<string> HandlersSitBesideTheirRequests(Architecture architecture, string root)
    {
        var layers = new Layers(root);
        return
        [
            .. architecture.Types
                .Where(layers.IsUnderRoot)
                .SelectMany(h => h.Dependencies.OfType<ImplementsInterfaceDependency>()
                    .Where(d => HandlerInterfaces.Contains(d.Target.FullName))
                    .Select(d => (Handler: h, Request: d.TargetGenericArguments.First().Type)))
                .Where(x => x.Handler.Namespace.FullName != x.Request.Namespace.FullName)
                .Select(x => $"{x.Handler.FullName} handles {x.Request.FullName} but sits in {x.Handler.Namespace.FullName}")
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The Mediator requests under the root: concrete types implementing ICommand/IQuery/IRequest
    /// (the non-generic ones inherit the generic ones, so the compiler lists those too).</summary>
    public static IEnumerable<IType> Requests(Architecture architecture, Layers layers) =>
        architecture.Types
            .Where(layers.IsUnderRoot)
            .Where(t => t is Class { IsAbstract: not true } or Struct)
            .Where(t => t.Dependencies.OfType<ImplementsInterfaceDependency>().Any(d => RequestInterfaces.Contains(d.Target.FullName)));

    private static IReadOnlyList<string> Edges(
        Architecture architecture, Layers layers, Func<IType, bool> origin, Func<IType, bool> forbidden, string? rule = null) =>
        [
            .. architecture.Types
                .Where(layers.IsUnderRoot)
                .Where(origin)
                .SelectMany(t => t.Dependencies)
                .Where(d => !d.Target.IsGenericParameter && forbidden(d.Target))
                .Select(d => (rule is null ? "" : rule + ": ") + Layers.Name(d.Origin) + " -> " + Layers.Name(d.Target))
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];

    private static GivenSlices SlicesBy(Func<IType, string?> slice, string what)
    {
        var creator = new SliceRuleCreator();
        creator.SetSliceAssignment(new SliceAssignment(
            t => slice(t) is { } id ? SliceIdentifier.Of(id) : SliceIdentifier.Ignore(), "by " + what));
        return new GivenSlices(creator);
    }

    private static IReadOnlyList<string> Failures(Architecture architecture, IArchRule rule) =>
        [.. rule.Evaluate(architecture).Where(r => !r.Passed).Select(r => r.Description.TrimEnd())];

    private static bool IsUnder(string ns, string prefix) =>
        ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);
}
