using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EscalationCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EscalationCycles",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionBreachedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationCycles", x => new { x.EscalationId, x.Number });
                    table.ForeignKey(
                        name: "FK_EscalationCycles_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every escalation's current cycle, from the columns that held it. Earlier cycles of escalations reopened
            // before this version are not recoverable (a reopen cleared their marks): the report keeps counting
            // those escalations by their current cycle, as it did.
            migrationBuilder.Sql("""
                INSERT INTO "EscalationCycles" ("EscalationId", "Number", "StartedAt", "AcknowledgedAt", "ResponseBreachedAt", "ResolvedAt", "ResolutionBreachedAt")
                SELECT "Id", "Cycle", "CycleStartedAt", "AcknowledgedAt", "ResponseBreachedAt", "ResolvedAt", "ResolutionBreachedAt" FROM "Escalations"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationCycles");
        }
    }
}
