using HuiFang.Api.Domain.VisitTasks;

namespace HuiFang.Api.Domain.Escalations;

/// <summary>A line in the escalation's progress column: acknowledgement, progress, reminder, pause, resolution…</summary>
public sealed class EscalationNote
{
    private EscalationNote()
    {
    }

    public EscalationNote(Guid id, int cycle, DateTimeOffset at, EscalationNoteKind kind, string? text, string? by)
    {
        Id = id;
        Cycle = cycle;
        At = at;
        Kind = kind;
        Text = text;
        By = by;
    }

    public Guid Id { get; private set; }

    public int Cycle { get; private set; }

    public DateTimeOffset At { get; private set; }

    public EscalationNoteKind Kind { get; private set; }

    public string? Text { get; private set; }

    public string? By { get; private set; }

    internal void EraseText() => Text = Text is null ? null : VisitTask.ErasedText;
}
