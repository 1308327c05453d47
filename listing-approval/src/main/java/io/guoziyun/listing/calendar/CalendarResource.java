package io.guoziyun.listing.calendar;

import io.guoziyun.commons.calendar.WorkingDayCalendar;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/calendar/working-days")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "The PRC working-day calendar the review deadlines are counted on")
@SecurityRequirement(name = "oidc")
public class CalendarResource {

    private final WorkingDayCalendar calendar;

    public CalendarResource(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The date {@code add} working days after {@code from}. */
    public record WorkingDaySum(
            LocalDate from,
            int add,
            LocalDate date,
            @Schema(description = PROVISIONAL) boolean provisional) {}

    /** Whether a date is a working day, and the holiday or declared working day that makes it so. */
    public record WorkingDay(
            LocalDate date,
            boolean workingDay,
            String occasion,
            @Schema(description = PROVISIONAL) boolean provisional) {}

    static final String PROVISIONAL = "True when the date lies in the last days of the last year whose holiday notice"
            + " is loaded: the next year's notice can still move them (ADR 0005)";

    @GET
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "addWorkingDays",
            summary = "The date N working days after a date",
            description = "Roles: all. The day 'from' does not count: ?from=2024-09-27&add=10 is 2024-10-16 (National "
                    + "Day off 1–7 Oct, Sunday 29 Sep and Saturday 12 Oct worked). A date outside the calendar's "
                    + "years is 422; a date in the last days of the last year loaded is answered as provisional.")
    @APIResponse(
            responseCode = "200",
            description = "The date so many working days after from",
            content = @Content(schema = @Schema(implementation = WorkingDaySum.class)))
    @APIResponse(
            responseCode = "422",
            description = "The date, or the sum, lies in a year whose holiday notice is not loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkingDaySum add(
            @QueryParam("from") @NotNull @Parameter(example = "2024-09-27") LocalDate from,
            @QueryParam("add") @NotNull @Min(0) @Max(1000) @Parameter(example = "10") Integer add) {
        LocalDate date = calendar.addWorkingDays(from, add);
        return new WorkingDaySum(from, add, date, calendar.isProvisional(date));
    }

    @GET
    @Path("/{date}")
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getWorkingDay",
            summary = "Whether a date is a working day",
            description =
                    "Roles: all. A date outside the calendar's years is 422; a date in the last days of the last year loaded is answered as provisional.")
    @APIResponse(
            responseCode = "200",
            description = "Whether the date is a working day, and why",
            content = @Content(schema = @Schema(implementation = WorkingDay.class)))
    @APIResponse(
            responseCode = "422",
            description = "The date lies in a year whose holiday notice is not loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkingDay day(@PathParam("date") @Parameter(example = "2024-09-29") LocalDate date) {
        return new WorkingDay(date, calendar.isWorkingDay(date), calendar.occasion(date), calendar.isProvisional(date));
    }
}
