namespace HuiFang.Api.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, raised by the aggregate inside the transition that made it
/// happen (past tense: <c>VisitTaskAssigned</c>). Before the change is saved, every raised event is handed
/// to the recorder of its aggregate, which turns it into the audit entry and the integration events the
/// change owes; an event nobody records stops the save.
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
