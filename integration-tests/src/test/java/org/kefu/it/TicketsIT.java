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

        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"COMPLAINT\",\"category\":\"BILLING\","
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

        // A power cut is answered within 1 working day, whatever its type says (a repair: 3).
        HttpResponse<String> outage = api("POST", "api/tickets", "1001", "{\"type\":\"REPAIR\",\"category\":\"POWER_OUTAGE\","
                + "\"subject\":\"整栋楼停电\"}");
        assertEquals(201, outage.statusCode(), outage.body());
        assertEquals(endOfWorkingDay(today, 1, calendar), Instant.parse(json(outage.body()).getString("answerBy")), outage.body());
        HttpResponse<String> categories = api("GET", "api/tickets/categories", "1001", null);
        assertEquals(200, categories.statusCode(), categories.body());
        JsonObject powerCut = Json.createReader(new StringReader(categories.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("code").equals("POWER_OUTAGE")).findFirst().orElseThrow();
        assertEquals("POWER|停电|1", powerCut.getString("parent") + "|" + powerCut.getString("nameZh") + "|" + powerCut.getInt("answerDays"));

        HttpResponse<String> types = api("GET", "api/tickets/types", "1001", null);
        assertEquals(200, types.statusCode(), types.body());
        JsonObject complaint = Json.createReader(new StringReader(types.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("code").equals("COMPLAINT")).findFirst().orElseThrow();
        assertEquals("投诉|1|15", complaint.getString("nameZh") + "|" + complaint.getInt("acceptDays") + "|" + complaint.getInt("answerDays"));
    }

    @Test
    @OperateOnDeployment("probe")
    void supervisorsSeeTheOverdueTicketsInRed() throws Exception {
        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"REPAIR\",\"category\":\"POWER\",\"subject\":\"停电\"}");
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
    void aRepeatOfTheSameRequestIsNotedOnTheOpenTicketNotDoubled() throws Exception {
        String phone = "139" + (10_000_000 + (System.nanoTime() % 89_999_999));
        String zhangSan = scalar("SELECT id FROM customer WHERE id_number = '440101198001010017'");
        String draft = "{\"type\":\"REPAIR\",\"category\":\"POWER\",\"subject\":\"%s\",\"callerPhone\":\"" + phone
                + "\",\"customerId\":" + zhangSan + "}";
        HttpResponse<String> first = api("POST", "api/tickets", "1001", String.format(draft, "小区停电 楼下配电箱冒烟"));
        assertEquals(201, first.statusCode(), first.body());
        long number = json(first.body()).getJsonNumber("number").longValue();
        // The same caller again, in other words: the open ticket, with the repeat noted on it.
        HttpResponse<String> again = api("POST", "api/tickets", "1002", String.format(draft, "小区停电了，楼下配电箱在冒烟"));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(number, json(again.body()).getJsonNumber("number").longValue());
        HttpResponse<String> history = api("GET", "api/tickets/" + number + "/history", "1001", null);
        assertEquals(200, history.statusCode(), history.body());
        JsonArray steps = Json.createReader(new StringReader(history.body())).readArray();
        assertEquals(2, steps.size(), history.body());
        assertEquals("1002", steps.getJsonObject(1).getString("actor"));
        assertEquals("again by AGENT from " + phone + ": 小区停电了，楼下配电箱在冒烟", steps.getJsonObject(1).getString("note"));
        // Something else from the same caller is a ticket of its own.
        HttpResponse<String> other = api("POST", "api/tickets", "1001", String.format(draft, "路灯不亮"));
        assertEquals(201, other.statusCode(), other.body());
        long second = json(other.body()).getJsonNumber("number").longValue();
        assertTrue(second != number);

        // Found by the number and by the customer's national ID number.
        HttpResponse<String> byPhone = api("GET", "api/tickets?phone=" + phone, "1003", null);
        assertEquals(200, byPhone.statusCode(), byPhone.body());
        assertTrue(byPhone.body().contains("\"number\":" + number) && byPhone.body().contains("\"number\":" + second), byPhone.body());
        HttpResponse<String> byId = api("GET", "api/tickets?idNumber=440101198001010017", "1003", null);
        assertEquals(200, byId.statusCode(), byId.body());
        assertTrue(byId.body().contains("\"number\":" + number), byId.body());
        assertEquals(400, api("GET", "api/tickets", "1003", null).statusCode());
        assertEquals(404, api("GET", "api/tickets/99999999/history", "1003", null).statusCode());
    }

    @Test
    @OperateOnDeployment("probe")
    void theWebSiteShowsATicketsStatusOnlyToWhoeverKnowsItsNumberAndPhone() throws Exception {
        String phone = "137" + (10_000_000 + (System.nanoTime() % 89_999_999));
        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"CONSULTATION\",\"category\":\"ACCOUNTS\","
                + "\"subject\":\"开户需要什么材料\",\"callerPhone\":\"" + phone + "\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        long number = json(opened.body()).getJsonNumber("number").longValue();
        HttpResponse<String> mine = anonymous("api/public/tickets/" + number + "?phone=" + phone);
        assertEquals(200, mine.statusCode(), mine.body());
        JsonObject status = json(mine.body());
        assertEquals("OPEN|CONSULTATION", status.getString("status") + "|" + status.getString("type"));
        assertTrue(!mine.body().contains("开户") && !mine.body().contains("1001"), "no text, no handler: " + mine.body());
        // A wrong pair looks like no ticket at all.
        HttpResponse<String> wrongPhone = anonymous("api/public/tickets/" + number + "?phone=13700000000");
        HttpResponse<String> noTicket = anonymous("api/public/tickets/99999999?phone=" + phone);
        assertEquals(404, wrongPhone.statusCode());
        assertEquals(404, noTicket.statusCode());
        assertEquals(404, anonymous("api/public/tickets/" + number).statusCode());
        // An address may ask 20 times an hour (the four above included): then 429 with Retry-After.
        int asked = 4;
        HttpResponse<String> last = mine;
        while (asked < 25 && (last = anonymous("api/public/tickets/" + number + "?phone=" + phone)).statusCode() == 200) {
            asked++;
        }
        assertEquals(429, last.statusCode(), "after " + asked + " queries: " + last.body());
        assertEquals(20, asked);
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElse("0")) > 0);
    }

    @Test
    @OperateOnDeployment("probe")
    void aTicketMovesOnAsTheWorkflowAllowsAndEveryMoveIsAudited() throws Exception {
        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"CONSULTATION\",\"category\":\"CARDS\","
                + "\"subject\":\"信用卡年费怎么收\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject ticket = json(opened.body());
        long number = ticket.getJsonNumber("number").longValue();
        String moves = "api/tickets/" + number + "/moves";

        HttpResponse<String> taken = api("POST", moves, "1002", "{\"to\":\"IN_PROGRESS\",\"note\":\"查询中\"}");
        assertEquals(200, taken.statusCode(), taken.body());
        assertEquals("IN_PROGRESS", json(taken.body()).getString("status"));
        assertEquals(ticket.getString("answerBy"), json(taken.body()).getString("deadline"), "once accepted, the answer's clock runs");
        HttpResponse<String> noAnswer = api("POST", moves, "1002", "{\"to\":\"RESOLVED\"}");
        assertEquals(400, noAnswer.statusCode(), noAnswer.body());
        assertEquals(200, api("POST", moves, "1002", "{\"to\":\"RESOLVED\",\"note\":\"首年免年费，次年刷卡满6次免\"}").statusCode());
        HttpResponse<String> backwards = api("POST", moves, "1002", "{\"to\":\"IN_PROGRESS\"}");
        assertEquals(409, backwards.statusCode(), backwards.body());
        assertTrue(backwards.body().contains("cannot go from RESOLVED to IN_PROGRESS"), backwards.body());
        assertEquals(400, api("POST", moves, "1002", "{\"to\":\"LOST\"}").statusCode());
        HttpResponse<String> closed = api("POST", moves, "1005", "{\"to\":\"CLOSED\",\"note\":\"客户满意\"}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(!json(closed.body()).containsKey("colour") || json(closed.body()).isNull("colour"), "no clock runs on a closed ticket");
        assertEquals(409, api("POST", moves, "1005", "{\"to\":\"OPEN\"}").statusCode());

        assertEquals("RESOLVED", scalar("SELECT to_status FROM ticket_event WHERE ticket_id = " + number + " AND note LIKE '首年%'"));
        assertEquals("3", scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'TICKET_MOVE' AND target = 'ticket " + number + "'"));
        assertEquals("1005|RESOLVED->CLOSED: 客户满意", scalar("SELECT actor || '|' || detail FROM audit_event WHERE action = 'TICKET_MOVE'"
                + " AND target = 'ticket " + number + "' ORDER BY id DESC"));
        assertEquals("首年免年费，次年刷卡满6次免", scalar("SELECT resolution FROM ticket WHERE id = " + number));
    }

    @Test
    @OperateOnDeployment("probe")
    void aBadDraftIsRefusedAndNothingIsOpened() throws Exception {
        String before = count();
        HttpResponse<String> unknownType = api("POST", "api/tickets", "1001", "{\"type\":\"GOSSIP\",\"category\":\"OTHER\",\"subject\":\"y\"}");
        assertEquals(400, unknownType.statusCode(), unknownType.body());
        assertTrue(unknownType.body().contains("No ticket type GOSSIP"), unknownType.body());
        HttpResponse<String> unknownCategory = api("POST", "api/tickets", "1001", "{\"type\":\"CONSULTATION\",\"category\":\"UFO\",\"subject\":\"y\"}");
        assertEquals(400, unknownCategory.statusCode(), unknownCategory.body());
        assertTrue(unknownCategory.body().contains("No ticket category UFO"), unknownCategory.body());
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
        return scalar("SELECT COUNT(*) FROM ticket");
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static HttpResponse<String> anonymous(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/" + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
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
