package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.outbound.dunning.DunningFigures;
import org.kefu.outbound.dunning.DunningNotice;
import org.kefu.outbound.dunning.DunningRuns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * /kefu/api/dunning: arrears reminders (欠费催缴). POST runs starts a run by rule over the ledger's
 * overdue utility bills (audited DUNNING_RUN); GET reminders lists one day's reminders and what
 * became of each (sent with the SMSC's or mail server's id, failed, refused by the do-not-call
 * list, cancelled because paid, uncertain after a failure); GET figures counts them per day and
 * channel with the bills paid after them.
 */
@Path("dunning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
@SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not a supervisor or admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class DunningResource {

    private static final Set<String> STATUSES = Set.of(DunningNotice.QUEUED, DunningNotice.SENDING, DunningNotice.SENT,
            DunningNotice.FAILED, DunningNotice.REFUSED, DunningNotice.CANCELLED, DunningNotice.UNCERTAIN);

    /** What a run found and did. */
    public record Run(int overdue, int queued, int recentlyReminded, int limitReached, int noContact,
                      @Schema(description = "bills left alone: promised in a reminder's call to be paid by a day not yet past") int promised) {
    }

    /** One reminder. */
    public record Reminder(long id, String bill, long customerId, String channel, String to, BigDecimal amount,
                           LocalDate dueDate, String period, String status, String reason, int tries,
                           @Schema(description = "the SMSC's message id, the e-mail's Message-ID or the call's id") String providerRef,
                           @Schema(description = "a call's result: PAID, PROMISED or AGENT") String outcome,
                           @Schema(description = "the date a customer promised to pay by, in the reminder's call") LocalDate promisedOn,
                           String runBy, Instant createdAt, Instant updatedAt) {
    }

    /** One channel's reminders on one day, and the bills paid after them. */
    public record Day(LocalDate day, String channel, long reminders, long sent, long waiting, long failed, long refused,
                      long cancelled, long uncertain,
                      @Schema(description = "bills paid after their last reminder that reached the customer") long paid,
                      BigDecimal collected,
                      @Schema(description = "promises to pay made in the reminders' calls") long promised) {
    }

    @EJB
    private DunningRuns runs;

    @EJB
    private DunningFigures figures;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest request;

    @POST
    @Path("runs")
    @APIResponse(responseCode = "200", description = "the reminders are queued; they go out as their jobs are taken",
            content = @Content(schema = @Schema(implementation = Run.class)))
    public Run run() {
        var r = runs.run(security.getUserPrincipal().getName(), request.getRemoteAddr());
        return new Run(r.overdue(), r.queued(), r.recentlyReminded(), r.limitReached(), r.noContact(), r.promised());
    }

    @GET
    @Path("reminders")
    @APIResponse(responseCode = "200", description = "oldest first, at most 1,000",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Reminder.class)))
    @APIResponse(responseCode = "400", description = "a bad date or status", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response reminders(@Parameter(description = "YYYY-MM-DD (Asia/Shanghai), default today") @QueryParam("day") String day,
                              @Parameter(description = "only reminders in this status") @QueryParam("status") String status) {
        LocalDate wanted;
        try {
            wanted = day == null || day.isBlank() ? LocalDate.now(ZoneId.of("Asia/Shanghai")) : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "day is a date YYYY-MM-DD");
        }
        if (status != null && !STATUSES.contains(status)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "status is one of " + new java.util.TreeSet<>(STATUSES));
        }
        return Response.ok(runs.reminders(wanted, status).stream().map(DunningResource::reminder).toList()).build();
    }

    @GET
    @Path("figures")
    @APIResponse(responseCode = "200", description = "per day (Asia/Shanghai) and channel, oldest first; days without reminders left out",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Day.class)))
    @APIResponse(responseCode = "400", description = "a bad date, or more than 31 days", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response figures(@Parameter(description = "YYYY-MM-DD, default today") @QueryParam("from") String from,
                            @Parameter(description = "YYYY-MM-DD, default from") @QueryParam("to") String to) {
        DaySpan span = DaySpan.of(from, to, DunningFigures.MAX_DAYS);
        return Response.ok(figures.days(span.from(), span.to()).stream().map(d -> new Day(d.day(), d.channel(), d.reminders(), d.sent(),
                d.waiting(), d.failed(), d.refused(), d.cancelled(), d.uncertain(), d.paid(), d.collected(), d.promised())).toList()).build();
    }

    private static Reminder reminder(DunningNotice n) {
        return new Reminder(n.getId(), n.getBillNumber(), n.getCustomerId(), n.getChannel().name(), n.getAddress(), n.getAmount(),
                n.getDueDate(), n.getPeriod(), n.getStatus(), n.getReason(), n.getTries(), n.getProviderRef(), n.getOutcome(), n.getPromisedOn(), n.getRunBy(),
                n.getCreatedAt(), n.getUpdatedAt());
    }
}
