using HuiFang.Api.Domain.Questionnaires;
using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Services.Questionnaires;

/// <summary>A questionnaire as a task uses it: which one (<paramref name="Id"/> null = the shipped default), which version, and what it asks.</summary>
public sealed record PinnedQuestionnaire(Guid? Id, int Version, string Name, QuestionnaireContent Content);

/// <summary>Finds the questionnaire a task asks with.</summary>
public sealed class QuestionnaireCatalog
{
    /// <summary>The shipped default (<see cref="ShippedQuestionnaires.Default"/>) as a pinned questionnaire: no id, version 1.</summary>
    public static PinnedQuestionnaire Shipped { get; } = new(null, 1, ShippedQuestionnaires.DefaultName, ShippedQuestionnaires.Default);

    /// <summary>The questionnaire version <paramref name="task"/> was planned with.</summary>
    public Task<PinnedQuestionnaire> ForTaskAsync(VisitTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Task.FromResult(Shipped);
    }
}
