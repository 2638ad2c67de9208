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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "tickets-probe.war")).addClasses(TicketsIT.class, KefuApi.class, ConsoleClient.class);
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
        assertEquals("NEW|COMPLAINT|AGENT|1001", ticket.getString("status") + "|" + ticket.getString("type") + "|"
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
                "UPDATE ticket SET created_at = ?, accept_by = ?, answer_by = ?, due_at = ?, next_escalation_at = ? WHERE id = " + number)) {
            Instant weekAgo = Instant.now().minusSeconds(7 * 86_400);
            ps.setObject(1, java.sql.Timestamp.from(weekAgo));
            ps.setObject(2, java.sql.Timestamp.from(weekAgo.plusSeconds(86_400)));
            ps.setObject(3, java.sql.Timestamp.from(weekAgo.plusSeconds(3 * 86_400)));
            // The columns the entity keeps: still new, so the deadline to accept is the one that runs.
            ps.setObject(4, java.sql.Timestamp.from(weekAgo.plusSeconds(86_400)));
            ps.setObject(5, java.sql.Timestamp.from(weekAgo.plusSeconds(86_400)));
            assertEquals(1, ps.executeUpdate());
        }
        HttpResponse<String> overdue = api("GET", "api/tickets/overdue", "1005", null);
        assertEquals(200, overdue.statusCode(), overdue.body());
        JsonObject mine = Json.createReader(new StringReader(overdue.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("number").longValue() == number).findFirst()
                .orElseThrow(() -> new AssertionError("ticket " + number + " not overdue: " + overdue.body()));
        assertEquals("RED", mine.getString("colour"));
        assertEquals(403, api("GET", "api/tickets/overdue", "1001", null).statusCode(), "agents do not list the overdue tickets");

        // Paged, the longest overdue first: a page of one is the head of the list, the next page its second row.
        List<JsonObject> all = Json.createReader(new StringReader(overdue.body())).readArray().getValuesAs(JsonObject.class);
        for (int i = 1; i < all.size(); i++) {
            assertFalse(Instant.parse(all.get(i).getString("deadline")).isBefore(Instant.parse(all.get(i - 1).getString("deadline"))),
                    "ordered by deadline: " + overdue.body());
        }
        HttpResponse<String> first = api("GET", "api/tickets/overdue?limit=1", "1005", null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(all.get(0).getJsonNumber("number").longValue(),
                Json.createReader(new StringReader(first.body())).readArray().getJsonObject(0).getJsonNumber("number").longValue());
        if (all.size() > 1) {
            HttpResponse<String> second = api("GET", "api/tickets/overdue?limit=1&offset=1", "1005", null);
            assertEquals(all.get(1).getJsonNumber("number").longValue(),
                    Json.createReader(new StringReader(second.body())).readArray().getJsonObject(0).getJsonNumber("number").longValue());
        }
        for (String bad : List.of("limit=0", "limit=501", "limit=ten", "offset=-1")) {
            HttpResponse<String> refused = api("GET", "api/tickets/overdue?" + bad, "1005", null);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.body().contains(bad.substring(0, bad.indexOf('='))), "names the parameter: " + refused.body());
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void filesAttachedToATicketAreToldByTheirBytesKeptWithTheirSha256AndShownOnlyToThoseWhoSeeTheTicket() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        long number = accepted("{\"type\":\"REPAIR\",\"category\":\"POWER\",\"subject\":\"电表烧坏 " + nonce
                + "\",\"callerPhone\":\"13800138000\"}");
        api("POST", "api/tickets/" + number + "/actions", "1001", "{\"action\":\"DISPATCH\",\"department\":\"POWER\"}");
        String files = "api/tickets/" + number + "/attachments";
        byte[] png = new byte[200];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        System.arraycopy(nonce.getBytes(StandardCharsets.UTF_8), 0, png, 20, nonce.length());
        HttpResponse<String> attached = KefuApi.upload(files + "?name=" + URLEncoder.encode("C:\\照片\\电表.png", StandardCharsets.UTF_8),
                "2001", png, false);
        assertEquals(201, attached.statusCode(), attached.body());
        JsonObject a = json(attached.body());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertEquals("电表.png|image/png|200|" + sha + "|2001", a.getString("name") + "|" + a.getString("contentType") + "|"
                + a.getInt("size") + "|" + a.getString("sha256") + "|" + a.getString("uploadedBy"), "the folder the browser sent is dropped");

        HttpResponse<byte[]> back = KefuApi.download(files + "/" + a.getJsonNumber("id").longValue(), "1001");
        assertEquals(200, back.statusCode());
        assertArrayEquals(png, back.body());
        assertEquals("image/png", back.headers().firstValue("content-type").orElse(""));
        assertEquals("nosniff", back.headers().firstValue("x-content-type-options").orElse(""));
        assertTrue(back.headers().firstValue("content-disposition").orElse("").startsWith("attachment;"), back.headers().toString());
        assertTrue(api("GET", files, "1001", null).body().contains(sha));
        assertTrue(api("GET", "api/tickets/" + number + "/history", "1001", null).body().contains("attached 电表.png (PNG, 200 bytes, SHA-256 " + sha));
        assertEquals("1", scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'TICKET_ATTACH' AND target = 'ticket " + number + "'"));

        // The water company's handler learns nothing of the power bureau's ticket, nor can add to it.
        assertEquals(404, api("GET", files, "2002", null).statusCode());
        assertEquals(404, KefuApi.download(files + "/" + a.getJsonNumber("id").longValue(), "2002").statusCode());
        assertEquals(404, KefuApi.upload(files + "?name=x.png", "2002", png, false).statusCode());

        // Told by the bytes, not by the name; too large is refused before it is read, streamed or not.
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, KefuApi.upload(files + "?name=page.html", "2001", html, false).statusCode());
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        HttpResponse<String> disguised = KefuApi.upload(files + "?name=invoice.pdf", "2001", program, false);
        assertEquals(415, disguised.statusCode(), disguised.body());
        assertTrue(disguised.body().contains("invoice.pdf is not a PDF"), disguised.body());
        assertEquals(400, KefuApi.upload(files, "2001", png, false).statusCode(), "no name");
        assertEquals(400, KefuApi.upload(files + "?name=empty.txt", "2001", new byte[0], false).statusCode(), "empty");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(magic, 0, big, 0, magic.length);
        assertEquals(413, KefuApi.upload(files + "?name=big.png", "2001", big, false).statusCode(), "with a Content-Length");
        assertEquals(413, KefuApi.upload(files + "?name=big.png", "2001", big, true).statusCode(), "streamed");
        assertEquals("1", scalar("SELECT COUNT(*) FROM ticket_attachment WHERE ticket_id = " + number), "nothing else was kept");

        // A file changed on disk after it was attached is never handed out.
        byte[] note = ("维修记录 " + nonce + "\n").getBytes(StandardCharsets.UTF_8);
        JsonObject text = json(KefuApi.upload(files + "?name=record.txt", "2001", note, false).body());
        String textSha = text.getString("sha256");
        java.nio.file.Path stored = java.nio.file.Path.of(System.getProperty("jboss.server.data.dir"), "kefu", "attachments",
                textSha.substring(0, 2), textSha);
        java.nio.file.Files.write(stored, "tampered".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> tampered = KefuApi.download(files + "/" + text.getJsonNumber("id").longValue(), "1001");
        assertEquals(500, tampered.statusCode());
        assertFalse(new String(tampered.body(), StandardCharsets.UTF_8).contains("tampered"), "the changed bytes are not served");
    }

    @Test
    @OperateOnDeployment("probe")
    void supervisorsSeeEachDepartmentsLoadOverRestAndOnTheirPageAndExportIt() throws Exception {
        JsonObject before = load("POWER");
        String nonce = Long.toString(System.nanoTime(), 36);
        long number = accepted("{\"type\":\"REPAIR\",\"category\":\"POWER\",\"subject\":\"路灯不亮 " + nonce
                + "\",\"callerPhone\":\"13900139000\"}");
        assertEquals("DISPATCHED", status(api("POST", "api/tickets/" + number + "/actions", "1001",
                "{\"action\":\"DISPATCH\",\"department\":\"POWER\"}")));
        // As if its answer deadline had passed an hour ago (with the column the entity keeps).
        update("UPDATE ticket SET answer_by = ?, due_at = ? WHERE id = " + number, Instant.now().minusSeconds(3_600));
        JsonObject after = load("POWER");
        assertEquals(before.getInt("dispatched") + 1, after.getInt("dispatched"), after.toString());
        assertEquals(before.getInt("total") + 1, after.getInt("total"), after.toString());
        assertEquals(before.getInt("overdue") + 1, after.getInt("overdue"), after.toString());
        assertEquals("供电局|Power supply bureau", after.getString("nameZh") + "|" + after.getString("nameEn"));
        assertEquals(403, api("GET", "api/departments/load", "1001", null).statusCode(), "not for agents");
        assertEquals(403, api("GET", "api/departments/load", "2001", null).statusCode(), "not for departments");

        ConsoleClient console = new ConsoleClient(KefuApi.base());
        console.signIn("1005", "kefu2026");
        String page = console.get("supervisor/index.xhtml").body();
        assertTrue(page.contains("各部门当前在办工单") && page.contains("供电局"), "the supervisor's page shows the load");
        HttpResponse<String> csv = console.submit("supervisor/index.xhtml", "tickets", "export");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"), csv.headers().toString());
        String power = csv.body().lines().filter(l -> l.contains("\"供电局\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for 供电局:\n" + csv.body()));
        assertTrue(csv.body().lines().findFirst().orElse("").contains("已超期"), csv.body());
        assertTrue(power.endsWith("\"" + after.getInt("overdue") + "\""), power);
    }

    @Test
    @OperateOnDeployment("probe")
    void supervisorsSeeTheTicketFiguresAndTheOverdueTicketsOnTheirPageAndExportTheFigures() throws Exception {
        String subject = "账单金额有误 " + Long.toString(System.nanoTime(), 36);
        long number = accepted("{\"type\":\"COMPLAINT\",\"category\":\"BILLING\",\"subject\":\"" + subject
                + "\",\"callerPhone\":\"13900139000\"}");
        // As if it had been due a thousand days ago: the first of the overdue list, the longest overdue first.
        update("UPDATE ticket SET answer_by = ?, due_at = ? WHERE id = " + number, Instant.now().minusSeconds(1_000L * 86_400));
        try {
            HttpResponse<String> figures = api("GET", "api/tickets/figures", "1005", null);
            assertEquals(200, figures.statusCode(), figures.body());
            JsonObject today = json(figures.body());
            long agentChannel = today.getJsonArray("byChannel").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("key").equals("AGENT")).findFirst().orElseThrow().getJsonNumber("tickets").longValue();

            ConsoleClient console = new ConsoleClient(KefuApi.base());
            console.signIn("1005", "kefu2026");
            String page = console.get("supervisor/index.xhtml").body();
            assertTrue(page.contains("工单统计") && page.contains("按时答复率") && page.contains("超期工单"), "the figures and the overdue list");
            assertTrue(page.contains(subject) && page.contains(">" + number + "<"), "the ticket due long ago is among the overdue");
            HttpResponse<String> csv = console.submit("supervisor/index.xhtml", "figures", "export");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"), csv.headers().toString());
            assertTrue(csv.body().lines().findFirst().orElse("").contains("分组"), csv.body());
            // The same figures as the REST API's, in the centre's words.
            assertTrue(csv.body().lines().anyMatch(l -> l.equals("\"总计\",\"受理量\",\"" + today.getJsonNumber("opened").longValue() + "\"")),
                    today + "\n" + csv.body());
            assertTrue(csv.body().lines().anyMatch(l -> l.equals("\"按渠道\",\"坐席\",\"" + agentChannel + "\"")), csv.body());
            assertTrue(csv.body().lines().anyMatch(l -> l.startsWith("\"按类型\",\"投诉\",")), csv.body());
            ConsoleClient agent = new ConsoleClient(KefuApi.base());
            agent.signIn("1001", "kefu2026");
            assertEquals(403, agent.get("supervisor/index.xhtml").statusCode(), "not for agents");
        } finally {
            // Due again in the future, so that later tests' escalation scans leave it alone.
            update("UPDATE ticket SET answer_by = ?, due_at = ? WHERE id = " + number, Instant.now().plusSeconds(30L * 86_400));
        }
    }

    private JsonObject load(String department) throws Exception {
        HttpResponse<String> r = api("GET", "api/departments/load", "1005", null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("code").equals(department)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + department + ": " + r.body()));
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
        assertEquals("NEW|CONSULTATION", status.getString("status") + "|" + status.getString("type"));
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
    void theWebSitesFormOpensATicketOfNoCustomerWithinItsLimits() throws Exception {
        String phone = "139" + (10_000_000 + (System.nanoTime() % 89_999_999));
        String nonce = Long.toString(System.nanoTime(), 36);
        String form = "{\"phone\":\"%s\",\"type\":\"REPAIR\",\"category\":\"%s\",\"subject\":\"%s\",\"description\":\"3号楼2单元\"}";
        // A bad form: 400 naming what is wrong. A service number is no one to answer to.
        HttpResponse<String> service = anonymousPost("api/public/tickets", String.format(form, "12345", "WATER", "楼道水管漏水 " + nonce));
        assertEquals(400, service.statusCode(), service.body());
        assertTrue(service.body().contains("phone"), service.body());
        HttpResponse<String> unknown = anonymousPost("api/public/tickets", String.format(form, phone, "NO_SUCH", "楼道水管漏水 " + nonce));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("NO_SUCH"), unknown.body());
        assertEquals(400, anonymousPost("api/public/tickets", "{\"phone\":\"" + phone + "\"}").statusCode(), "no type, category or subject");

        HttpResponse<String> opened = anonymousPost("api/public/tickets", String.format(form, phone, "WATER", "楼道水管漏水 " + nonce));
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject reported = json(opened.body());
        long number = reported.getJsonNumber("number").longValue();
        assertEquals("NEW|false", reported.getString("status") + "|" + reported.getBoolean("repeat"));
        assertTrue(reported.containsKey("answerBy"), "a repair is answered within its working days: " + opened.body());
        // A ticket of the web channel, opened by "web", on no customer's record.
        JsonObject ticket = json(api("GET", "api/tickets/" + number, "1001", null).body());
        assertEquals("WEB|web|" + phone + "|REPAIR|WATER", ticket.getString("channel") + "|" + ticket.getString("createdBy") + "|"
                + ticket.getString("callerPhone") + "|" + ticket.getString("type") + "|" + ticket.getString("category"));
        assertTrue(!ticket.containsKey("customerId") || ticket.isNull("customerId"), ticket.toString());
        // Sent again: noted on the open ticket, not a second one.
        HttpResponse<String> again = anonymousPost("api/public/tickets", String.format(form, phone, "WATER", "楼道水管漏水 " + nonce));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(number, json(again.body()).getJsonNumber("number").longValue());
        assertTrue(json(again.body()).getBoolean("repeat"));

        // One number may report three tickets a day: the fourth is refused and opens nothing.
        assertEquals(201, anonymousPost("api/public/tickets", String.format(form, phone, "ROADS", "路灯不亮 " + nonce)).statusCode());
        assertEquals(201, anonymousPost("api/public/tickets", String.format(form, phone, "ENVIRONMENT", "夜间施工噪音 " + nonce)).statusCode());
        HttpResponse<String> fourth = anonymousPost("api/public/tickets", String.format(form, phone, "GAS", "燃气味道 " + nonce));
        assertEquals(429, fourth.statusCode(), fourth.body());
        assertTrue(Long.parseLong(fourth.headers().firstValue("Retry-After").orElse("0")) > 0);
        String ofPhone = api("GET", "api/tickets?phone=" + phone, "1001", null).body();
        assertEquals(3, json("{\"a\":" + ofPhone + "}").getJsonArray("a").size(), ofPhone);
        assertTrue(!ofPhone.contains("燃气味道"), ofPhone);

        // An address may report 10 times an hour here (-Dkefu.tickets.publicReportsPerHour; 5 by default),
        // refused attempts included: seven so far (the missing fields never reached the count), so three more.
        int more = 0;
        HttpResponse<String> last;
        while ((last = anonymousPost("api/public/tickets", String.format(form, "137" + (10_000_000 + (System.nanoTime() % 89_999_999)),
                "WATER", "水压不足 " + more + " " + nonce))).statusCode() == 201 && more < 10) {
            more++;
        }
        assertEquals(429, last.statusCode(), last.body());
        assertEquals(3, more);
    }

    @Test
    @OperateOnDeployment("probe")
    void aTicketGoesThroughItsDepartmentToTheCustomersVerdictAndOnlyThatDepartmentSeesIt() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        HttpResponse<String> opened = api("POST", "api/tickets", "1001", "{\"type\":\"REPAIR\",\"category\":\"POWER_OUTAGE\","
                + "\"subject\":\"整栋楼停电 " + nonce + "\",\"callerPhone\":\"13800138000\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        long number = json(opened.body()).getJsonNumber("number").longValue();
        String ticket = "api/tickets/" + number;
        String actions = ticket + "/actions";
        assertEquals("NEW", json(opened.body()).getString("status"));
        assertEquals(404, api("GET", ticket, "2001", null).statusCode(), "a department sees nothing the centre has not sent it");

        HttpResponse<String> early = api("POST", actions, "1001", "{\"action\":\"DISPATCH\"}");
        assertEquals(409, early.statusCode(), "dispatched before it was accepted: " + early.body());
        assertEquals("ACCEPTED", status(api("POST", actions, "1001", "{\"action\":\"ACCEPT\"}")));
        // No department named: the rules send a power cut from a Beijing mobile to the power bureau.
        HttpResponse<String> dispatched = api("POST", actions, "1001", "{\"action\":\"DISPATCH\"}");
        assertEquals("DISPATCHED", status(dispatched));
        assertEquals("POWER", json(dispatched.body()).getString("department"));

        assertEquals(404, api("GET", ticket, "2002", null).statusCode(), "the water company does not see the power bureau's ticket");
        HttpResponse<String> otherQueue = api("GET", "api/departments/POWER/tickets", "2002", null);
        assertEquals(400, otherQueue.statusCode(), otherQueue.body());
        assertTrue(queue("POWER", "2001").contains(number), "in the power bureau's queue");
        HttpResponse<String> notTheirs = api("POST", actions, "2001", "{\"action\":\"INFORM\"}");
        assertEquals(403, notTheirs.statusCode(), "informing the customer is the centre's: " + notTheirs.body());

        HttpResponse<String> taken = api("POST", actions, "2001", "{\"action\":\"START\"}");
        assertEquals("IN_PROGRESS", status(taken));
        assertEquals("2001", json(taken.body()).getString("assignee"));
        assertEquals(400, api("POST", actions, "2001", "{\"action\":\"RETURN\"}").statusCode(), "退单 needs its reason");
        HttpResponse<String> returned = api("POST", actions, "2001", "{\"action\":\"RETURN\",\"note\":\"线路属于深圳供电局\"}");
        assertEquals("ACCEPTED", status(returned));
        assertTrue(!json(returned.body()).containsKey("department") || json(returned.body()).isNull("department"), returned.body());
        assertEquals(404, api("GET", ticket, "2001", null).statusCode(), "returned: no longer the bureau's");
        assertFalse(queue("POWER", "2001").contains(number));

        HttpResponse<String> notAHandler = api("POST", actions, "1001", "{\"action\":\"DISPATCH\",\"department\":\"POWER\",\"handler\":\"2002\"}");
        assertEquals(400, notAHandler.statusCode(), notAHandler.body());
        assertTrue(notAHandler.body().contains("2002 is no handler of POWER"), notAHandler.body());
        HttpResponse<String> unknown = api("POST", actions, "1001", "{\"action\":\"DISPATCH\",\"department\":\"MOON\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("No department MOON"), unknown.body());
        HttpResponse<String> again = api("POST", actions, "1001", "{\"action\":\"DISPATCH\",\"department\":\"POWER\",\"handler\":\"2003\"}");
        assertEquals("2003", json(again.body()).getString("assignee"));
        HttpResponse<String> helped = api("POST", actions, "1005", "{\"action\":\"CO_HANDLE\",\"department\":\"URBAN\"}");
        assertEquals("DISPATCHED", status(helped));
        assertEquals("[\"URBAN\"]", json(helped.body()).getJsonArray("coDepartments").toString());
        HttpResponse<String> centreAnswers = api("POST", actions, "1001", "{\"action\":\"ANSWER\",\"note\":\"x\"}");
        assertEquals(409, centreAnswers.statusCode(), "the department answers what it was sent: " + centreAnswers.body());

        assertEquals("IN_PROGRESS", status(api("POST", actions, "2003", "{\"action\":\"START\"}")));
        assertEquals(400, api("POST", actions, "2003", "{\"action\":\"ANSWER\"}").statusCode(), "an answer needs its text");
        HttpResponse<String> answered = api("POST", actions, "2003", "{\"action\":\"ANSWER\",\"note\":\"变压器故障，已抢修恢复供电\"}");
        assertEquals("ANSWERED", status(answered));
        assertEquals("变压器故障，已抢修恢复供电", json(answered.body()).getString("answer"));

        String unhappy = "{\"solved\":false,\"attitude\":4,\"charged\":false,\"score\":2,\"comment\":\"晚上又停了\"}";
        assertEquals(409, api("POST", ticket + "/visits", "1001", unhappy).statusCode(), "visited before the customer was told");
        assertEquals("INFORMED", status(api("POST", actions, "1001", "{\"action\":\"INFORM\",\"note\":\"电话告知\"}")));
        HttpResponse<String> reopened = api("POST", ticket + "/visits", "1001", unhappy);
        assertEquals("DISPATCHED", status(reopened), "not satisfied: back to the bureau");
        assertEquals(1, json(reopened.body()).getInt("reopenCount"));
        assertEquals("POWER", json(reopened.body()).getString("department"));
        assertTrue(json(reopened.body()).containsKey("deadline"), "the answer's clock runs again: " + reopened.body());

        api("POST", actions, "2003", "{\"action\":\"START\"}");
        assertEquals("ANSWERED", status(api("POST", actions, "2003", "{\"action\":\"ANSWER\",\"note\":\"更换变压器\"}")));
        assertEquals("INFORMED", status(api("POST", actions, "1001", "{\"action\":\"INFORM\"}")));
        assertEquals(400, api("POST", ticket + "/visits", "1001", "{\"solved\":true,\"attitude\":9,\"charged\":false,\"score\":5}").statusCode());
        assertEquals("VISITED", status(api("POST", ticket + "/visits", "1001",
                "{\"solved\":true,\"attitude\":5,\"charged\":false,\"score\":5,\"comment\":\"满意\"}")));
        assertEquals("CLOSED", status(api("POST", actions, "1001", "{\"action\":\"CLOSE\"}")));
        assertEquals(409, api("POST", actions, "1005", "{\"action\":\"REOPEN\",\"note\":\"x\"}").statusCode(), "closed is closed");

        HttpResponse<String> visits = api("GET", ticket + "/visits", "2001", null);
        assertEquals(200, visits.statusCode(), "the bureau reads what the customer said: " + visits.body());
        JsonArray said = Json.createReader(new StringReader(visits.body())).readArray();
        assertEquals(2, said.size());
        assertEquals(2, said.getJsonObject(0).getInt("score"));
        assertEquals("晚上又停了", said.getJsonObject(0).getString("comment"));
        JsonArray steps = Json.createReader(new StringReader(api("GET", ticket + "/history", "1005", null).body())).readArray();
        StringBuilder path = new StringBuilder();
        for (JsonObject step : steps.getValuesAs(JsonObject.class)) {
            path.append(!step.containsKey("action") || step.isNull("action") ? "OPEN" : step.getString("action")).append('>').append(step.getString("to")).append(' ');
        }
        assertEquals("OPEN>NEW ACCEPT>ACCEPTED DISPATCH>DISPATCHED START>IN_PROGRESS RETURN>ACCEPTED DISPATCH>DISPATCHED"
                + " CO_HANDLE>DISPATCHED START>IN_PROGRESS ANSWER>ANSWERED INFORM>INFORMED VISIT>DISPATCHED START>IN_PROGRESS"
                + " ANSWER>ANSWERED INFORM>INFORMED VISIT>VISITED CLOSE>CLOSED", path.toString().strip());
        assertEquals("2001|IN_PROGRESS->ACCEPTED: from POWER: 线路属于深圳供电局", scalar("SELECT actor || '|' || detail FROM audit_event"
                + " WHERE action = 'TICKET_RETURN' AND target = 'ticket " + number + "'"));
        assertEquals("15", scalar("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'TICKET_%' AND target = 'ticket " + number + "'"));
    }

    @Test
    @OperateOnDeployment("probe")
    void theDispatchRulesFollowTheCallersRegionAndACategoryWithoutARuleIsNamed() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        long shenzhen = accepted("{\"type\":\"REPAIR\",\"category\":\"POWER_OUTAGE\",\"subject\":\"路灯线路停电 " + nonce
                + "\",\"callerPhone\":\"075588886666\"}");
        HttpResponse<String> sent = api("POST", "api/tickets/" + shenzhen + "/actions", "1001", "{\"action\":\"DISPATCH\"}");
        assertEquals("POWER-SZ", json(sent.body()).getString("department"), "a Shenzhen landline's power cut: " + sent.body());

        long other = accepted("{\"type\":\"SUGGESTION\",\"category\":\"OTHER\",\"subject\":\"建议延长服务时间 " + nonce + "\"}");
        HttpResponse<String> none = api("POST", "api/tickets/" + other + "/actions", "1001", "{\"action\":\"DISPATCH\"}");
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("No dispatch rule fits ticket " + other), none.body());
        // The centre answers what it need not dispatch (一次办结).
        HttpResponse<String> direct = api("POST", "api/tickets/" + other + "/actions", "1001", "{\"action\":\"ANSWER\",\"note\":\"已转达\"}");
        assertEquals("ANSWERED", status(direct));
        assertEquals(400, api("POST", "api/tickets/" + other + "/actions", "1001", "{\"action\":\"FLY\"}").statusCode());
        HttpResponse<String> reopened = api("POST", "api/tickets/" + other + "/actions", "1005", "{\"action\":\"REOPEN\",\"note\":\"答复不完整\"}");
        assertEquals("ACCEPTED", status(reopened), "no department: back to the centre");

        HttpResponse<String> rules = api("GET", "api/departments/dispatch-rules", "1001", null);
        assertEquals(200, rules.statusCode(), rules.body());
        assertTrue(rules.body().contains("\"city\":\"深圳\""), rules.body());
        assertEquals(403, api("GET", "api/departments/dispatch-rules", "2001", null).statusCode());
        assertEquals(403, api("GET", "api/tickets?phone=13800138000", "2001", null).statusCode(), "a department does not search citizens");
    }

    @Test
    @OperateOnDeployment("probe")
    void aTicketRunningLateWarnsItsDepartmentsHeadThenTheCentresSupervisorsOnce() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        long number = accepted("{\"type\":\"REPAIR\",\"category\":\"POWER\",\"subject\":\"电表跳闸 " + nonce
                + "\",\"callerPhone\":\"13800138000\"}");
        assertEquals("POWER", json(api("POST", "api/tickets/" + number + "/actions", "1001", "{\"action\":\"DISPATCH\"}").body())
                .getString("department"));
        assertEquals("0", scalar("SELECT escalation_level FROM ticket WHERE id = " + number), "nothing due yet");
        // The test's clock: the answer's time turned yellow a second ago (the scan runs every 2 s here).
        // (next_escalation_at: what the entity keeps, the earlier of the yellow time and the deadline.)
        update("UPDATE ticket SET warn_at = ?, next_escalation_at = ? WHERE id = " + number, Instant.now().minusSeconds(1));
        awaitLevel(number, "1");
        JsonObject toHead = escalations("2001").stream().filter(e -> e.getJsonNumber("ticket").longValue() == number)
                .findFirst().orElseThrow(() -> new AssertionError("no warning to the bureau's head 2001"));
        assertEquals(1, toHead.getInt("level"));
        assertTrue(toHead.getString("reason").contains("little time left"), toHead.toString());
        assertTrue(escalations("2002").stream().noneMatch(e -> e.getJsonNumber("ticket").longValue() == number), "not the water company's");

        update("UPDATE ticket SET answer_by = ?, due_at = ?, next_escalation_at = ? WHERE id = " + number, Instant.now().minusSeconds(1));
        awaitLevel(number, "2");
        JsonObject toSupervisors = escalations("1005").stream().filter(e -> e.getJsonNumber("ticket").longValue() == number)
                .findFirst().orElseThrow(() -> new AssertionError("no warning to the supervisors"));
        assertEquals("supervisors|2", toSupervisors.getString("recipient") + "|" + toSupervisors.getInt("level"));
        assertEquals(403, api("GET", "api/tickets/escalations", "1001", null).statusCode(), "agents get none");
        Thread.sleep(4_500); // two more scans
        assertEquals("2", scalar("SELECT COUNT(*) FROM ticket_escalation WHERE ticket_id = " + number), "each warning once");
        assertEquals("2", scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'TICKET_ESCALATE' AND target = 'ticket " + number + "'"));
        assertTrue(api("GET", "api/tickets/" + number + "/history", "2001", null).body().contains("\"action\":\"ESCALATE\""));

        // Answered late and reopened: a new deadline, and nobody warned of it yet.
        api("POST", "api/tickets/" + number + "/actions", "2001", "{\"action\":\"START\"}");
        api("POST", "api/tickets/" + number + "/actions", "2001", "{\"action\":\"ANSWER\",\"note\":\"已复电\"}");
        api("POST", "api/tickets/" + number + "/actions", "1001", "{\"action\":\"INFORM\"}");
        assertEquals("DISPATCHED", status(api("POST", "api/tickets/" + number + "/actions", "1005",
                "{\"action\":\"REOPEN\",\"note\":\"又跳闸\"}")));
        assertEquals("0", scalar("SELECT escalation_level FROM ticket WHERE id = " + number));
    }

    @Test
    @OperateOnDeployment("probe")
    void theClockStopsWhileTheTicketWaitsForTheCustomer() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        long number = accepted("{\"type\":\"COMPLAINT\",\"category\":\"POWER\",\"subject\":\"电费多收 " + nonce
                + "\",\"callerPhone\":\"13900139000\"}");
        String actions = "api/tickets/" + number + "/actions";
        api("POST", actions, "1001", "{\"action\":\"DISPATCH\",\"department\":\"POWER\"}");
        assertEquals("IN_PROGRESS", status(api("POST", actions, "2001", "{\"action\":\"START\"}")));
        assertEquals(400, api("POST", actions, "2001", "{\"action\":\"WAIT\"}").statusCode(), "what the customer is to bring");
        HttpResponse<String> waiting = api("POST", actions, "2001", "{\"action\":\"WAIT\",\"note\":\"请提供近三个月电费单\"}");
        assertEquals("WAITING", status(waiting));
        assertFalse(json(waiting.body()).containsKey("colour"), "no clock runs: " + waiting.body());
        assertTrue(queue("POWER", "2001").contains(number), "still the bureau's");
        String answerBy = json(waiting.body()).getString("answerBy");
        // As if it had waited since eight days ago.
        Instant since = Instant.now().minusSeconds(8 * 86_400);
        update("UPDATE ticket SET paused_at = ? WHERE id = " + number, since);
        assertEquals(409, api("POST", actions, "1001", "{\"action\":\"RESUME\"}").statusCode(), "whoever waited resumes");
        HttpResponse<String> resumed = api("POST", actions, "2001", "{\"action\":\"RESUME\",\"note\":\"已收到\"}");
        assertEquals("IN_PROGRESS", status(resumed));
        Map<LocalDate, String> calendar = calendar();
        LocalDate day = since.atZone(CENTER).toLocalDate();
        int waited = 0;
        for (LocalDate d = day.plusDays(1); !d.isAfter(LocalDate.now(CENTER)); d = d.plusDays(1)) {
            String kind = calendar.get(d);
            if ("WORKDAY".equals(kind) || kind == null && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                waited++;
            }
        }
        Instant before = Instant.parse(answerBy);
        Instant expected = endOfWorkingDay(before.minusSeconds(1).atZone(CENTER).toLocalDate(), waited, calendar);
        assertEquals(waited == 0 ? before : expected, Instant.parse(json(resumed.body()).getString("answerBy")),
                "moved on by the " + waited + " working days it waited");
        assertTrue(api("GET", "api/tickets/" + number + "/history", "1001", null).body().contains("waited " + waited + " working day(s): 已收到"));
    }

    @Test
    @OperateOnDeployment("probe")
    void theFiguresCountTodaysTicketsByTypeChannelDepartmentAndStatusWithTheOnTimeAnswersAndTheVisits() throws Exception {
        JsonObject before = figures();
        long number = accepted("{\"type\":\"SUGGESTION\",\"category\":\"OTHER\",\"subject\":\"建议增加英文服务 "
                + Long.toString(System.nanoTime(), 36) + "\"}");
        String actions = "api/tickets/" + number + "/actions";
        assertEquals("ANSWERED", status(api("POST", actions, "1001", "{\"action\":\"ANSWER\",\"note\":\"已转交有关部门研究\"}")));
        assertEquals("INFORMED", status(api("POST", actions, "1001", "{\"action\":\"INFORM\"}")));
        assertEquals("VISITED", status(api("POST", "api/tickets/" + number + "/visits", "1001",
                "{\"solved\":true,\"attitude\":5,\"charged\":false,\"score\":4}")));
        JsonObject after = figures();
        assertEquals(1, after.getInt("opened") - before.getInt("opened"));
        assertEquals(1, count(after, "byType", "SUGGESTION") - count(before, "byType", "SUGGESTION"));
        assertEquals(1, count(after, "byChannel", "AGENT") - count(before, "byChannel", "AGENT"));
        assertEquals(1, count(after, "byDepartment", "CENTRE") - count(before, "byDepartment", "CENTRE"), "answered at the centre");
        assertEquals(1, count(after, "byStatus", "VISITED") - count(before, "byStatus", "VISITED"));
        assertEquals(1, after.getInt("answered") - before.getInt("answered"));
        assertEquals(1, after.getInt("answeredOnTime") - before.getInt("answeredOnTime"));
        assertEquals(1, after.getInt("visits") - before.getInt("visits"));
        assertEquals(1, after.getInt("satisfied") - before.getInt("satisfied"));
        assertTrue(after.getJsonNumber("onTimeRate").doubleValue() > 0 && after.getJsonNumber("averageScore").doubleValue() >= 1, after.toString());
        assertEquals(400, api("GET", "api/tickets/figures?from=2026-02-30", "1005", null).statusCode());
        assertEquals(400, api("GET", "api/tickets/figures?from=2025-01-01&to=2026-12-31", "1005", null).statusCode(), "more than 366 days");
        assertEquals(403, api("GET", "api/tickets/figures", "1001", null).statusCode(), "agents do not read the figures");
    }

    private static JsonObject figures() throws Exception {
        HttpResponse<String> r = api("GET", "api/tickets/figures", "1005", null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private static int count(JsonObject figures, String dimension, String key) {
        return figures.getJsonArray(dimension).getValuesAs(JsonObject.class).stream().filter(c -> c.getString("key").equals(key))
                .mapToInt(c -> c.getInt("tickets")).sum();
    }

    private void awaitLevel(long number, String level) throws Exception {
        for (long until = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < until; Thread.sleep(250)) {
            if (level.equals(scalar("SELECT escalation_level FROM ticket WHERE id = " + number))) {
                return;
            }
        }
        throw new AssertionError("ticket " + number + " not escalated to level " + level + " within 20 s");
    }

    private static java.util.List<JsonObject> escalations(String login) throws Exception {
        HttpResponse<String> r = api("GET", "api/tickets/escalations", login, null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readArray().getValuesAs(JsonObject.class);
    }

    /** Runs an UPDATE whose every parameter is {@code at}. */
    private void update(String sql, Instant at) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setObject(i, java.sql.Timestamp.from(at));
            }
            assertEquals(1, ps.executeUpdate());
        }
    }

    private long accepted(String draft) throws Exception {
        HttpResponse<String> opened = api("POST", "api/tickets", "1001", draft);
        assertEquals(201, opened.statusCode(), opened.body());
        long number = json(opened.body()).getJsonNumber("number").longValue();
        assertEquals("ACCEPTED", status(api("POST", "api/tickets/" + number + "/actions", "1001", "{\"action\":\"ACCEPT\"}")));
        return number;
    }

    private static String status(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).getString("status");
    }

    private static java.util.List<Long> queue(String department, String login) throws Exception {
        HttpResponse<String> r = api("GET", "api/departments/" + department + "/tickets", login, null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readArray().getValuesAs(JsonObject.class).stream()
                .map(t -> t.getJsonNumber("number").longValue()).toList();
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

    private static HttpResponse<String> anonymousPost(String path, String json) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/" + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String method, String path, String login, String json) throws Exception {
        return KefuApi.call(method, path, login, json);
    }
}
