using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HuiFang.Api.Infrastructure.Persistence.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SurveyPolicyUpdatedAt",
                table: "Tenants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SurveyPolicyVersion",
                table: "Tenants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkOrderNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ExpiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Fallback = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
