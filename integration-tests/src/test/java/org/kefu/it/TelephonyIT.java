package org.kefu.it;

import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kefu.telephony.CallSnapshot;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.ConnectionState;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.DeviceSnapshot;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real calls through the deployed Kefu: sipp as the PSTN caller on the trunk and as agents'
 * desk phones (registering with digest authentication), Kefu's SIP switch in between, the
 * callflow answering, the switch API driving hold and transfer, and the CDR in the database.
 */
@ExtendWith(ArquillianExtension.class)
// The switch's own behaviour: the database only looks phones up and keeps audit rows and call
// records, queries that run on PostgreSQL in other tests (LoginDoorsIT, AcdIT). .ci/run: H2 only.
@org.junit.jupiter.api.Tag("database-neutral")
class TelephonyIT {


    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return SipBed.addTo(ShrinkWrap.create(WebArchive.class, "telephony-probe.war"))
                .addClasses(TelephonyIT.class)
                .addAsResource("sipp/caller-menu-dtmf.xml")
                .addAsResource("sipp/caller-menu-info.xml")
                .addAsResource("sipp/caller-refused.xml")
                .addAsResource("sipp/caller-wrong-codec.xml")
                .addAsResource("sipp/caller-talks.xml")
                .addAsResource("sipp/caller-gives-up.xml")
                .addAsResource("sipp/phone-register.xml")
                .addAsResource("sipp/phone-wrong-password.xml")
                .addAsResource("sipp/phone-answers.xml")
                .addAsResource("sipp/phone-never-answers.xml")
                // The switch API lives in the Kefu EAR's lib/: use those very classes.
                .setManifest(new org.jboss.shrinkwrap.api.asset.StringAsset(
                        "Manifest-Version: 1.0\nDependencies: deployment.kefu.ear\n"));
    }

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @RegisterExtension
    final SipBed bed = new SipBed();

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Test
    @OperateOnDeployment("probe")
    void aHotlineCallIsAnsweredWithTheMenuAndAKeyPressIsActedOn() throws Exception {
        // The hotline's flow: 9 ends the call (goodbye, then Kefu hangs up).
        Sipp caller = bed.start("caller-menu-dtmf.xml", Map.of("service", "12345", "caller", "13900139000", "key", "9"));

        assertEquals(0, caller.await(40), caller.report());
        Map<String, Object> cdr = latestCdr("13900139000");
        assertEquals("12345", cdr.get("dnis"));
        assertNotNull(cdr.get("answered_at"), "answered");
        assertNotNull(cdr.get("ended_at"), "ended");
        assertEquals("NORMAL", cdr.get("end_cause"));
        assertNotNull(cdr.get("customer_id"), "the caller was recognised as 李四");
    }

    @Test
    @OperateOnDeployment("probe")
    void aKeyPressedBySipInfoIsActedOnLikeAnRfc4733One() throws Exception {
        // The same hotline menu; the caller offers no telephone-event and sends 9 by SIP INFO.
        Sipp caller = bed.start("caller-menu-info.xml", Map.of("service", "12345", "caller", "13900139001", "key", "9"));
        assertEquals(0, caller.await(40), caller.report());
        Map<String, Object> cdr = latestCdr("13900139001");
        assertNotNull(cdr.get("ended_at"), "ended");
        assertEquals("NORMAL", cdr.get("end_cause"));
        // The 9 ended it: a menu left unanswered would have sent the caller to an agent instead.
        try (Connection c = kefu.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM acd_event e JOIN call_record r ON r.call_ref = e.call_ref"
                     + " WHERE r.ani = ? AND e.event_type = 'ENQUEUE'")) {
            ps.setString(1, "13900139001");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the caller was never queued for an agent");
            }
        }
    }

    /**
     * Password guessing against a phone login (issue 14): refused on the wire, and on the audit
     * trail the administrator reads, with the extension tried and the address it came from.
     */
    @Test
    @OperateOnDeployment("probe")
    void aPhoneLoginWithAWrongPasswordIsRefusedAndAudited() throws Exception {
        String count = "SELECT COUNT(*) FROM audit_event WHERE action = 'SIP_LOGIN_FAILED' AND actor = '8099'"
                + " AND outcome = 'DENIED' AND source_address = '127.0.0.1'";
        long before = scalarLong(count);
        Sipp guess = bed.start("phone-wrong-password.xml", Map.of("ext", "8099"));
        assertEquals(0, guess.await(20), "refused 403: " + guess.report());
        awaitTrue(() -> scalarLong(count) == before + 1, "the refusal is on the audit trail");
        try (Connection c = kefu.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT target, detail FROM audit_event WHERE action = 'SIP_LOGIN_FAILED'"
                     + " AND actor = '8099' ORDER BY id DESC")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("8099", rs.getString("target"));
                assertEquals("REGISTER with a wrong digest (403)", rs.getString("detail"));
            }
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aBlackListedCallerGetsBusy() throws Exception {
        Sipp caller = bed.start("caller-refused.xml", Map.of("service", "95500", "caller", "13700137000", "status", "486"));

        assertEquals(0, caller.await(30), caller.report());
        assertEquals("BLACKLISTED", latestCdr("13700137000").get("end_cause"));
    }

    @Test
    @OperateOnDeployment("probe")
    void anUnknownNumberIsRefused() throws Exception {
        Sipp caller = bed.start("caller-refused.xml", Map.of("service", "99999", "caller", "13800000099", "status", "404"));

        assertEquals(0, caller.await(30), caller.report());
        assertEquals("UNKNOWN_NUMBER", latestCdr("13800000099").get("end_cause"));
    }

    @Test
    @OperateOnDeployment("probe")
    void anOfferWithNoCodecWeHaveIsRefused488AndLeavesNothingBehind() throws Exception {
        Sipp caller = bed.start("caller-wrong-codec.xml", Map.of("service", "12345", "caller", "13800000008"));

        assertEquals(0, caller.await(30), caller.report());
        assertNotNull(latestCdr("13800000008").get("ended_at"), "the refused call is closed in the CDR");
        awaitTrue(() -> switchFactory.linkStatus().detail().startsWith("0 call(s)"), "no call left on the switch");
    }

    @Test
    @OperateOnDeployment("probe")
    void aDirectDialReachesTheRegisteredAgentPhoneAndTheCallerHangsUp() throws Exception {
        Sipp phone = deskPhone("8002", "phone-answers.xml", "500");
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "8002", "caller", "13800138000", "talk", "2000"));

        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, phone.await(20), "the phone got the BYE: " + phone.report());
        assertEquals(1, phone.received("INVITE"), "the phone was called once: " + phone.report());
        Map<String, Object> cdr = latestCdr("13800138000");
        assertEquals("8002", cdr.get("dnis"));
        assertNotNull(cdr.get("answered_at"));
        assertEquals("NORMAL", cdr.get("end_cause"));
    }

    @Test
    @OperateOnDeployment("probe")
    void anAgentPhoneThatNeverAnswersIsCancelledWhenTheCallerGivesUp() throws Exception {
        Sipp phone = deskPhone("8003", "phone-never-answers.xml", "0");
        Sipp caller = bed.start("caller-gives-up.xml", Map.of("service", "8003", "caller", "13800000003", "wait", "2000"));

        assertEquals(0, caller.await(40), caller.report());
        assertEquals(0, phone.await(20), "the phone got the CANCEL: " + phone.report());
        Map<String, Object> cdr = latestCdr("13800000003");
        assertEquals(null, cdr.get("answered_at"));
        assertEquals("ABANDONED", cdr.get("end_cause"));
    }

    @Test
    @OperateOnDeployment("probe")
    void theCallerMayHangUpWhileAPromptPlays() throws Exception {
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "95500", "caller", "13800000004", "talk", "800"));

        assertEquals(0, caller.await(30), caller.report());
        Map<String, Object> cdr = latestCdr("13800000004");
        assertNotNull(cdr.get("answered_at"));
        assertEquals("NORMAL", cdr.get("end_cause"));
        awaitTrue(() -> switchFactory.linkStatus().detail().startsWith("0 call(s)"), "no call left on the switch");
    }

    @Test
    @OperateOnDeployment("probe")
    void holdRetrieveAndBlindTransferThroughTheSwitchApi() throws Exception {
        Sipp first = deskPhone("8004", "phone-answers.xml", "200");
        Sipp second = deskPhone("8005", "phone-answers.xml", "200");
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "8004", "caller", "13800000005", "talk", "9000"));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> connectedAt(sw, "8004") != null, "8004 talking");
            ConnectionId agent = connectedAt(sw, "8004");
            CallSnapshot call = sw.snapshotCall(agent.call());
            ConnectionId customer = call.parties().stream().filter(p -> p.connection().device().value().equals("13800000005"))
                    .findFirst().orElseThrow().connection();

            sw.hold(customer);
            assertEquals(ConnectionState.HELD, stateOf(sw, customer));
            sw.retrieve(customer);
            assertEquals(ConnectionState.CONNECTED, stateOf(sw, customer));

            // Toll fraud (issue 14): the switch's own ceiling refuses an international number on
            // every path (a REFER from a desk phone ends in this same transfer), before anything rings.
            String refusals = "SELECT COUNT(*) FROM audit_event WHERE action = 'DIAL_REFUSED' AND outcome = 'DENIED' AND ("
                    + "(actor = '8004' AND target = '0044207946000' AND detail LIKE 'path=transfer category=INTERNATIONAL%')"
                    + " OR (actor = '8004' AND target = '+12125550100' AND detail LIKE 'path=consultation category=INTERNATIONAL%')"
                    + " OR (actor = '8005' AND target = '16801234' AND detail LIKE 'path=makeCall category=%'))";
            long refusedBefore = scalarLong(refusals);
            assertThrows(org.kefu.telephony.dialplan.DialRefusedException.class,
                    () -> sw.singleStepTransfer(agent, new DeviceId("0044207946000")));
            assertThrows(org.kefu.telephony.dialplan.DialRefusedException.class,
                    () -> sw.consultationCall(agent, new DeviceId("+12125550100")));
            assertThrows(org.kefu.telephony.dialplan.DialRefusedException.class,
                    () -> sw.makeCall(new DeviceId("8005"), new DeviceId("16801234"), Map.of()));
            assertEquals(ConnectionState.CONNECTED, stateOf(sw, customer), "the caller is still with the agent");
            awaitTrue(() -> scalarLong(refusals) == refusedBefore + 3, "each refusal on the audit trail, with who asked and the path");

            sw.singleStepTransfer(agent, new DeviceId("8005"));
            assertEquals(0, first.await(15), "8004 left the call: " + first.report());
            awaitTrue(() -> connectedAt(sw, "8005") != null, "8005 talking after the transfer");
            assertEquals(agent.call(), connectedAt(sw, "8005").call(), "the same call continues");
            assertEquals("13800000005", sw.callData(agent.call()).get("kefu.ani"),
                    "the customer's data travelled with the call");
        }
        assertEquals(0, caller.await(30), caller.report());
        assertEquals(0, second.await(15), "8005 got the caller's BYE: " + second.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void consultationThenCompleteTransfer() throws Exception {
        Sipp first = deskPhone("8004", "phone-answers.xml", "200");
        Sipp second = deskPhone("8005", "phone-answers.xml", "200");
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "8004", "caller", "13800000006", "talk", "9000"));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> connectedAt(sw, "8004") != null, "8004 talking");
            ConnectionId agent = connectedAt(sw, "8004");
            ConnectionId customer = partyOf(sw, agent, "13800000006");

            ConnectionId consulting = sw.consultationCall(agent, new DeviceId("8005"));
            assertEquals(ConnectionState.HELD, stateOf(sw, customer), "the customer waits on hold");
            awaitTrue(() -> connectedAt(sw, "8005") != null, "8005 answers the consultation");
            assertEquals(consulting.call(), connectedAt(sw, "8005").call(), "8005 is in the consultation call");

            sw.completeTransfer(agent, consulting);
            assertEquals(0, first.await(15), "8004 left after completing the transfer: " + first.report());
            CallSnapshot after = sw.snapshotCall(agent.call());
            assertEquals(2, after.parties().size(), after.toString());
            assertTrue(after.parties().stream().allMatch(p -> p.state() == ConnectionState.CONNECTED), after.toString());
            assertTrue(after.parties().stream().anyMatch(p -> p.connection().device().value().equals("8005")), after.toString());
        }
        assertEquals(0, caller.await(30), caller.report());
        assertEquals(0, second.await(15), "8005 got the caller's BYE: " + second.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void threePartyConference() throws Exception {
        Sipp first = deskPhone("8004", "phone-answers.xml", "200");
        Sipp second = deskPhone("8005", "phone-answers.xml", "200");
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "8004", "caller", "13800000007", "talk", "9000"));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> connectedAt(sw, "8004") != null, "8004 talking");
            ConnectionId agent = connectedAt(sw, "8004");
            ConnectionId consulting = sw.consultationCall(agent, new DeviceId("8005"));
            awaitTrue(() -> connectedAt(sw, "8005") != null, "8005 answers");

            sw.conference(agent, consulting);
            CallSnapshot conference = sw.snapshotCall(agent.call());
            assertEquals(3, conference.parties().size(), conference.toString());
            assertTrue(conference.parties().stream().allMatch(p -> p.state() == ConnectionState.CONNECTED),
                    conference.toString());
        }
        // The caller leaves; the call ends for both desk phones.
        assertEquals(0, caller.await(30), caller.report());
        assertEquals(0, first.await(15), "8004 got BYE: " + first.report());
        assertEquals(0, second.await(15), "8005 got BYE: " + second.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void alternateSwapsTheHeldAndTheActiveCall() throws Exception {
        Sipp first = deskPhone("8004", "phone-answers.xml", "200");
        Sipp second = deskPhone("8005", "phone-answers.xml", "200");
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "8004", "caller", "13800000008", "talk", "12000"));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> connectedAt(sw, "8004") != null, "8004 talking");
            ConnectionId agent = connectedAt(sw, "8004");
            ConnectionId customer = partyOf(sw, agent, "13800000008");
            ConnectionId consulting = sw.consultationCall(agent, new DeviceId("8005"));
            awaitTrue(() -> connectedAt(sw, "8005") != null, "8005 answers the consultation");
            ConnectionId colleague = partyOf(sw, consulting, "8005");
            assertEquals(ConnectionState.HELD, stateOf(sw, customer), "the customer waits");

            sw.alternate(agent, consulting);
            assertEquals(ConnectionState.CONNECTED, stateOf(sw, customer), "back with the customer");
            assertEquals(ConnectionState.HELD, stateOf(sw, colleague), "the colleague waits now");

            sw.alternate(consulting, agent);
            assertEquals(ConnectionState.HELD, stateOf(sw, customer), "and the other way round");
            assertEquals(ConnectionState.CONNECTED, stateOf(sw, colleague));

            sw.completeTransfer(agent, consulting);
            assertEquals(0, first.await(15), "8004 left after completing the transfer: " + first.report());
            assertTrue(sw.snapshotCall(agent.call()).parties().stream()
                    .anyMatch(p -> p.connection().device().value().equals("8005") && p.state() == ConnectionState.CONNECTED));
        }
        assertEquals(0, caller.await(30), caller.report());
        assertEquals(0, second.await(15), "8005 got the caller's BYE: " + second.report());
    }

    // Direct calls to 8004 and 8005, which no ACD agent uses while this class runs (the test beds
    // of the other classes log their agents out after each test).
    @Test
    @OperateOnDeployment("probe")
    void aRingingCallIsDeflectedAndAnotherIsPickedUp() throws Exception {
        Sipp ringing = deskPhone("8004", "phone-never-answers.xml", "0");
        Sipp target = deskPhone("8005", "phone-answers.xml", "200");
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "8004", "caller", "13800000009", "talk", "4000"));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> alertingAt(sw, "8004") != null, "8004 rings");
            ConnectionId alerting = alertingAt(sw, "8004");
            sw.deflect(alerting, new DeviceId("8005"));
            assertEquals(0, ringing.await(15), "8004 was cancelled: " + ringing.report());
            awaitTrue(() -> connectedAt(sw, "8005") != null, "8005 took the deflected call");
            assertEquals(alerting.call(), connectedAt(sw, "8005").call(), "the same call went on");
        }
        assertEquals(0, caller.await(30), caller.report());
        assertEquals(0, target.await(15), "8005 got the caller's BYE: " + target.report());

        Sipp ringing2 = deskPhone("8004", "phone-never-answers.xml", "0");
        Sipp picker = deskPhone("8005", "phone-answers.xml", "200");
        Sipp caller2 = bed.start("caller-talks.xml", Map.of("service", "8004", "caller", "13800000010", "talk", "4000"));
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> alertingAt(sw, "8004") != null, "8004 rings");
            ConnectionId alerting = alertingAt(sw, "8004");
            sw.pickup(alerting, new DeviceId("8005"));
            assertEquals(0, ringing2.await(15), "8004 stopped ringing: " + ringing2.report());
            awaitTrue(() -> connectedAt(sw, "8005") != null, "8005 picked the call up");
            assertEquals(alerting.call(), connectedAt(sw, "8005").call());
        }
        assertEquals(0, caller2.await(30), caller2.report());
        assertEquals(0, picker.await(15), "8005 got the caller's BYE: " + picker.report());
    }

    @Test
    @OperateOnDeployment("probe")
    void aSupervisorMonitorsWhispersAndBargesAndTheCallIsRecorded() throws Exception {
        Sipp agentPhone = deskPhone("8004", "phone-answers.xml", "200");
        Sipp supervisorPhone = deskPhone("8005", "phone-answers.xml", "200");
        Sipp caller = bed.start("caller-talks.xml", Map.of("service", "8004", "caller", "13800000011", "talk", "9000"));
        java.nio.file.Path wav;
        try (SwitchConnection sw = switchFactory.getConnection()) {
            awaitTrue(() -> connectedAt(sw, "8004") != null, "8004 talking");
            ConnectionId agent = connectedAt(sw, "8004");
            sw.recordCall(agent.call());
            wav = java.nio.file.Path.of(System.getProperty("jboss.server.data.dir"), "kefu", "recordings", agent.call() + ".wav");

            ConnectionId supervisor = sw.monitor(agent.call(), new DeviceId("8005"), org.kefu.telephony.MonitorMode.SILENT);
            awaitTrue(() -> {
                try {
                    return stateOf(sw, supervisor) == ConnectionState.CONNECTED;
                } catch (Exception e) {
                    return false;
                }
            }, "the supervisor's phone answered");
            assertEquals(3, sw.snapshotCall(agent.call()).parties().size(), "caller, agent and supervisor");
            assertEquals("SILENT", sw.callData(agent.call()).get("kefu.monitor.8005"));
            sw.changeMonitorMode(supervisor, org.kefu.telephony.MonitorMode.WHISPER);
            assertEquals("WHISPER", sw.callData(agent.call()).get("kefu.monitor.8005"));
            sw.changeMonitorMode(supervisor, org.kefu.telephony.MonitorMode.BARGE);
            assertEquals("BARGE", sw.callData(agent.call()).get("kefu.monitor.8005"));
            assertTrue(sw.snapshotCall(agent.call()).parties().stream().allMatch(p -> p.state() == ConnectionState.CONNECTED));
        }
        assertEquals(0, caller.await(30), caller.report());
        assertEquals(0, agentPhone.await(15), "8004 got BYE: " + agentPhone.report());
        assertEquals(0, supervisorPhone.await(15), "the supervisor got BYE: " + supervisorPhone.report());
        // The recording is finished when the call ends: a WAV of the seconds it lasted.
        awaitTrue(() -> java.nio.file.Files.isRegularFile(wav), "recording " + wav);
        awaitTrue(() -> {
            try {
                return java.nio.file.Files.size(wav) > 44 + 8000 * 2 * 3; // header + more than 3 s of 16-bit 8 kHz audio
            } catch (java.io.IOException e) {
                return false;
            }
        }, "recording " + wav + " holds the call");
        byte[] header = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(wav), 12);
        assertEquals("RIFF", new String(header, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(header, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    private ConnectionId alertingAt(SwitchConnection sw, String ext) {
        try {
            DeviceSnapshot d = sw.snapshotDevice(new DeviceId(ext));
            return d.connections().stream().filter(p -> p.state() == ConnectionState.ALERTING)
                    .map(CallSnapshot.Party::connection).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static ConnectionId partyOf(SwitchConnection sw, ConnectionId any, String device) throws Exception {
        return sw.snapshotCall(any.call()).parties().stream()
                .filter(p -> p.connection().device().value().equals(device))
                .findFirst().orElseThrow().connection();
    }

    /**
     * A desk phone as sipp can be one: a first sipp registers the extension (digest auth) from a
     * port, then a second sipp on that same port waits for the call.
     */
    private Sipp deskPhone(String ext, String scenario, String answerAfter) throws Exception {
        return bed.deskPhone(switchFactory, ext, scenario, answerAfter);
    }

    private ConnectionId connectedAt(SwitchConnection sw, String ext) {
        try {
            DeviceSnapshot d = sw.snapshotDevice(new DeviceId(ext));
            return d.connections().stream().filter(p -> p.state() == ConnectionState.CONNECTED)
                    .map(CallSnapshot.Party::connection).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static ConnectionState stateOf(SwitchConnection sw, ConnectionId id) throws Exception {
        return sw.snapshotCall(id.call()).parties().stream().filter(p -> p.connection().equals(id))
                .findFirst().orElseThrow().state();
    }

    private static void awaitTrue(Callable<Boolean> condition, String what) {
        SipBed.await(what, Duration.ofSeconds(15), condition);
    }

    private long scalarLong(String sql) throws Exception {
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The newest CDR of a caller, once it has ended (the MDB writes it just after the call). */
    private Map<String, Object> latestCdr(String ani) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        Map<String, Object> row = Map.of();
        while (System.currentTimeMillis() < until) {
            try (Connection c = kefu.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT dnis, customer_id, answered_at, ended_at, end_cause FROM call_record WHERE ani = ? ORDER BY id DESC")) {
                ps.setString(1, ani);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        java.util.HashMap<String, Object> r = new java.util.HashMap<>();
                        for (String col : new String[]{"dnis", "customer_id", "answered_at", "ended_at", "end_cause"}) {
                            r.put(col, rs.getObject(col));
                        }
                        row = r;
                        if (r.get("ended_at") != null) {
                            return row;
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        assertTrue(!row.isEmpty(), "a CDR for " + ani);
        return row;
    }
}
