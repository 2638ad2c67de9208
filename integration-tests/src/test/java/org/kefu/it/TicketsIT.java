package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tickets with deadlines in working days (issue 17): an agent opens a complaint over REST and gets
 * its deadlines counted on the routing calendar (a holiday the administrator sets tomorrow's way is
 * skipped); supervisors list the overdue tickets, agents may not; bad drafts are refused. The
 * expected deadlines are counted here from the calendar the server shows, not by Kefu's code.
 */
@ExtendWith(ArquillianExtension.class)
class TicketsIT {

    private static final ZoneId CENTER = ZoneId.of("Asia/Shanghai");

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "tickets-probe.war")).addClasses(TicketsIT.class);
    }

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Test
    @OperateOnDeployment("probe")
    void aComplaintsDeadlinesAreCountedInWorkingDaysOnTheCalendar() throws Exception {
        // The first weekday after today that the calendar does not name yet becomes a holiday.
        Map<LocalDate, String> calendar = calendar();
        LocalDate holiday = LocalDate.now(CENTER).plusDays(1);
        while (holiday.getDayOfWeek().getValue() > 5 || calendar.containsKey(holiday)) {
            holiday = holiday.plusDays(1);
        }
        LocalDate day = holiday;
        assertEquals(204, api("PUT", "api/routing/calendar/" + day, "1006", "{\"kind\":\"HOLIDAY\",\"name\":\"tickets-it\"}").statusCode());
        bed.afterward("take the holiday away", () -> api("DELETE", "api/routing/calendar/" + day, "1006", null));
        calendar.put(day, "HOLIDAY");

        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"COMPLAINT\",\"category\":\"billing\","
                + "\"subject\":\"电费多收\",\"description\":\"本月电费比上月多一倍\",\"callerPhone\":\"13800138000\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject ticket = json(opened.body());
        LocalDate today = LocalDate.now(CENTER);
        assertEquals(endOfWorkingDay(today, 1, calendar), Instant.parse(ticket.getString("acceptBy")), opened.body());
        assertEquals(endOfWorkingDay(today, 15, calendar), Instant.parse(ticket.getString("answerBy")), opened.body());
        assertEquals(ticket.getString("acceptBy"), ticket.getString("deadline"), "a new ticket's clock runs to its acceptance");
        assertEquals("GREEN", ticket.getString("colour"));
        assertEquals("OPEN|COMPLAINT|AGENT|1001", ticket.getString("status") + "|" + ticket.getString("type") + "|"
                + ticket.getString("channel") + "|" + ticket.getString("createdBy"));
        assertTrue(opened.headers().firstValue("Location").orElse("").endsWith("/tickets/" + ticket.getJsonNumber("number")));

        long number = ticket.getJsonNumber("number").longValue();
        HttpResponse<String> read = api("GET", "api/tickets/" + number, "1002", null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(ticket.getString("answerBy"), json(read.body()).getString("answerBy"));
        assertEquals(404, api("GET", "api/tickets/99999999", "1002", null).statusCode());

        HttpResponse<String> types = api("GET", "api/tickets/types", "1001", null);
        assertEquals(200, types.statusCode(), types.body());
        JsonObject complaint = Json.createReader(new StringReader(types.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("code").equals("COMPLAINT")).findFirst().orElseThrow();
        assertEquals("投诉|1|15", complaint.getString("nameZh") + "|" + complaint.getInt("acceptDays") + "|" + complaint.getInt("answerDays"));
    }

    @Test
    @OperateOnDeployment("probe")
    void supervisorsSeeTheOverdueTicketsInRed() throws Exception {
        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"REPAIR\",\"category\":\"power\",\"subject\":\"停电\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        long number = json(opened.body()).getJsonNumber("number").longValue();
        // As if it had been opened a week ago and nobody took it.
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE ticket SET created_at = ?, accept_by = ?, answer_by = ? WHERE id = " + number)) {
            Instant weekAgo = Instant.now().minusSeconds(7 * 86_400);
            ps.setObject(1, java.sql.Timestamp.from(weekAgo));
            ps.setObject(2, java.sql.Timestamp.from(weekAgo.plusSeconds(86_400)));
            ps.setObject(3, java.sql.Timestamp.from(weekAgo.plusSeconds(3 * 86_400)));
            assertEquals(1, ps.executeUpdate());
        }
        HttpResponse<String> overdue = api("GET", "api/tickets/overdue", "1005", null);
        assertEquals(200, overdue.statusCode(), overdue.body());
        JsonObject mine = Json.createReader(new StringReader(overdue.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("number").longValue() == number).findFirst()
                .orElseThrow(() -> new AssertionError("ticket " + number + " not overdue: " + overdue.body()));
        assertEquals("RED", mine.getString("colour"));
        assertEquals(403, api("GET", "api/tickets/overdue", "1001", null).statusCode(), "agents do not list the overdue tickets");
    }

    @Test
    @OperateOnDeployment("probe")
    void aBadDraftIsRefusedAndNothingIsOpened() throws Exception {
        String before = count();
        HttpResponse<String> unknownType = api("POST", "api/tickets", "1001", "{\"type\":\"GOSSIP\",\"category\":\"x\",\"subject\":\"y\"}");
        assertEquals(400, unknownType.statusCode(), unknownType.body());
        assertTrue(unknownType.body().contains("No ticket type GOSSIP"), unknownType.body());
        HttpResponse<String> noSubject = api("POST", "api/tickets", "1001", "{\"type\":\"CONSULTATION\",\"category\":\"x\"}");
        assertEquals(400, noSubject.statusCode(), noSubject.body());
        assertTrue(noSubject.body().contains("subject"), noSubject.body());
        assertEquals(400, api("POST", "api/tickets", "1001", "{\"type\":\"CONSULTATION\",\"category\":\"x\",\"subject\":\"y\","
                + "\"callerPhone\":\"call me\"}").statusCode());
        assertEquals(400, api("POST", "api/tickets", "1001", "not json").statusCode());
        assertEquals(before, count(), "no ticket was opened");
    }

    /** The close (24:00 in Shanghai) of the n-th working day after {@code from}, counted here from the calendar. */
    private static Instant endOfWorkingDay(LocalDate from, int n, Map<LocalDate, String> calendar) {
        LocalDate d = from;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            String kind = calendar.get(d);
            boolean working = "WORKDAY".equals(kind) || kind == null && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (working) {
                counted++;
            }
        }
        return d.plusDays(1).atStartOfDay(CENTER).toInstant();
    }

    private static Map<LocalDate, String> calendar() throws Exception {
        HttpResponse<String> r = api("GET", "api/routing/calendar", "1006", null);
        assertEquals(200, r.statusCode(), r.body());
        Map<LocalDate, String> days = new HashMap<>();
        JsonArray list = Json.createReader(new StringReader(r.body())).readArray();
        for (JsonObject d : list.getValuesAs(JsonObject.class)) {
            days.put(LocalDate.parse(d.getString("date")), d.getString("kind"));
        }
        return days;
    }

    private String count() throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket");
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static HttpResponse<String> api(String method, String path, String login, String json) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":kefu2026").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
