using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;

namespace HuiFang.Api.Common;

/// <summary>
/// Marks a query parameter the service requires although it binds as optional (so that a missing value reaches
/// the validator and is answered with a worded 400 problem). The OpenAPI document says <c>required: true</c>.
/// </summary>
/// <remarks>
/// Not <see cref="System.ComponentModel.DataAnnotations.RequiredAttribute"/>: on an [AsParameters] member the
/// OpenAPI generator of .NET 10 fails on it (it casts the member's attributes to ValidationAttribute[]).
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class DocumentedAsRequiredAttribute : Attribute
{
    internal static void Apply(OpenApiOperation operation, ApiDescription description)
    {
        foreach (var parameter in description.ParameterDescriptions)
        {
            if (parameter.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: var info }
                && info.GetCustomAttributes(inherit: true).OfType<DocumentedAsRequiredAttribute>().Any()
                && operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == parameter.Name) is { } documented)
            {
                documented.Required = true;
            }
        }
    }
}
