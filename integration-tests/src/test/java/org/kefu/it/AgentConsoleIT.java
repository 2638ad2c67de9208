package org.kefu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's workplace in a real browser (issue 7): an agent logs in to the ACD at a desk phone
 * and goes ready (F8), a sipp caller reaches the queue, the screen pop arrives over the websocket
 * while the sipp desk phone rings (the page is not reloaded), the phone answers, the agent
 * transfers blind to another agent's phone and wraps up with a code, and the contact record is
 * read back over REST. Screenshots in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentConsoleIT {

    private static final String PASSWORD = "kefu2026";
    private static final Duration PUSH = Duration.ofSeconds(20);


    /** Reads KefuDS for the assertions on what the ACD and the CDR wrote (SqlProbeClient). */
    @Deployment(name = "sql-probe", order = 2, testable = false)
    static WebArchive probe() {
        return SqlProbeClient.war();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Test
    void aKnownCallerPopsUpWhileTheDeskPhoneRingsAndTheAgentTransfersAndWrapsUp() throws Exception {
        Sipp deskPhone = deskPhone("8001", "4000");
        Sipp colleaguePhone = deskPhone("8002", "500");
        // 李娜 is logged in (not ready, so the ACD offers her nothing): the transfer target.
        loggedIn("1002");
        assertEquals(200, rest("POST", "agents/1002/login", "1002", "{\"extension\":\"8002\"}").statusCode());

        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.signInAndOpen("1001", "");
            loggedIn("1001");
            console.logInAt("8001");
            console.browser().driver().findElement(By.tagName("body")).sendKeys(Keys.F8); // the ready shortcut
            console.awaitState("就绪");
            console.js("window.kefuSamePage = 'yes';");
            console.screenshot("console-1-ready");

            Sipp caller = bed.start("caller-waits-for-agent.xml",
                    Map.of("service", "12345", "caller", "13800138000", "key", "1", "talk", "16000"));

            // Pushed while the desk phone rings (it answers after 4 s): no reload, no polling.
            console.await("pop:customerName", "张三", PUSH);
            assertEquals("yes", console.js("return window.kefuSamePage;"), "the page was not reloaded");
            console.await("phone:caller", "13800138000", PUSH);
            console.await("phone:queue", "hotline", PUSH);
            console.await("pop:vip", "3", PUSH);
            console.await("pop:accounts", "6222020000000001", PUSH);
            console.await("pop:accounts", "CNY", PUSH); // 张三's balance, read from the ledger
            console.screenshot("console-2-ringing-screen-pop");

            console.answer();
            console.awaitState("通话中");
            console.await("phone:callState", "通话中", PUSH);
            console.screenshot("console-3-talking");
            String callRef = console.callRef();

            console.transfer("AGENT", "1002");
            console.awaitCallLeft();
            console.screenshot("console-4-after-transfer");
            // 李娜 took the transferred call: the ACD counts her busy on it (she was not ready before).
            awaitAgentState("1002", "TALKING");
            assertTrue(rest("GET", "agents/1002", "1002", null).body().contains("\"call\":\"" + callRef + "\""),
                    "the ACD knows 1002 talks on the transferred call");

            console.wrapUp("TRANSFERRED", "客户咨询理财，转李娜");
            console.await("wrap:info", "联络记录已保存", PUSH);
            console.awaitState("就绪");
            console.screenshot("console-5-wrapped-up");

            String records = rest("GET", "contact-records?callRef=" + callRef, "1001", null).body();
            assertTrue(records.contains("\"wrapUpCode\":\"TRANSFERRED\""), records);
            assertTrue(records.contains("\"agent\":\"1001\""), records);
            assertTrue(records.contains("\"phone\":\"13800138000\""), records);
            assertTrue(records.contains("客户咨询理财，转李娜"), records);
            assertTrue(!records.contains("\"customerId\":null"), "张三's customer id is on the record: " + records);

            // The transfer was real: the caller went on talking with 8002, who got the caller's BYE.
            assertEquals(0, caller.await(40), caller.report());
            assertEquals(0, colleaguePhone.await(20), "8002 talked with the caller: " + colleaguePhone.report());
            assertEquals(1, colleaguePhone.received("INVITE"), colleaguePhone.report());
            assertEquals(1, deskPhone.received("INVITE"), deskPhone.report());
            // The call is over: back to where she was before it, not ready with her reason.
            awaitAgentState("1002", "NOT_READY");
            assertEquals("transfer from 1001 at 8002",
                    SqlProbeClient.value("SELECT detail FROM acd_event WHERE call_ref = ? AND event_type = 'OFFER' AND job_number = '1002'", callRef));
        }
    }

    @org.junit.jupiter.api.Tag("database-neutral") // call handling in the switch and the ACD's memory; .ci/run: H2 only
    @Test
    void theAgentConsultsAColleagueWhoIsBusyForTheAcdThenCompletesTheTransfer() throws Exception {
        Sipp deskPhone = deskPhone("8001", "500");
        Sipp colleaguePhone = deskPhone("8002", "500");
        loggedIn("1002");
        assertEquals(200, rest("POST", "agents/1002/login", "1002", "{\"extension\":\"8002\"}").statusCode());
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-consult", () -> {
                loggedIn("1001");
                console.readyAt("1001", "8001");
                Sipp caller = bed.start("caller-waits-for-agent.xml",
                        Map.of("service", "12345", "caller", "13800138000", "key", "1", "talk", "30000"));
                console.awaitState("通话中");
                String callRef = console.callRef();

                console.consult("AGENT", "1002");
                console.await("phone:consulting", "正在咨询", PUSH);
                console.await("phone:calls", "原通话: 保持中", PUSH);
                // 李娜 answers the consultation: busy for the ACD while it lasts.
                awaitAgentState("1002", "TALKING");
                console.screenshot("console-10-consulting");

                console.completeTransfer();
                console.awaitCallLeft();
                console.screenshot("console-11-consultation-completed");
                // Now she talks with the caller in the original call, still busy for the ACD.
                assertEquals("TALKING", agentState("1002"));
                assertTrue(rest("GET", "agents/1002", "1002", null).body().contains("\"call\":\"" + callRef + "\""));

                assertEquals(0, caller.await(45), caller.report());
                assertEquals(0, colleaguePhone.await(20), "8002 talked with the caller until it hung up: " + colleaguePhone.report());
                assertEquals(1, colleaguePhone.received("INVITE"), colleaguePhone.report());
                assertEquals(0, deskPhone.await(20), "8001 left with the transfer: " + deskPhone.report());
                awaitAgentState("1002", "NOT_READY");
                assertEquals("consultation from 1001 at 8002",
                        SqlProbeClient.value("SELECT detail FROM acd_event WHERE call_ref = ? AND event_type = 'OFFER' AND job_number = '1002'", callRef));
                assertEquals("1001", SqlProbeClient.value("SELECT job_number FROM acd_event WHERE call_ref = ? AND event_type = 'TRANSFER'", callRef));
            });
        }
    }

    @org.junit.jupiter.api.Tag("database-neutral") // call handling in the switch and the ACD's memory; .ci/run: H2 only
    @Test
    void theAgentAlternatesBetweenCallerAndColleagueThenConferencesAndLeavesThemTalking() throws Exception {
        Sipp deskPhone = deskPhone("8001", "500");
        Sipp colleaguePhone = deskPhone("8002", "500", "60000"); // stays through the whole conference
        loggedIn("1002");
        assertEquals(200, rest("POST", "agents/1002/login", "1002", "{\"extension\":\"8002\"}").statusCode());
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-conference", () -> {
                loggedIn("1001");
                console.readyAt("1001", "8001");
                // An unknown caller: a demo customer's language may have been changed by another test
                // (CustomerRecordsIT makes 李四 English), and an English caller goes to the english queue.
                Sipp caller = bed.start("caller-waits-for-agent.xml",
                        Map.of("service", "12345", "caller", "13800000221", "key", "1", "talk", "28000"));
                console.awaitState("通话中");
                String callRef = console.callRef();
                console.consult("AGENT", "1002");
                awaitAgentState("1002", "TALKING");
                console.await("phone:calls", "原通话: 保持中", PUSH);

                // Alternate: the caller comes back, the colleague waits with music; and back again.
                console.alternate();
                console.await("phone:calls", "咨询通话: 保持中", PUSH);
                assertTrue(console.text("phone:calls").contains("原通话: 通话中"), console.text("phone:calls"));
                console.screenshot("console-12-alternated");
                console.alternate();
                console.await("phone:calls", "原通话: 保持中", PUSH);
                assertTrue(console.text("phone:calls").contains("咨询通话: 通话中"), console.text("phone:calls"));

                console.conference();
                console.await("phone:calls", "3 方会议", PUSH);
                console.screenshot("console-13-conference");
                assertEquals("TALKING", agentState("1002"));

                // The agent leaves the conference; the caller and the colleague go on talking.
                console.hangUp();
                console.awaitCallLeft();
                assertEquals(0, deskPhone.await(20), "8001 left the conference: " + deskPhone.report());
                assertEquals("TALKING", agentState("1002"), "the colleague still talks with the caller");

                assertEquals(0, caller.await(45), "the caller talked to the end: " + caller.report());
                assertEquals(0, colleaguePhone.await(20), "8002 stayed until the caller hung up: " + colleaguePhone.report());
                awaitAgentState("1002", "NOT_READY");
                assertEquals("conference",
                        SqlProbeClient.value("SELECT detail FROM acd_event WHERE call_ref = ? AND event_type = 'END' AND job_number = '1002'", callRef));
            });
        }
    }

    @org.junit.jupiter.api.Tag("database-neutral") // call handling in the switch and the ACD's memory; .ci/run: H2 only
    @Test
    void aBlindTransferToAQueueIsOfferedThereToAnAgentWhoServesIt() throws Exception {
        deskPhone("8001", "500");
        Sipp colleaguePhone = deskPhone("8002", "500");
        loggedIn("1002");
        assertEquals(200, rest("POST", "agents/1002/login", "1002", "{\"extension\":\"8002\"}").statusCode());
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-to-queue", () -> {
                loggedIn("1001");
                console.readyAt("1001", "8001");
                Sipp caller = bed.start("caller-waits-for-agent.xml",
                        Map.of("service", "12345", "caller", "13800138000", "key", "1", "talk", "25000"));
                console.awaitState("通话中");
                String callRef = console.callRef();
                // 李娜 (english 8) gets ready only now, so the hotline call went to 王芳.
                assertEquals(200, rest("POST", "agents/1002/ready", "1002", null).statusCode());

                console.transfer("QUEUE", "english");
                console.awaitCallLeft();
                console.screenshot("console-14-transferred-to-queue");
                awaitAgentState("1002", "TALKING");

                assertEquals(0, caller.await(45), caller.report());
                assertEquals(0, colleaguePhone.await(20), "8002 got the caller from the english queue: " + colleaguePhone.report());
                assertEquals(1, colleaguePhone.received("INVITE"), colleaguePhone.report());
                assertEquals("1", SqlProbeClient.value(
                        "SELECT COUNT(*) FROM acd_event WHERE call_ref = ? AND event_type = 'ENQUEUE' AND queue_code = 'english'", callRef));
                assertEquals("1002", SqlProbeClient.value(
                        "SELECT job_number FROM acd_event WHERE call_ref = ? AND event_type = 'ANSWER' AND queue_code = 'english'", callRef));
                assertEquals("1001", SqlProbeClient.value(
                        "SELECT job_number FROM acd_event WHERE call_ref = ? AND event_type = 'TRANSFER' AND queue_code = 'hotline'", callRef));
            });
        }
    }

    @Test
    void clickToDialFromACustomerRecordRingsTheDeskThenTheNumberOnTheTrunk() throws Exception {
        Sipp deskPhone = deskPhone("8003", "300");
        Sipp outside = bed.start("phone-answers.xml", Map.of("ext", "13800138000", "answer_after", "300"), trunkPort());
        loggedIn("1003");
        assertEquals(200, rest("POST", "agents/1003/login", "1003", "{\"extension\":\"8003\"}").statusCode());
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-dial", () -> {
                console.browser().signIn("1003", PASSWORD);
                console.browser().go("agent/customers.xhtml");
                console.type("customers:search-text", "张三");
                console.click("customers:search-go");
                By dialLink = By.cssSelector("a.kefu-dial[href*='dial=13800138000']");
                AgentConsole.retry(() -> console.browser().waitFor(dialLink, PUSH).click());
                console.browser().waitUntil(d -> d.getCurrentUrl().contains("agent/index.xhtml?dial=13800138000"), PUSH);
                assertEquals("13800138000", console.browser().waitFor(By.id("phone:dialNumber"), PUSH).getAttribute("value"),
                        "the number is prefilled, not dialled yet");
                assertEquals(0, deskPhone.received("INVITE"), "nothing dialled before the click");
                console.awaitPushChannel();

                console.dial();
                console.await("phone:caller", "13800138000", PUSH);
                console.await("phone:callState", "通话中", PUSH);
                console.screenshot("console-15-dialled");
                Thread.sleep(2000); // the outside phone answers after 300 ms; talk a moment
                console.hangUp();
                console.await("phone:idle", "", PUSH);

                assertEquals(0, outside.await(20), "the trunk's phone answered and got the BYE: " + outside.report());
                assertEquals(1, outside.received("INVITE"), outside.report());
                assertTrue(outside.messages().contains("INVITE sip:13800138000@"), "the trunk was asked for the number: " + outside.report());
                assertEquals(0, deskPhone.await(20), "the desk phone rang first and was hung up: " + deskPhone.report());
                assertEquals(1, deskPhone.received("INVITE"), deskPhone.report());
            });
        }
    }

    /**
     * The keypad, end to end with a real RFC 4733 decoder: Kefu's own hotline IVR. An agent's call
     * to 12345 leaves by the trunk (the switch has no internal route to its service numbers), so
     * the test makes the trunk's answer point the call's media at the IVR leg of a real hotline
     * call whose caller stays silent (third-party call control, as a carrier's hairpin would). The
     * agent presses 9 on the console: the IVR hears it and ends that call, which only 9 does (a
     * menu left unanswered leads to an agent, not to goodbye).
     */
    @org.junit.jupiter.api.Tag("database-neutral") // call handling in the switch and the ACD's memory; .ci/run: H2 only
    @Test
    void theKeypadSendsRfc4733DigitsThatKefusOwnIvrActsOn() throws Exception {
        Sipp deskPhone = deskPhone("8004", "300");
        loggedIn("1004");
        assertEquals(200, rest("POST", "agents/1004/login", "1004", "{\"extension\":\"8004\"}").statusCode()); // not ready
        String callerNumber = "13800000191";
        Sipp hotlineCaller = launch("caller-holds-the-line.xml",
                Map.of("service", "12345", "caller", callerNumber, "hold", "60000"), 90);
        bed.track(hotlineCaller);
        java.nio.file.Path portFile = hotlineCaller.dir().resolve("media-port.txt");
        long deadline = System.currentTimeMillis() + 15_000;
        while (!(java.nio.file.Files.exists(portFile) && !java.nio.file.Files.readString(portFile).isBlank())
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(java.nio.file.Files.exists(portFile), "the hotline answered the silent caller: " + hotlineCaller.report());
        String ivrMediaPort = java.nio.file.Files.readString(portFile).trim().split("\\s+")[0];
        Sipp trunk = bed.start("trunk-answers-media-at.xml", Map.of("number", "12345", "rtp_to", ivrMediaPort, "hold", "40000"),
                trunkPort());

        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-keypad", () -> {
                console.signInAndOpen("1004", "?dial=12345");
                // No call yet: the keypad says so inline and sends nothing.
                console.press("5");
                console.await("msgs", "当前没有可操作的通话", PUSH);
                assertTrue(console.text("phone:keysSent").contains("0"), console.text("phone:keysSent"));

                console.dial();
                console.await("phone:callState", "通话中", PUSH);
                Thread.sleep(2000); // the trunk answers at once; the IVR plays its menu meanwhile
                assertTrue(hotlineCaller.isRunning(), "the IVR call is still up before the key: " + hotlineCaller.report());
                console.screenshot("console-16-keypad");

                console.press("9");
                console.await("phone:keysSent", "1 个", PUSH);
                assertEquals(0, hotlineCaller.await(20), "the hotline flow heard 9 and said goodbye: " + hotlineCaller.report());
                String callRef = awaitValue("SELECT call_ref FROM call_record WHERE ani = ?", callerNumber);
                assertEquals("0", SqlProbeClient.value(
                        "SELECT COUNT(*) FROM acd_event WHERE call_ref = ? AND event_type = 'ENQUEUE'", callRef),
                        "the call ended on 9, it did not time out to an agent");

                console.hangUp();
                assertEquals(0, trunk.await(20), "the agent's call on the trunk ended: " + trunk.report());
                assertEquals(0, deskPhone.await(20), deskPhone.report());
            });
        }
    }

    @Test
    void lastContactsShowTheWrapUpCodesNameInTheAgentsLanguage() throws Exception {
        deskPhone("8003", "300");
        String number = "13800000201";
        try (AgentConsole console = AgentConsole.open("en")) {
            console.shootOnFailure("console-last-contacts", () -> {
                loggedIn("1003");
                console.readyAt("1003", "8003");
                Sipp first = bed.start("caller-waits-for-agent.xml",
                        Map.of("service", "12345", "caller", number, "key", "1", "talk", "6000"));
                console.await("phone:callState", "Talking", PUSH);
                console.select("wrap:code", "COMPLAINT");
                assertEquals(0, first.await(30), first.report());
                console.click("wrap:save");
                console.awaitState("Ready");
                // The desk phone's scenario ended with the first call: register and answer again.
                deskPhone("8003", "300");

                Sipp second = bed.start("caller-waits-for-agent.xml",
                        Map.of("service", "12345", "caller", number, "key", "1", "talk", "6000"));
                console.await("pop:contacts", "Complaint", PUSH);
                assertTrue(!console.text("pop:contacts").contains("COMPLAINT"), "the name, not the code: " + console.text("pop:contacts"));
                console.screenshot("console-17-last-contacts");
                assertEquals(0, second.await(30), second.report());
            });
        }
    }

    @Test
    void anUnknownCallerShowsTheNumbersRegionAndAPrefilledNewCustomerForm() throws Exception {
        deskPhone("8003", "1000");
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            loggedIn("1003");
            console.readyAt("1003", "8003");

            Sipp caller = bed.start("caller-waits-for-agent.xml",
                    Map.of("service", "12345", "caller", "075583281234", "key", "1", "talk", "12000"));

            console.await("pop:region", "广东 深圳", PUSH);
            assertEquals("075583281234", console.browser().driver().findElement(By.id("pop:newPhone")).getAttribute("value"),
                    "the new-customer form carries the caller's number");
            console.screenshot("console-6-unknown-caller");

            console.type("pop:newName", "陈先生");
            console.click("pop:createCustomer");
            console.await("pop:customerName", "陈先生", PUSH);
            console.screenshot("console-7-new-customer");
            assertEquals(0, caller.await(40), caller.report());
        }
    }

    @Test
    void theAgentOpensATicketDuringTheCallLinkedToItAndARepeatIsNotOpenedTwice() throws Exception {
        deskPhone("8003", "300");
        String subject = "信用卡年费争议 " + Long.toString(System.nanoTime(), 36);
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-ticket", () -> {
                loggedIn("1003");
                console.readyAt("1003", "8003");
                Sipp caller = bed.start("caller-waits-for-agent.xml",
                        Map.of("service", "12345", "caller", "13800138000", "key", "1", "talk", "20000"));
                console.await("phone:callState", "通话中", PUSH);
                // Prefilled from the screen pop: whose ticket it is and which call it belongs to.
                console.await("ticket:for", "张三 13800138000", PUSH);
                String callRef = console.callRef();
                assertTrue(console.text("ticket:for").contains(callRef), console.text("ticket:for"));

                // A subject is needed: nothing is opened without one.
                console.select("ticket:type", "COMPLAINT");
                console.select("ticket:category", "CARDS");
                console.click("ticket:open");
                console.await("msgs", "请选择类型和分类并填写主题", PUSH);

                console.type("ticket:subject", subject);
                console.type("ticket:description", "客户称未开通却被收取年费");
                console.click("ticket:open");
                String shown = console.await("ticket:opened", "已创建", PUSH);
                Matcher m = Pattern.compile("工单 (\\d+) 已创建").matcher(shown);
                assertTrue(m.find(), shown);
                String number = m.group(1);
                console.await("pop:tickets", subject, PUSH); // among 张三's open tickets at once
                console.screenshot("console-18-ticket-opened");

                // Linked to the call and the customer, opened by the agent, with its deadlines.
                assertEquals(number + "|" + callRef + "|AGENT|1003|13800138000|COMPLAINT|CARDS|NEW|true|true",
                        SqlProbeClient.value("SELECT CAST(t.id AS VARCHAR(20)) || '|' || t.call_ref || '|' || t.channel || '|' || t.created_by"
                                + " || '|' || t.caller_phone || '|' || t.ticket_type || '|' || t.category || '|' || t.status"
                                + " || '|' || CASE WHEN t.answer_by IS NULL THEN 'false' ELSE 'true' END"
                                + " || '|' || CASE WHEN t.customer_id = c.customer_id THEN 'true' ELSE 'false' END"
                                + " FROM ticket t, customer_phone c WHERE t.subject = ? AND c.phone = '13800138000'", subject));

                // The same complaint again on the same call: noted on ticket N as a repeat, not a second ticket.
                console.type("ticket:subject", subject);
                console.type("ticket:description", "客户称未开通却被收取年费");
                console.click("ticket:open");
                console.await("ticket:opened", "已有未办结的工单 " + number, PUSH);
                assertEquals("1", SqlProbeClient.value("SELECT CAST(COUNT(*) AS VARCHAR(20)) FROM ticket WHERE subject = ?", subject));
                assertTrue(rest("GET", "tickets/" + number + "/history", "1001", null).body().contains("again by AGENT"),
                        "the repeat is in the ticket's history");
                assertEquals(0, caller.await(40), caller.report());
            });
        }
    }

    @Test
    void theAgentRecordsTheSatisfactionVisitOfTheCallersAnsweredTicket() throws Exception {
        // A caller's ticket, answered by the centre and told: it waits for its visit. (A number of its
        // own: the demo customers' numbers carry other tests' routing and tickets.)
        String phone = "135" + (10_000_000 + (System.nanoTime() % 89_999_999));
        String subject = "水费账单疑问 " + Long.toString(System.nanoTime(), 36);
        String number = openTicket("{\"type\":\"CONSULTATION\",\"category\":\"BILLING\",\"subject\":\"" + subject
                + "\",\"callerPhone\":\"" + phone + "\"}");
        for (String action : new String[]{"{\"action\":\"ACCEPT\"}", "{\"action\":\"ANSWER\",\"note\":\"已核实，账单无误\"}"}) {
            HttpResponse<String> r = rest("POST", "tickets/" + number + "/actions", "1001", action);
            assertEquals(200, r.statusCode(), action + ": " + r.body());
        }
        // Told by the agent (409 when Kefu's own answer notice told him first).
        rest("POST", "tickets/" + number + "/actions", "1001", "{\"action\":\"INFORM\"}");
        assertTrue(rest("GET", "tickets/" + number, "1001", null).body().contains("\"status\":\"INFORMED\""));
        deskPhone("8003", "300");
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-visit", () -> {
                loggedIn("1003");
                console.readyAt("1003", "8003");
                Sipp caller = bed.start("caller-waits-for-agent.xml",
                        Map.of("service", "12345", "caller", phone, "key", "1", "talk", "20000"));
                console.await("pop:unknownPhone", phone, PUSH);
                console.await("phone:callState", "通话中", PUSH);
                console.await("visit", subject, PUSH); // offered: the caller's ticket waiting for its visit
                console.select("visit:visitTicket", number);
                console.click("visit:recordVisit");
                console.await("msgs", "请选择工单并回答全部四个问题", PUSH);
                console.select("visit:solved", "true");
                console.select("visit:attitude", "5");
                console.select("visit:charged", "false");
                console.select("visit:score", "4");
                console.type("visit:visitComment", "师傅很耐心");
                console.click("visit:recordVisit");
                console.await("msgs", "回访已记录：工单 " + number + " 已回访", PUSH);
                console.screenshot("console-19-visit");
                assertTrue(rest("GET", "tickets/" + number, "1001", null).body().contains("\"status\":\"VISITED\""));
                String visits = rest("GET", "tickets/" + number + "/visits", "1001", null).body();
                assertTrue(visits.contains("\"visitor\":\"1003\"") && visits.contains("\"score\":4") && visits.contains("\"attitude\":5")
                        && visits.contains("\"charged\":false") && visits.contains("师傅很耐心"), visits);
                assertEquals(0, caller.await(40), caller.report());
            });
        }
    }

    @Test
    void theAgentFindsTicketsByNumberPhoneAndIdNumberAndReadsTheirSteps() throws Exception {
        String subject = "信用卡还款咨询 " + Long.toString(System.nanoTime(), 36);
        String zhangSan = SqlProbeClient.value("SELECT CAST(id AS VARCHAR(20)) FROM customer WHERE id_number = '440101198001010017'");
        String number = openTicket("{\"type\":\"CONSULTATION\",\"category\":\"CARDS\",\"subject\":\"" + subject
                + "\",\"callerPhone\":\"13800138000\",\"customerId\":" + zhangSan + "}");
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-ticket-search", () -> {
                console.signInAndOpen("1002", "");
                console.click("link-tickets"); // from the workplace
                console.await("search", "工单查询", PUSH);
                console.click("search:find");
                console.await("msgs", "请输入工单号、电话号码或身份证号", PUSH);

                console.type("search:phone", "13800138000"); // 张三's number
                console.click("search:find");
                console.await("search:results", subject, PUSH);
                AgentConsole.retry(() -> console.browser().waitFor(
                        By.xpath("//tbody[@id='search:results_data']//a[text()='" + number + "']"), PUSH).click());
                console.await("subject", number + " · " + subject, PUSH);
                console.await("ticket:history", "新建", PUSH);
                console.screenshot("console-20-ticket-search");

                console.type("search:phone", "");
                console.type("search:idNumber", "440101198001010017"); // 张三's national ID number
                console.click("search:find");
                console.await("search:results", subject, PUSH);

                console.type("search:idNumber", "");
                console.type("search:number", number);
                console.click("search:find");
                console.await("subject", number + " · " + subject, PUSH); // the one found is opened at once
                console.type("search:number", "99999999");
                console.click("search:find");
                console.await("msgs", "没有工单 99999999", PUSH);
            });
        }
    }

    @Test
    void aCitizenReportsAProblemOnThePublicPageWithoutALoginAndLooksTheTicketUp() throws Exception {
        String phone = "139" + (10_000_000 + (System.nanoTime() % 89_999_999));
        String subject = "楼道水管漏水 " + Long.toString(System.nanoTime(), 36);
        try (AgentConsole page = AgentConsole.open("zh-CN")) {
            page.shootOnFailure("public-tickets", () -> {
                page.browser().go("public/tickets.xhtml");
                page.await("report", "诉求登记", PUSH);
                assertTrue(page.browser().driver().getCurrentUrl().contains("public/tickets.xhtml"), "no sign-in asked");
                // A service number is no one to answer to: said in the reader's language, nothing opened.
                page.type("report:phone", "12345");
                page.select("report:type", "REPAIR");
                page.select("report:category", "WATER");
                page.type("report:subject", subject);
                page.click("report:send");
                page.await("msgs", "请填写中国大陆的手机或固定电话号码", PUSH);
                assertEquals("0", SqlProbeClient.value("SELECT CAST(COUNT(*) AS VARCHAR(20)) FROM ticket WHERE subject = ?", subject));

                page.type("report:phone", phone);
                page.type("report:description", "3号楼2单元，水已漫到楼梯");
                page.click("report:send");
                String shown = page.await("report:number", "您的工单号是", PUSH);
                Matcher m = Pattern.compile("工单号是 (\\d+)").matcher(shown);
                assertTrue(m.find(), shown);
                String number = m.group(1);
                page.await("report:answerBy", "预计答复时间不晚于", PUSH);
                page.screenshot("public-1-reported");
                assertEquals(number + "|WEB|web|" + phone + "|REPAIR",
                        SqlProbeClient.value("SELECT CAST(id AS VARCHAR(20)) || '|' || channel || '|' || created_by || '|' || caller_phone"
                                + " || '|' || ticket_type FROM ticket WHERE subject = ? AND customer_id IS NULL", subject));

                // Looked up by number and phone; a wrong phone looks like no ticket.
                page.type("lookup:number", number);
                page.type("lookup:phone", "13700000000");
                page.click("lookup:find");
                page.await("msgs", "没有与该电话号码对应的此工单", PUSH);
                page.type("lookup:phone", phone);
                page.click("lookup:find");
                page.await("lookup:status", "新建", PUSH);
                page.screenshot("public-2-looked-up");
            });
        }
    }

    @Test
    void assistedBankingTheCallerTypesThePinOnThePhoneAndTheAgentTransfersMoney() throws Exception {
        deskPhone("8001", "500");
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            loggedIn("1001");
            console.readyAt("1001", "8001");

            // 张三 calls; 12 s after pressing 1 it types its PIN 123456 (the agent asks before that).
            Sipp caller = bed.start("caller-enters-pin.xml",
                    Map.of("service", "12345", "caller", "13800138000", "key", "1", "pin_after", "12000", "talk", "15000",
                            "pindir", pinPcaps("123456").toString()));
            console.awaitState("通话中");
            console.select("bank:account", "6222020000000001");
            console.click("bank:askPin");
            String asked;
            try {
                asked = console.until(d -> {
                    String status = d.findElement(By.id("bank:pinStatus")).getText();
                    String messages = d.findElement(By.id("msgs")).getText();
                    return status.contains("正在输入") || status.contains("已验证") ? "asked" : messages.isBlank() ? null : messages;
                }, PUSH);
            } catch (org.openqa.selenium.TimeoutException e) {
                console.screenshot("console-8-pin-entry-failed");
                throw new AssertionError("PIN status: " + console.browser().driver().findElement(By.id("bank:state")).getText(), e);
            }
            assertEquals("asked", asked, "the caller is asked for the PIN");
            console.screenshot("console-8-pin-entry");
            String checked = console.until(d -> {
                String status = d.findElement(By.id("bank:pinStatus")).getText();
                return status.contains("正在输入") ? null : status;
            }, Duration.ofSeconds(40));
            assertEquals("已验证", checked, "the PIN typed on the phone was checked");
            assertTrue(!console.browser().driver().getPageSource().contains("123456"), "the agent's page never shows the PIN");

            console.click("bank:balance");
            String before = console.await("bank:balanceText", "CNY", PUSH);
            console.select("bank:payee", "6222020000000002");
            console.type("bank:amount", "100.00");
            console.click("bank:transfer");
            console.await("bank:receipt", "流水号", PUSH);
            console.click("bank:balance");
            String after = console.until(d -> {
                String shown = d.findElement(By.id("bank:balanceText")).getText();
                return shown.contains("CNY") && !shown.equals(before) ? shown : null;
            }, PUSH);
            console.screenshot("console-9-assisted-transfer");
            assertEquals(amountOf(before).subtract(new java.math.BigDecimal("100.00")), amountOf(after), before + " → " + after);
            assertEquals(0, caller.await(60), caller.report());
        }
        String audit = rest("GET", "audit?actor=1001&limit=200", "1006", null).body();
        assertTrue(audit.contains("ASSISTED_PIN_CHECK") && audit.contains("ASSISTED_TRANSFER"), audit);
    }

    /**
     * sipp's DTMF pcaps start each key's event at one fixed RTP timestamp, so "1" for the menu and
     * then "1" as the PIN's first digit would be one event to the receiver (RFC 4733: same
     * timestamp, same press). These copies carry increasing timestamps and sequence numbers, later
     * than any of sipp's own.
     */
    private static java.nio.file.Path pinPcaps(String digits) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pin-pcap-");
        for (int i = 0; i < digits.length(); i++) {
            byte[] bytes = java.nio.file.Files.readAllBytes(
                    java.nio.file.Path.of("/usr/share/sip-tester/dtmf_2833_" + digits.charAt(i) + ".pcap"));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            int offset = 24; // pcap file header; records: 16-byte header (little-endian), Ethernet + IPv4 + UDP, RTP
            int n = 0;
            while (offset + 16 <= bytes.length) {
                int length = Integer.reverseBytes(b.getInt(offset + 8));
                int rtp = offset + 16 + 14 + 20 + 8;
                b.putShort(rtp + 2, (short) (40000 + i * 50 + n));
                b.putInt(rtp + 4, 1_000_000 + i * 20_000);
                offset += 16 + length;
                n++;
            }
            java.nio.file.Files.write(dir.resolve("pin_" + i + ".pcap"), bytes);
        }
        return dir;
    }

    private static java.math.BigDecimal amountOf(String balanceText) {
        Matcher m = Pattern.compile("([0-9]+\\.[0-9]{2}) CNY").matcher(balanceText);
        assertTrue(m.find(), balanceText);
        return new java.math.BigDecimal(m.group(1));
    }

    @Test
    void aCallbacksRequestShowsWhileTheDeskRingsThenTheCustomerIsDialledFromIt() throws Exception {
        String customer = "13800000068";
        Sipp deskPhone = deskPhone("8001", "4000"); // rings 4 s: the agent reads the request meanwhile
        Sipp outside = bed.start("phone-answers.xml", Map.of("ext", customer, "answer_after", "300", "bye_within", "30000"), trunkPort());
        String id = callbackRequestedBy(customer);

        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("console-callback", () -> {
                console.signInAndOpen("1001", "");
                console.click("acd:ready"); // not ready(): the callback is offered at once, "ready" may never be seen
                // Pushed while the desk rings, before the customer is dialled: which request, which attempt, from where.
                console.await("pop:callbackId", id, PUSH);
                console.await("pop:callbackAttempt", "第 1 次，共 3 次", PUSH);
                console.await("pop:callbackSource", "排队时按 9 请求", PUSH);
                console.await("pop:callbackWaited", "已等候", PUSH);
                assertEquals(0, outside.received("INVITE"), "the customer is not dialled before the desk answers");
                console.screenshot("console-13-callback-preview");

                // The desk answers; the switch dials the customer from it, who answers: the request is done.
                // (the id inline: the probe binds text, which PostgreSQL will not compare with a bigint)
                assertEquals("ANSWERED", awaitValue("SELECT outcome FROM callback_attempt WHERE request_id = " + Long.parseLong(id)
                        + " AND attempt_no = 1 AND outcome IS NOT NULL"));
                assertEquals("DONE", SqlProbeClient.value("SELECT status FROM callback_request WHERE id = " + Long.parseLong(id)));
                console.awaitState("通话中");
                console.hangUp();
                console.awaitCallLeft();
                assertEquals(0, outside.await(20), "the customer talked and got the BYE: " + outside.report());
                assertEquals(1, outside.received("INVITE"), "the customer was dialled once: " + outside.messages());
            });
        }
    }

    @Test
    void aSupervisorSeesTheCallbacksWaitingAndWithdrawsOne() throws Exception {
        String customer = "13800000069";
        String id = callbackRequestedBy(customer);

        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("supervisor-callbacks", () -> {
                console.browser().signIn("1005", PASSWORD);
                console.browser().go("supervisor/index.xhtml");
                console.await("callbacks:waiting", customer, PUSH);
                console.await("callbacks:waiting", "排队时按 9 请求", PUSH);
                console.await("callbacks:today", "hotline", PUSH);
                console.screenshot("supervisor-1-callbacks");
                // Withdraw it, confirming in the dialog: it leaves the queue, audited as the supervisor's.
                console.browser().waitFor(By.xpath("//tr[td[contains(., '" + customer + "')]]//button"), PUSH).click();
                console.browser().waitFor(By.cssSelector(".ui-confirmdialog-yes"), PUSH).click();
                console.await("msgs", "回拨请求已撤销", PUSH);
                assertEquals("CANCELLED", SqlProbeClient.value("SELECT status FROM callback_request WHERE id = " + Long.parseLong(id)));
                assertEquals("1005", SqlProbeClient.value("SELECT actor FROM audit_event WHERE action = 'CALLBACK_CANCEL' AND target = ?"
                        + " ORDER BY id DESC", id));
                assertTrue(!console.text("callbacks:waiting").contains(customer), console.text("callbacks:waiting"));
                console.screenshot("supervisor-2-withdrawn");
            });
        }
        // (That an agent does not reach the supervisor's page at all is ConsoleSecurityIT's.)
    }

    @Test
    void aSupervisorSendsArrearsRemindersFromThePageAndSeesTodaysReminders() throws Exception {
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("supervisor-dunning", () -> {
                console.browser().signIn("1005", PASSWORD);
                console.browser().go("supervisor/index.xhtml");
                console.await("dunning", "欠费催缴", PUSH);
                // Confirmed in the dialog; the demo's overdue bill of 李四 (by e-mail) is reminded by this
                // run or was by an earlier one today (张三's may have been paid by an IVR test).
                console.browser().waitFor(By.id("dunning:run"), PUSH).click();
                console.browser().waitFor(By.cssSelector(".ui-confirmdialog-yes"), PUSH).click();
                console.await("msgs", "本次催缴完成：逾期账单", PUSH);
                console.await("dunning:today", "邮件", PUSH);
                console.screenshot("supervisor-3-dunning");
                assertEquals("SUCCESS", SqlProbeClient.value("SELECT outcome FROM audit_event WHERE action = 'DUNNING_RUN' AND actor = '1005'"
                        + " ORDER BY id DESC"));
                assertTrue(SqlProbeClient.value("SELECT COUNT(*) FROM dunning_notice WHERE bill_number = 'B-U100002-2026-10'"
                        + " AND channel = 'EMAIL' AND address = 'lisi@example.com'").equals("1"), "李四 is reminded by e-mail, once today");
            });
        }
    }

    @Test
    void aDepartmentsHandlerTakesAndAnswersATicketOnTheDepartmentPortal() throws Exception {
        // The centre opens a power cut, accepts it and sends it to the power bureau (REST).
        String subject = "配电箱冒烟 " + Long.toString(System.nanoTime(), 36);
        String number = openTicket("{\"type\":\"REPAIR\",\"category\":\"POWER\",\"subject\":\"" + subject
                + "\",\"description\":\"地下车库B2\",\"callerPhone\":\"13800138000\"}");
        assertEquals(200, rest("POST", "tickets/" + number + "/actions", "1001", "{\"action\":\"ACCEPT\"}").statusCode());
        assertEquals(200, rest("POST", "tickets/" + number + "/actions", "1001", "{\"action\":\"DISPATCH\",\"department\":\"POWER\"}").statusCode());
        try (AgentConsole console = AgentConsole.open("zh-CN")) {
            console.shootOnFailure("department-portal", () -> {
                console.browser().signIn("2003", PASSWORD); // a handler of the bureau lands on the portal
                console.await("queue:tickets", subject, PUSH);
                By row = By.xpath("//tbody[@id='queue:tickets_data']/tr[.//a[text()='" + number + "']]");
                assertTrue(console.browser().waitFor(row, PUSH).getAttribute("class").contains("deadline-GREEN"), "days to go: green");
                console.screenshot("department-1-queue");
                AgentConsole.retry(() -> console.browser().waitFor(By.xpath("//tbody[@id='queue:tickets_data']/tr[.//a[text()='" + number
                        + "']]//button[contains(@id,'take')]"), PUSH).click());
                console.await("msgs", "工单 " + number + " 已承办", PUSH);
                AgentConsole.retry(() -> console.browser().waitFor(By.xpath("//a[text()='" + number + "']"), PUSH).click());
                console.await("subject", subject, PUSH);
                console.await("description", "地下车库B2", PUSH);
                // A file for the ticket: the handler's repair report, checked and kept as over REST.
                java.nio.file.Path report = java.nio.file.Files.createTempDirectory("attach").resolve("维修记录.txt");
                java.nio.file.Files.writeString(report, "更换配电箱空开一只，试送电正常。", StandardCharsets.UTF_8);
                attach(console, report);
                console.await("msgs", "文件 维修记录.txt 已附加到工单 " + number, PUSH);
                console.await("files:list", "维修记录.txt", PUSH);
                // Bytes that are no text, whatever the name says: refused, nothing kept.
                java.nio.file.Path fake = report.resolveSibling("照片.txt");
                java.nio.file.Files.write(fake, new byte[]{0x4d, 0x5a, (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, (byte) 0xff, (byte) 0xfe});
                attach(console, fake);
                console.await("msgs", "不支持该类型的文件", PUSH);
                console.screenshot("department-2-file");
                String files = rest("GET", "tickets/" + number + "/attachments", "1001", null).body();
                assertTrue(files.contains("维修记录.txt") && !files.contains("照片.txt") && files.contains("\"uploadedBy\":\"2003\""), files);
                AgentConsole.retry(() -> console.browser().waitFor(By.xpath("//a[text()='" + number + "']"), PUSH).click());
                console.await("subject", subject, PUSH);
                console.type("ticket:note", "已更换配电箱空开，恢复供电");
                console.click("ticket:answerIt");
                console.await("msgs", "工单 " + number + " 已答复", PUSH);
                console.await("ticket:history", "已答复", PUSH);
                console.screenshot("department-3-answered");
                HttpResponse<String> ticket = rest("GET", "tickets/" + number, "1001", null);
                assertTrue(ticket.body().contains("\"status\":\"ANSWERED\"") && ticket.body().contains("已更换配电箱空开，恢复供电")
                        && ticket.body().contains("\"assignee\":\"2003\""), ticket.body());
                // A handler does not reach the centre's screens.
                console.browser().go("agent/index.xhtml");
                assertTrue(!console.browser().driver().getPageSource().contains("acd:state"), "no agent console for a handler");
            });
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Agent 1001 opens a ticket over REST: its number. */
    private String openTicket(String json) throws Exception {
        HttpResponse<String> opened = rest("POST", "tickets", "1001", json);
        assertEquals(201, opened.statusCode(), opened.body());
        Matcher m = Pattern.compile("\"number\":(\\d+)").matcher(opened.body());
        assertTrue(m.find(), opened.body());
        return m.group(1);
    }

    /** Chooses the file in the department portal's upload and posts it (a full page post). */
    private static void attach(AgentConsole console, java.nio.file.Path file) {
        AgentConsole.retry(() -> console.browser().waitFor(By.cssSelector("#files input[type=file]"), PUSH)
                .sendKeys(file.toAbsolutePath().toString()));
        console.click("files:attach");
    }

    /**
     * A caller on the hotline presses 9 while 1001 serves it, logged in but not ready, and hangs up:
     * returns the request's id once it waits (withdrawn after the test if it still does).
     */
    private String callbackRequestedBy(String customer) throws Exception {
        loggedIn("1001");
        assertEquals(200, rest("POST", "agents/1001/login", "1001", "{\"extension\":\"8001\"}").statusCode());
        Sipp caller = bed.start("caller-requests-callback.xml", Map.of("service", "12345", "caller", customer, "key", "1", "wait", "2000"));
        assertEquals(0, caller.await(40), "Kefu confirmed the callback and hung up: " + caller.report());
        String id = awaitValue("SELECT id FROM callback_request WHERE phone = ? AND status = 'QUEUED' ORDER BY id DESC", customer);
        bed.afterward("withdraw callback request " + id, () -> rest("DELETE", "callbacks/" + id, "1005", null));
        return id;
    }

    /** A sipp desk phone: registers from a port, then rings and answers after {@code answerAfter} ms there. */
    private Sipp deskPhone(String ext, String answerAfter) throws Exception {
        return deskPhone(ext, answerAfter, "30000");
    }

    /** As {@link #deskPhone(String, String)}, waiting up to {@code byeWithin} ms for the other side to hang up. */
    private Sipp deskPhone(String ext, String answerAfter, String byeWithin) throws Exception {
        int port = Sipp.nextPort();
        Sipp register = bed.start("phone-register.xml", Map.of("ext", ext), port);
        assertEquals(0, register.await(20), ext + " registers: " + register.report());
        Sipp phone = bed.start("phone-answers.xml", Map.of("ext", ext, "answer_after", answerAfter, "bye_within", byeWithin), port);
        return phone;
    }

    /** The agent logs in to the ACD during the test: log out again after it (409 while a call still ends). */
    private void loggedIn(String job) {
        bed.afterward("log " + job + " out", () -> {
            int status = rest("POST", "agents/" + job + "/logout", job, null).statusCode();
            if (status == 409) {
                throw new IllegalStateException(job + " still has a call");
            }
        });
    }

    /** The agent's ACD state as the REST API reports it. */
    private String agentState(String job) throws Exception {
        String body = rest("GET", "agents/" + job, "1005", null).body();
        Matcher m = Pattern.compile("\"state\":\"([A-Z_]+)\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private void awaitAgentState(String job, String state) {
        SipBed.await(() -> "ACD state of " + job + " " + state, PUSH, () -> agentState(job), state::equals);
    }

    /** The first value of the query once there is one (the CDR is written behind the call). */
    private static String awaitValue(String sql, String... params) {
        return SipBed.await(() -> "no row for " + sql, PUSH, () -> SqlProbeClient.value(sql, params), v -> true);
    }

    private static int trunkPort() {
        return Integer.getInteger("kefu.it.trunk.port", 16060);
    }

    /** A canned scenario with a longer overall time limit than Sipp.start's. */
    private static Sipp launch(String scenario, Map<String, String> values, int timeoutSeconds) throws Exception {
        String xml;
        try (java.io.InputStream in = AgentConsoleIT.class.getResourceAsStream("/sipp/" + scenario)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            xml = xml.replace("[" + v.getKey() + "]", v.getValue());
        }
        return Sipp.launch(java.nio.file.Files.createTempDirectory("sipp-" + scenario.replace(".xml", "") + "-"),
                scenario, xml, Sipp.nextPort(), timeoutSeconds);
    }

    private HttpResponse<String> rest(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + "api/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(20));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
