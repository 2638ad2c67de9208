package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 * Changes are POSTs (the web module refuses PUT and DELETE on every path).
 */
@Path("routing")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    @EJB
    private InboundRouting routing;

    @Context
    private HttpServletRequest request;

    // ------------------------------------------------------------------ rules

    @GET
    @Path("rules")
    public Response rules() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (InboundRouting.StoredRule r : routing.rules()) {
            a.add(json(r.rule()).add("enabled", r.enabled()));
        }
        return Response.ok(a.build()).build();
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        try {
            JsonObject o = object(body);
            long id = routing.saveRule(null, rule(o), o.getBoolean("enabled", true), request.getRemoteAddr());
            return Response.created(URI.create("routing/rules/" + id)).entity(Json.createObjectBuilder().add("id", id).build()).build();
        } catch (BadInput e) {
            return error(400, e.getMessage());
        } catch (RoutingRuleException e) {
            return error(e);
        }
    }

    @POST
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
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

    @POST
    @Path("rules/{id}/delete")
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
    public Response reload() {
        routing.reload(request.getRemoteAddr());
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ calendar

    @GET
    @Path("calendar")
    public Response calendar() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (CalendarEntry d : routing.calendarDays()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("date", d.date().toString())
                    .add("kind", d.holiday() ? "HOLIDAY" : "WORKDAY");
            if (d.name() != null) {
                b.add("name", d.name());
            }
            if (d.asWeekday() != null) {
                b.add("asWeekday", d.asWeekday().getValue());
            }
            a.add(b);
        }
        return Response.ok(a.build()).build();
    }

    /** {"kind":"HOLIDAY"|"WORKDAY","name":…,"asWeekday":1-7 (WORKDAY only: whose hours apply, default Monday)}. */
    @POST
    @Path("calendar/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveDay(@PathParam("date") String date, String body) {
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

    @POST
    @Path("calendar/{date}/delete")
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
    public Response hours(@PathParam("kind") String kind, @PathParam("code") String code) {
        try {
            JsonArrayBuilder a = Json.createArrayBuilder();
            for (OfficeHoursSpan s : routing.officeHours(kind.toUpperCase(Locale.ROOT), code)) {
                a.add(Json.createObjectBuilder().add("weekday", s.weekday().getValue())
                        .add("open", hhmm(s.openMinute())).add("close", hhmm(s.closeMinute())));
            }
            return Response.ok(a.build()).build();
        } catch (RoutingRuleException e) {
            return error(e);
        }
    }

    /** [{"weekday":1,"open":"08:30","close":"18:00"}, …]; [] makes the number or queue open around the clock. */
    @POST
    @Path("hours/{kind}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
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

    private static JsonObjectBuilder json(RoutingRule r) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", r.id()).add("priority", r.priority()).add("name", r.name())
                .add("day", r.day().name()).add("targetKind", r.targetKind().name());
        add(b, "dnis", r.dnis());
        add(b, "callerPrefix", r.callerPrefix());
        add(b, "announcement", r.announcement());
        add(b, "target", r.target());
        if (!r.weekdays().isEmpty()) {
            JsonArrayBuilder days = Json.createArrayBuilder();
            r.weekdays().stream().sorted().forEach(d -> days.add(d.getValue()));
            b.add("weekdays", days);
        }
        if (r.fromMinute() != null) {
            b.add("from", hhmm(r.fromMinute())).add("to", hhmm(r.toMinute()));
        }
        return b;
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
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
