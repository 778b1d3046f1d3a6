using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveyInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SurveyPolicyJson",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SurveyPolicyUpdatedAt",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SurveyPolicyVersion",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ExpiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Fallback = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ExpiryScan",
                table: "SurveyInvitations",
                column: "ExpiresAt",
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ReminderScan",
                table: "SurveyInvitations",
                column: "RemindAt",
                filter: "\"Status\" = 'Open' AND \"RemindAt\" IS NOT NULL AND \"RemindedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TenantId_TaskId_CreatedAt",
                table: "SurveyInvitations",
                columns: new[] { "TenantId", "TaskId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "UX_SurveyInvitations_OneOpenPerTask",
                table: "SurveyInvitations",
                columns: new[] { "TenantId", "TaskId" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "UX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropColumn(
                name: "SurveyPolicyJson",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "SurveyPolicyUpdatedAt",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "SurveyPolicyVersion",
                table: "Tenants");
        }
    }
}
