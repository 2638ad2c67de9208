package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
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

import java.io.StringReader;
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

    /** A holiday, or a make-up working day (调休) with the weekday whose hours apply. */
    public record CalendarDay(@Schema(readOnly = true) String date, @Schema(enumeration = {"HOLIDAY", "WORKDAY"}) String kind,
                              @Schema(maxLength = 64) String name,
                              @Schema(description = "WORKDAY only: 1-7, whose hours apply (default Monday)") Integer asWeekday) {
    }

    /** Opening hours on one weekday. */
    public record HoursSpan(@Schema(description = "1 (Monday) to 7 (Sunday)") int weekday,
                            @Schema(description = "HH:MM") String open, @Schema(description = "HH:MM (24:00 allowed)") String close) {
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
    @RequestBody(content = @Content(schema = @Schema(implementation = Rule.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", description = "a bad rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create(String body) {
        try {
            JsonObject o = object(body);
            long id = routing.saveRule(null, rule(o), o.getBoolean("enabled", true), request.getRemoteAddr());
            return Response.created(URI.create("routing/rules/" + id)).entity(new Created(id)).build();
        } catch (BadInput e) {
            return error(400, e.getMessage());
        } catch (RoutingRuleException e) {
            return error(e);
        }
    }

    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(schema = @Schema(implementation = Rule.class)))
    @APIResponse(responseCode = "204", description = "replaced")
    @APIResponse(responseCode = "400", description = "a bad rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response replace(@PathParam("id") long id, String body) {
        try {
            JsonObject o = object(body);
            routing.saveRule(id, rule(o), o.getBoolean("enabled", true), request.getRemoteAddr());
            return Response.noContent().build();
        } catch (BadInput e) {
            return error(400, e.getMessage());
        } catch (RoutingRuleException e) {
            return error(e);
        }
    }

    @DELETE
    @Path("rules/{id}")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such rule", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response delete(@PathParam("id") long id) {
        try {
            routing.deleteRule(id, request.getRemoteAddr());
            return Response.noContent().build();
        } catch (RoutingRuleException e) {
            return error(e);
        }
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
    @RequestBody(content = @Content(schema = @Schema(implementation = CalendarDay.class)))
    @APIResponse(responseCode = "204", description = "saved")
    @APIResponse(responseCode = "400", description = "a bad date or day", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response saveDay(@Parameter(description = "YYYY-MM-DD") @PathParam("date") String date, String body) {
        try {
            JsonObject o = object(body);
            String kind = o.getString("kind", "");
            if (!kind.equals("HOLIDAY") && !kind.equals("WORKDAY")) {
                throw new BadInput("kind must be HOLIDAY or WORKDAY");
            }
            String name = o.getString("name", null);
            if (name != null && name.length() > 64) {
                throw new BadInput("name is at most 64 characters");
            }
            Integer as = o.containsKey("asWeekday") && !o.isNull("asWeekday") ? o.getInt("asWeekday") : null;
            routing.saveCalendarDay(new CalendarEntry(date(date), kind.equals("HOLIDAY"), name,
                    as == null ? null : weekday(as)), request.getRemoteAddr());
            return Response.noContent().build();
        } catch (BadInput e) {
            return error(400, e.getMessage());
        } catch (ClassCastException e) {
            return error(400, "asWeekday must be a number 1-7");
        }
    }

    @DELETE
    @Path("calendar/{date}")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "400", description = "a bad date", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such day", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response deleteDay(@PathParam("date") String date) {
        try {
            routing.deleteCalendarDay(date(date), request.getRemoteAddr());
            return Response.noContent().build();
        } catch (BadInput e) {
            return error(400, e.getMessage());
        } catch (RoutingRuleException e) {
            return error(e);
        }
    }

    // ------------------------------------------------------------------ office hours

    @GET
    @Path("hours/{kind}/{code}")
    @APIResponse(responseCode = "200", description = "no spans: open around the clock",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HoursSpan.class)))
    @APIResponse(responseCode = "400", description = "a bad kind", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response hours(@Parameter(description = "NUMBER (a service number) or QUEUE") @PathParam("kind") String kind,
                          @PathParam("code") String code) {
        try {
            return Response.ok(routing.officeHours(kind.toUpperCase(Locale.ROOT), code).stream()
                    .map(s -> new HoursSpan(s.weekday().getValue(), hhmm(s.openMinute()), hhmm(s.closeMinute()))).toList()).build();
        } catch (RoutingRuleException e) {
            return error(e);
        }
    }

    /** [{"weekday":1,"open":"08:30","close":"18:00"}, …]; [] makes the number or queue open around the clock. */
    @PUT
    @Path("hours/{kind}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(description = "[] opens the number or queue around the clock",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HoursSpan.class)))
    @APIResponse(responseCode = "204", description = "saved")
    @APIResponse(responseCode = "400", description = "a bad span or kind", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response saveHours(@PathParam("kind") String kind, @PathParam("code") String code, String body) {
        try {
            JsonArray array;
            try {
                array = Json.createReader(new StringReader(body)).readArray();
            } catch (JsonException | IllegalStateException e) {
                throw new BadInput("the body must be a JSON array of {weekday, open, close}");
            }
            List<OfficeHoursSpan> spans = new ArrayList<>();
            for (JsonValue v : array) {
                if (!(v instanceof JsonObject o) || !(o.get("weekday") instanceof JsonNumber n)) {
                    throw new BadInput("each span is {\"weekday\":1-7,\"open\":\"HH:MM\",\"close\":\"HH:MM\"}");
                }
                spans.add(new OfficeHoursSpan(kind, code, weekday(n.intValue()), minutes(o, "open"), minutes(o, "close")));
            }
            routing.saveOfficeHours(kind.toUpperCase(Locale.ROOT), code, spans, request.getRemoteAddr());
            return Response.noContent().build();
        } catch (BadInput e) {
            return error(400, e.getMessage());
        } catch (RoutingRuleException e) {
            return error(e);
        }
    }

    // ------------------------------------------------------------------ JSON

    private static RoutingRule rule(JsonObject o) throws BadInput {
        if (!(o.get("priority") instanceof JsonNumber priority)) {
            throw new BadInput("priority (a number, lowest first) is required");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (o.containsKey("weekdays") && !o.isNull("weekdays")) {
            if (!(o.get("weekdays") instanceof JsonArray array)) {
                throw new BadInput("weekdays is an array of 1 (Monday) to 7 (Sunday)");
            }
            for (JsonValue v : array) {
                if (!(v instanceof JsonNumber n)) {
                    throw new BadInput("weekdays is an array of 1 (Monday) to 7 (Sunday)");
                }
                days.add(weekday(n.intValue()));
            }
        }
        Integer from = o.containsKey("from") && !o.isNull("from") ? minutes(o, "from") : null;
        Integer to = o.containsKey("to") && !o.isNull("to") ? minutes(o, "to") : null;
        return new RoutingRule(0, priority.intValue(), text(o, "name"), text(o, "dnis"), text(o, "callerPrefix"), days, from, to,
                enumOf(DayCondition.class, text(o, "day"), DayCondition.ANY, "day"), text(o, "announcement"),
                enumOf(RuleTarget.class, text(o, "targetKind"), null, "targetKind"), text(o, "target"));
    }

    private static Rule rule(RoutingRule r, boolean enabled) {
        return new Rule(r.id(), r.priority(), r.name(), r.dnis(), r.callerPrefix(),
                r.weekdays().isEmpty() ? null : r.weekdays().stream().sorted().map(DayOfWeek::getValue).toList(),
                r.fromMinute() == null ? null : hhmm(r.fromMinute()), r.fromMinute() == null ? null : hhmm(r.toMinute()),
                r.day(), r.announcement(), r.targetKind(), r.target(), enabled);
    }

    private static String text(JsonObject o, String name) throws BadInput {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new BadInput(name + " must be a string");
        }
        return s.getString().isBlank() ? null : s.getString().strip();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, E otherwise, String field) throws BadInput {
        if (value == null) {
            if (otherwise == null) {
                throw new BadInput(field + " is required: one of " + EnumSet.allOf(type));
            }
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput(field + " must be one of " + EnumSet.allOf(type) + ", not " + value);
        }
    }

    private static int minutes(JsonObject o, String field) throws BadInput {
        String v = text(o, field);
        if (v == null || !v.matches("\\d{1,2}:\\d{2}")) {
            throw new BadInput(field + " must be a time of day \"HH:MM\"");
        }
        int h = Integer.parseInt(v.substring(0, v.indexOf(':')));
        int m = Integer.parseInt(v.substring(v.indexOf(':') + 1));
        if (m > 59 || h > 24 || h == 24 && m > 0) {
            throw new BadInput(field + " must be a time of day from 00:00 to 24:00, not " + v);
        }
        return h * 60 + m;
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    private static DayOfWeek weekday(int n) throws BadInput {
        if (n < 1 || n > 7) {
            throw new BadInput("a weekday is 1 (Monday) to 7 (Sunday), not " + n);
        }
        return DayOfWeek.of(n);
    }

    private static LocalDate date(String s) throws BadInput {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadInput("a date is YYYY-MM-DD, not " + s);
        }
    }

    private static JsonObject object(String body) throws BadInput {
        try {
            return Json.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BadInput("the body must be a JSON object");
        }
    }

    private static Response error(RoutingRuleException e) {
        return error(e.notFound() ? 404 : 400, e.getMessage());
    }

    private static Response error(int status, String message) {
        return ApiError.response(Response.Status.fromStatusCode(status), message);
    }

    /** Malformed input, reported as 400 with its reason. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
