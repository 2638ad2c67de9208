package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.callflow.routing.CalendarEntry;
import org.kefu.callflow.routing.DayCondition;
import org.kefu.callflow.routing.InboundRouting;
import org.kefu.callflow.routing.OfficeHoursSpan;
import org.kefu.callflow.routing.RoutingRule;
import org.kefu.callflow.routing.RoutingRuleException;
import org.kefu.callflow.routing.RuleTarget;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Inbound routing administration (R-2.3, admins only, every change audited): rules, the holiday
 * calendar (holidays and make-up working days) and office hours per service number or queue.
 * Changes take effect on the next call; {@code POST /api/routing/reload} re-reads the tables.
 * Times of day are "HH:MM" (24:00 allowed as a closing time); weekdays 1 = Monday … 7 = Sunday.
 * A rule is created with POST, replaced with PUT and removed with DELETE; so are calendar days
 * (PUT and DELETE on the date) and the week's hours (PUT).
 */
@Path("routing")
@RolesAllowed("admin")
@SecurityRequirement(name = "basic", scopes = {"admin"})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class RoutingResource {

    /**
     * A routing rule: the calls it matches (dialled number, caller prefix, weekdays, time of day,
     * holiday or working day), what they hear and where they go. Rules are tried lowest priority first.
     */
    @Schema(name = "RoutingRule")
    public record Rule(@Schema(readOnly = true) Long id, @Schema(required = true) int priority, String name,
                       @Schema(description = "the dialled service number; any when absent") String dnis, String callerPrefix,
                       @Schema(description = "1 (Monday) to 7 (Sunday); every day when absent") List<Integer> weekdays,
                       @Schema(description = "HH:MM", pattern = "\\d{1,2}:\\d{2}") String from,
                       @Schema(description = "HH:MM (24:00 allowed)", pattern = "\\d{1,2}:\\d{2}") String to,
                       @Schema(description = "default ANY") DayCondition day,
                       @Schema(description = "a prompt played before the target") String announcement,
                       @Schema(required = true) RuleTarget targetKind, String target,
                       @Schema(description = "default true") Boolean enabled) {
    }

    /** A rule as an administrator writes it (POST, PUT); day and targetKind in any case, blank texts are absent. */
    @Schema(name = "RoutingRuleBody")
    public record RuleBody(@NotNull @Schema(description = "lowest first") Integer priority, @Size(max = 64) String name,
                           @Size(max = 32) String dnis, @Size(max = 32) String callerPrefix,
                           @Schema(description = "1 (Monday) to 7 (Sunday); every day when absent")
                           List<@NotNull @Min(1) @Max(7) Integer> weekdays,
                           @Pattern(regexp = HHMM, message = "must be a time of day HH:MM") String from,
                           @Pattern(regexp = HHMM, message = "must be a time of day HH:MM") String to,
                           @Schema(enumeration = {"ANY", "HOLIDAY", "WORKING_DAY", "OPEN", "CLOSED"}, description = "default ANY") String day,
                           @Size(max = 64) String announcement,
                           @NotBlank @Schema(enumeration = {"QUEUE", "IVR", "VOICEMAIL", "REJECT", "MENU"}) String targetKind,
                           @Size(max = 64) String target, @Schema(description = "default true") Boolean enabled) {
    }

    private static final String HHMM = "\\d{1,2}:\\d{2}";

    /** A holiday, or a make-up working day (调休) with the weekday whose hours apply. */
    public record CalendarDay(@Schema(readOnly = true) String date,
                              @NotNull @Pattern(regexp = "HOLIDAY|WORKDAY", message = "must be HOLIDAY or WORKDAY") String kind,
                              @Size(max = 64) String name,
                              @Min(1) @Max(7) @Schema(description = "WORKDAY only: 1-7, whose hours apply (default Monday)") Integer asWeekday) {
    }

    /** Opening hours on one weekday. */
    public record HoursSpan(@NotNull @Min(1) @Max(7) @Schema(description = "1 (Monday) to 7 (Sunday)") Integer weekday,
                            @NotNull @Pattern(regexp = HHMM, message = "must be a time of day HH:MM") String open,
                            @NotNull @Pattern(regexp = HHMM, message = "must be a time of day HH:MM")
                            @Schema(description = "HH:MM (24:00 allowed)") String close) {
    }

    @EJB
    private InboundRouting routing;

    @Context
    private HttpServletRequest request;

    // ------------------------------------------------------------------ rules

    @GET
    @Path("rules")
    @APIResponse(responseCode = "200", description = "lowest priority first", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Rule.class)))
    public List<Rule> rules() {
        return routing.rules().stream().map(r -> rule(r.rule(), r.enabled())).toList();
    }

    /** The new rule's id. */
    public record Created(long id) {
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", description = "a bad rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create(@NotNull @Valid RuleBody body) throws RoutingRuleException {
        long id = routing.saveRule(null, rule(body), body.enabled() == null || body.enabled(), request.getRemoteAddr());
        return Response.created(URI.create("routing/rules/" + id)).entity(new Created(id)).build();
    }

    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "replaced")
    @APIResponse(responseCode = "400", description = "a bad rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response replace(@PathParam("id") long id, @NotNull @Valid RuleBody body) throws RoutingRuleException {
        routing.saveRule(id, rule(body), body.enabled() == null || body.enabled(), request.getRemoteAddr());
        return Response.noContent().build();
    }

    @DELETE
    @Path("rules/{id}")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response delete(@PathParam("id") long id) throws RoutingRuleException {
        routing.deleteRule(id, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("reload")
    @APIResponse(responseCode = "204", description = "the rules, calendar and hours are read again")
    public Response reload() {
        routing.reload(request.getRemoteAddr());
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ calendar

    @GET
    @Path("calendar")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CalendarDay.class)))
    public List<CalendarDay> calendar() {
        return routing.calendarDays().stream()
                .map(d -> new CalendarDay(d.date().toString(), d.holiday() ? "HOLIDAY" : "WORKDAY", d.name(),
                        d.asWeekday() == null ? null : d.asWeekday().getValue()))
                .toList();
    }

    /** {"kind":"HOLIDAY"|"WORKDAY","name":…,"asWeekday":1-7 (WORKDAY only: whose hours apply, default Monday)}. */
    @PUT
    @Path("calendar/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "saved")
    @APIResponse(responseCode = "400", description = "a bad date or day", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response saveDay(@Parameter(description = "YYYY-MM-DD") @PathParam("date") String date, @NotNull @Valid CalendarDay day) {
        routing.saveCalendarDay(new CalendarEntry(date(date), day.kind().equals("HOLIDAY"), blankless(day.name()),
                day.asWeekday() == null ? null : DayOfWeek.of(day.asWeekday())), request.getRemoteAddr());
        return Response.noContent().build();
    }

    @DELETE
    @Path("calendar/{date}")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "400", description = "a bad date", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such day", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response deleteDay(@PathParam("date") String date) throws RoutingRuleException {
        routing.deleteCalendarDay(date(date), request.getRemoteAddr());
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ office hours

    @GET
    @Path("hours/{kind}/{code}")
    @APIResponse(responseCode = "200", description = "no spans: open around the clock",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HoursSpan.class)))
    @APIResponse(responseCode = "400", description = "a bad kind", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response hours(@Parameter(description = "NUMBER (a service number) or QUEUE") @PathParam("kind") String kind,
                          @PathParam("code") String code) throws RoutingRuleException {
        return Response.ok(routing.officeHours(kind.toUpperCase(Locale.ROOT), code).stream()
                .map(s -> new HoursSpan(s.weekday().getValue(), hhmm(s.openMinute()), hhmm(s.closeMinute()))).toList()).build();
    }

    /** [{"weekday":1,"open":"08:30","close":"18:00"}, …]; [] makes the number or queue open around the clock. */
    @PUT
    @Path("hours/{kind}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(description = "[] opens the number or queue around the clock")
    @APIResponse(responseCode = "204", description = "saved")
    @APIResponse(responseCode = "400", description = "a bad span or kind", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response saveHours(@PathParam("kind") String kind, @PathParam("code") String code,
                              @NotNull @Valid List<@NotNull @Valid HoursSpan> week) throws RoutingRuleException {
        List<OfficeHoursSpan> spans = new ArrayList<>();
        for (HoursSpan span : week) {
            spans.add(new OfficeHoursSpan(kind, code, DayOfWeek.of(span.weekday()), minutes(span.open(), "open"),
                    minutes(span.close(), "close")));
        }
        routing.saveOfficeHours(kind.toUpperCase(Locale.ROOT), code, spans, request.getRemoteAddr());
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ bodies

    private static RoutingRule rule(RuleBody b) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (b.weekdays() != null) {
            b.weekdays().forEach(d -> days.add(DayOfWeek.of(d)));
        }
        Integer from = b.from() == null || b.from().isBlank() ? null : minutes(b.from().strip(), "from");
        Integer to = b.to() == null || b.to().isBlank() ? null : minutes(b.to().strip(), "to");
        return new RoutingRule(0, b.priority(), blankless(b.name()), blankless(b.dnis()), blankless(b.callerPrefix()), days, from, to,
                enumOf(DayCondition.class, blankless(b.day()), DayCondition.ANY, "day"), blankless(b.announcement()),
                enumOf(RuleTarget.class, blankless(b.targetKind()), null, "targetKind"), blankless(b.target()));
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Rule rule(RoutingRule r, boolean enabled) {
        return new Rule(r.id(), r.priority(), r.name(), r.dnis(), r.callerPrefix(),
                r.weekdays().isEmpty() ? null : r.weekdays().stream().sorted().map(DayOfWeek::getValue).toList(),
                r.fromMinute() == null ? null : hhmm(r.fromMinute()), r.fromMinute() == null ? null : hhmm(r.toMinute()),
                r.day(), r.announcement(), r.targetKind(), r.target(), enabled);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, E otherwise, String field) {
        if (value == null) {
            if (otherwise == null) {
                throw new InvalidBody(field + " is required: one of " + EnumSet.allOf(type));
            }
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidBody(field + " must be one of " + EnumSet.allOf(type) + ", not " + value);
        }
    }

    /** "HH:MM" as minutes of the day, 24:00 allowed as an end. */
    private static int minutes(String v, String field) {
        if (v == null || !v.matches("\\d{1,2}:\\d{2}")) {
            throw new InvalidBody(field + " must be a time of day \"HH:MM\"");
        }
        int h = Integer.parseInt(v.substring(0, v.indexOf(':')));
        int m = Integer.parseInt(v.substring(v.indexOf(':') + 1));
        if (m > 59 || h > 24 || h == 24 && m > 0) {
            throw new InvalidBody(field + " must be a time of day from 00:00 to 24:00, not " + v);
        }
        return h * 60 + m;
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidBody("a date is YYYY-MM-DD, not " + s);
        }
    }
}
