package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 49 RFC 4475 torture messages against a running SipLink on loopback.
 *
 * <p>Finding (asserted in {@link #jainSipMatchesServerTransactionsOnBranchAlone()}): JAIN-SIP RI 1.3.0-91 looks up
 * server transactions by the Via branch alone, not branch + sent-by + method as RFC 3261 17.2.3 says. 22 of the
 * messages share the branch "z9hG4bKkdjuw", so sent to one stack all but the first are absorbed as
 * "retransmissions". Each message therefore goes to a link whose transaction table has not seen its branch:
 * the messages are split into batches of distinct branches, one fresh link per batch, all running at once.
 * Separately, one "survivor" link receives all 49 and must still serve OPTIONS and a full call afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Rfc4475TortureTest {

    enum Kind { VALID, INVALID, APPLICATION, TRANSACTION, COMPAT }

    /** -1 = no response (dropped or absorbed). */
    static final int NONE = -1;

    record Case(String name, String section, Kind kind, int kefu, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What Kefu does with each message, and why that is right (or which lenience of JAIN-SIP it is). */
    static final List<Case> CASES = List.of(
            // 3.1.1 valid: must be processed (any final response but a 400), or absorbed if it is a response
            new Case("wsinv", "3.1.1.1", Kind.VALID, 486, "INVITE parsed despite odd whitespace; reaches the CallHandler (test handler: busy)"),
            new Case("intmeth", "3.1.1.2", Kind.VALID, 501, "unknown but well-formed method → 501"),
            new Case("esc01", "3.1.1.3", Kind.VALID, 486, "escaped Request-URI user; reaches the CallHandler"),
            new Case("escnull", "3.1.1.4", Kind.VALID, 401, "REGISTER with %00 in user: parsed, challenged"),
            new Case("esc02", "3.1.1.5", Kind.VALID, 501, "RE%47IST%45R is not REGISTER: unknown method → 501"),
            new Case("lwsdisp", "3.1.1.6", Kind.VALID, 200, "OPTIONS answered"),
            new Case("longreq", "3.1.1.7", Kind.VALID, 486, "long INVITE over TCP (its Via says TCP) reaches the CallHandler"),
            new Case("dblreq", "3.1.1.8", Kind.VALID, 401, "REGISTER; the trailing second request is ignored (Content-Length 0); challenged"),
            new Case("semiuri", "3.1.1.9", Kind.VALID, 200, "OPTIONS with ';' in user answered"),
            new Case("transports", "3.1.1.10", Kind.VALID, 200, "unusual Via transports parsed; OPTIONS answered"),
            new Case("mpart01", "3.1.1.11", Kind.VALID, 405, "binary multipart MESSAGE parsed; MESSAGE is not served → 405 with Allow"),
            new Case("unreason", "3.1.1.12", Kind.VALID, NONE, "a response with UTF-8 reason: stray (no transaction) → absorbed"),
            new Case("noreason", "3.1.1.13", Kind.VALID, NONE, "a response with empty reason: stray → absorbed"),
            // 3.1.2 invalid: 400 for a request, discard a response
            new Case("badinv01", "3.1.2.1", Kind.INVALID, 400, "parser rejects empty Via params"),
            new Case("clerr", "3.1.2.2", Kind.INVALID, 400, "Content-Length larger than body"),
            new Case("ncl", "3.1.2.3", Kind.INVALID, 400, "negative Content-Length"),
            new Case("scalar02", "3.1.2.4", Kind.INVALID, NONE, "overflowing CSeq/Max-Forwards over TCP: JAIN-SIP closes the connection without a 400"),
            new Case("scalarlg", "3.1.2.5", Kind.INVALID, NONE, "a response with overflowing values: discarded"),
            new Case("quotbal", "3.1.2.6", Kind.INVALID, 400, "unbalanced quotes"),
            new Case("ltgtruri", "3.1.2.7", Kind.INVALID, 400, "<> around the Request-URI"),
            new Case("lwsruri", "3.1.2.8", Kind.INVALID, 400, "whitespace inside the Request-URI"),
            new Case("lwsstart", "3.1.2.9", Kind.INVALID, 486, "LENIENT: JAIN-SIP tolerates extra SP in the request line; processed as a normal INVITE"),
            new Case("trws", "3.1.2.10", Kind.INVALID, 200, "LENIENT: JAIN-SIP tolerates trailing SP after SIP-Version; OPTIONS answered"),
            new Case("escruri", "3.1.2.11", Kind.INVALID, 400, "Kefu's screen: headers in a Request-URI → 400"),
            new Case("baddate", "3.1.2.12", Kind.INVALID, 486, "LENIENT (RFC allows): non-GMT Date ignored; INVITE processed"),
            new Case("regbadct", "3.1.2.13", Kind.INVALID, 401, "LENIENT (RFC allows inferring <>): the registrar challenges before reading Contact"),
            new Case("badaspec", "3.1.2.14", Kind.INVALID, 200, "LENIENT (RFC allows): spaces in To addr-spec ignored; OPTIONS answered"),
            new Case("baddn", "3.1.2.15", Kind.INVALID, 200, "LENIENT (RFC allows): non-token display name accepted; OPTIONS answered"),
            new Case("badvers", "3.1.2.16", Kind.INVALID, 505, "SIP/7.0 → 505 (JAIN-SIP normalises the request line; Kefu checks the Via version)"),
            new Case("mismatch01", "3.1.2.17", Kind.INVALID, 400, "Kefu's screen: CSeq method differs from request method"),
            new Case("mismatch02", "3.1.2.18", Kind.INVALID, 400, "Kefu's screen: CSeq method differs (before the 501 check)"),
            new Case("bigcode", "3.1.2.19", Kind.INVALID, NONE, "a response with a 10-digit code: discarded"),
            // 3.2 transaction layer
            new Case("badbranch", "3.2.1", Kind.TRANSACTION, 200, "branch that is only the magic cookie: still a valid request"),
            // 3.3 application layer: the response the RFC names, where a UAS applies
            new Case("insuf", "3.3.1", Kind.APPLICATION, NONE, "missing Call-ID/From/To: JAIN-SIP drops it before the listener (RFC: 400)"),
            new Case("unkscm", "3.3.2", Kind.APPLICATION, 416, "unknown Request-URI scheme"),
            new Case("novelsc", "3.3.3", Kind.APPLICATION, 416, "unknown Request-URI scheme"),
            new Case("unksm2", "3.3.4", Kind.APPLICATION, 416, "REGISTER whose To is not a SIP URI: the registrar answers 416"),
            new Case("bext01", "3.3.5", Kind.APPLICATION, 420, "unknown Require option tags → 420 with Unsupported"),
            new Case("invut", "3.3.6", Kind.APPLICATION, 415, "INVITE body not application/sdp → 415 with Accept"),
            new Case("regaut01", "3.3.7", Kind.APPLICATION, 401, "unknown Authorization scheme → fresh Digest challenge"),
            new Case("multi01", "3.3.8", Kind.APPLICATION, 486, "LENIENT: JAIN-SIP keeps one of each duplicated Call-ID/CSeq/To/From; INVITE processed (RFC: 400)"),
            new Case("mcl01", "3.3.9", Kind.APPLICATION, 200, "LENIENT: JAIN-SIP keeps one of two Content-Lengths; OPTIONS answered (RFC: 400)"),
            new Case("bcast", "3.3.10", Kind.APPLICATION, NONE, "a 200 with a broadcast Via: stray response, discarded"),
            new Case("zeromf", "3.3.11", Kind.APPLICATION, 483, "Max-Forwards 0 → 483"),
            new Case("cparam01", "3.3.12", Kind.APPLICATION, 401, "REGISTER: the registrar requires digest first"),
            new Case("cparam02", "3.3.13", Kind.APPLICATION, 401, "REGISTER: the registrar requires digest first"),
            new Case("regescrt", "3.3.14", Kind.APPLICATION, 401, "REGISTER: the registrar requires digest first"),
            new Case("sdp01", "3.3.15", Kind.APPLICATION, 406, "Accept without application/sdp → 406"),
            // 3.4 backward compatibility
            new Case("inv2543", "3.4.1", Kind.COMPAT, 486, "RFC 2543 INVITE (no branch, Max-Forwards, Contact) reaches the CallHandler; response sent statelessly"));

    private static final int BASE_PORT = 15100;
    private static final int SURVIVOR_PORT = 15099;
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final List<SipLink> links = new ArrayList<>();
    private ThreadPoolExecutor appExecutor;
    private int baselineThreads;
    private SipLink survivor;
    private RecordingCallHandler survivorHandler;

    @BeforeAll
    void sendAll() throws Exception {
        baselineThreads = Thread.activeCount();
        appExecutor = TestLinks.boundedExecutor(4, 200);
        RecordingCallHandler busy = new RecordingCallHandler();
        busy.behaviour = call -> call.reject(486);

        List<List<String>> batches = batchesOfDistinctBranches();
        ExecutorService senders = Executors.newFixedThreadPool(batches.size());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                int port = BASE_PORT + i;
                SipLink link = new SipLink(TestLinks.config(port), busy, TestLinks.DEMO_CREDENTIALS,
                        new G711TestNegotiator(40000), appExecutor);
                link.start();
                links.add(link);
                List<String> batch = batches.get(i);
                // Links run in parallel; within one link the messages go one after another.
                sent.add(senders.submit(() -> {
                    for (String name : batch) {
                        outcomes.put(name, exchange(port, name, 1500));
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            // JAIN-SIP's stop() takes a while per stack: stop them all at once.
            links.stream().map(l -> senders.submit(l::stop)).toList().forEach(f -> {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            senders.shutdownNow();
        }

        // The survivor gets every message, back to back, then must still work.
        survivorHandler = new RecordingCallHandler();
        survivorHandler.behaviour = call -> {
            if ("survivor".equals(call.dnis())) call.answer(); else call.reject(486);
        };
        survivor = new SipLink(TestLinks.config(SURVIVOR_PORT), survivorHandler, TestLinks.DEMO_CREDENTIALS,
                new G711TestNegotiator(40002), appExecutor);
        survivor.start();
        for (Case c : CASES) {
            exchange(SURVIVOR_PORT, c.name(), 0);
        }
        printTable();
    }

    @AfterAll
    void stopSurvivor() {
        if (survivor != null) survivor.stop();
        appExecutor.shutdownNow();
    }

    static List<Case> cases() {
        return CASES;
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kefuAnswersAsDocumented(Case c) {
        assertThat(outcomes.get(c.name())).as(c.name() + " (" + c.why() + ")").isEqualTo(c.kefu());
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classOfAnswerMatchesRfc4475(Case c) {
        int got = outcomes.get(c.name());
        switch (c.kind()) {
            case VALID, TRANSACTION, COMPAT -> assertThat(got).as(c.name() + ": valid, must not be a 400").isNotEqualTo(400);
            case INVALID -> {
                assertThat(got).as(c.name() + ": invalid, never 2xx unless a documented lenience")
                        .satisfiesAnyOf(g -> assertThat(g).isIn(400, 505, NONE), g -> assertThat(c.why()).contains("LENIENT"));
            }
            case APPLICATION -> assertThat(got).as(c.name()).satisfiesAnyOf(
                    g -> assertThat(g).isBetween(300, 699), g -> assertThat(c.why()).containsAnyOf("LENIENT", "JAIN-SIP", "stray"));
        }
    }

    @Order(3)
    @Test
    void everyTortureMessageIsCovered() {
        assertThat(CASES).hasSize(49);
        assertThat(CASES.stream().map(Case::name).distinct()).hasSize(49);
    }

    @Order(4)
    @Test
    void jainSipMatchesServerTransactionsOnBranchAlone() throws Exception {
        // sdp01 (INVITE, Via 192.0.2.15) and semiuri (OPTIONS, Via 192.0.2.1) share only the branch z9hG4bKkdjuw.
        // RFC 3261 17.2.3 would make them two transactions; JAIN-SIP absorbs the second as a retransmission.
        RecordingCallHandler busy = new RecordingCallHandler();
        busy.behaviour = call -> call.reject(486);
        SipLink link = new SipLink(TestLinks.config(15098), busy, TestLinks.DEMO_CREDENTIALS, new G711TestNegotiator(40000), appExecutor);
        link.start();
        try {
            assertThat(exchange(15098, "sdp01", 2000)).isEqualTo(406);
            assertThat(exchange(15098, "semiuri", 1000)).as("second request with the same branch").isEqualTo(NONE);
        } finally {
            link.stop();
        }
    }

    @Order(5)
    @Test
    void survivorStillAnswersOptionsAndCompletesACall() throws Exception {
        try (RawSipClient c = new RawSipClient(SURVIVOR_PORT)) {
            c.send(TestLinks.options(SURVIVOR_PORT, "after1", "after-torture-1@test", c.localPort()));
            assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(200);

            RawCall call = new RawCall(c, SURVIVOR_PORT, "survivor");
            String ok = call.invite();
            assertThat(RawSipClient.status(ok)).isEqualTo(200);
            call.ack(ok);
            assertThat(RawSipClient.status(call.bye(ok))).isEqualTo(200);
        }
    }

    @Order(6)
    @Test
    void noThreadsLeakAfterLinksStop() throws Exception {
        survivor.stop();
        appExecutor.shutdownNow();
        long deadline = System.currentTimeMillis() + 5000;
        while (Thread.activeCount() > baselineThreads + 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Thread.activeCount()).as(threadNames()).isLessThanOrEqualTo(baselineThreads + 4);
    }

    private static String threadNames() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().keySet().forEach(t -> sb.append(t.getName()).append(", "));
        return sb.toString();
    }

    /** Send one message on the transport its Via names; return the final status seen, or NONE. */
    static int exchange(int port, String name, int waitMillis) throws IOException {
        byte[] message = TortureMessages.load(name);
        if (TortureMessages.viaTransport(message).equals("UDP")) {
            try (RawSipClient c = new RawSipClient(port)) {
                c.send(message);
                String callId = RawSipClient.callId(new String(message, StandardCharsets.ISO_8859_1));
                return waitMillis == 0 ? NONE : RawSipClient.status(c.finalResponse(waitMillis, callId));
            }
        }
        String stream = RawSipClient.tcpExchange(port, message, waitMillis == 0 ? 300 : waitMillis);
        Matcher m = Pattern.compile("SIP/2\\.0 (\\d{3}) ").matcher(stream);
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (code >= 200) return code;
        }
        return NONE;
    }

    /** Greedy split so that no two messages in a batch share a Via branch (see class comment). */
    static List<List<String>> batchesOfDistinctBranches() throws IOException {
        List<List<String>> batches = new ArrayList<>();
        List<java.util.Set<String>> branches = new ArrayList<>();
        Pattern branch = Pattern.compile("(?i)branch\\s*=\\s*([^;,\\s]+)");
        for (Case c : CASES) {
            Matcher m = branch.matcher(new String(TortureMessages.load(c.name()), StandardCharsets.ISO_8859_1));
            String b = m.find() ? m.group(1).toLowerCase() : "none:" + c.name();
            // Smallest batch without this branch: batches stay short, and they all run at once.
            int i = -1;
            for (int j = 0; j < batches.size(); j++) {
                if (!branches.get(j).contains(b) && (i < 0 || batches.get(j).size() < batches.get(i).size())) i = j;
            }
            if (i < 0 || (batches.get(i).size() >= 2 && batches.size() < 24)) {
                i = batches.size();
                batches.add(new ArrayList<>());
                branches.add(new java.util.HashSet<>());
            }
            batches.get(i).add(c.name());
            branches.get(i).add(b);
        }
        return batches;
    }

    private void printTable() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Case c : CASES) {
            int got = outcomes.getOrDefault(c.name(), NONE);
            rows.put(c.name(), String.format("| %s | %s | %s | %s | %s |", c.section(), c.name(), c.kind(),
                    got == NONE ? "no response" : Integer.toString(got), c.why()));
        }
        System.out.println("RFC 4475 torture results:\n" + String.join("\n", rows.values()));
    }
}
