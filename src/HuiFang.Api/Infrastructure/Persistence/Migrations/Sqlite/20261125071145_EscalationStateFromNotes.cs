using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EscalationStateFromNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing is lost: every pause was also a Pause/Resume note, and the status a pause returns to
            // follows from the cycle's acknowledgement and progress notes.
            migrationBuilder.DropTable(
                name: "EscalationPauses");

            // SQLite drops an unindexed column in place (3.35+); EF Core's generic DropColumn would rebuild the
            // table outside the migration's transaction (and warn on every new database).
            migrationBuilder.Sql("ALTER TABLE \"Escalations\" DROP COLUMN \"StatusBeforePause\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatusBeforePause",
                table: "Escalations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscalationPauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    To = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationPauses_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationPauses_EscalationId",
                table: "EscalationPauses",
                column: "EscalationId");
        }
    }
}
