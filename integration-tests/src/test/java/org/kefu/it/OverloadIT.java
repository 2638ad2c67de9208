package org.kefu.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call storm against the deployed Kefu (issue 13): for 10 seconds sipp offers calls to the hotline
 * at several times what the switch can take on this machine. The switch must shed the excess with
 * 503 while it keeps completing calls, and be back to normal right after: calls at an ordinary rate
 * are then all answered, and health says UP. Before issue 13 the same storm wedged the switch for
 * good (every WorkManager thread waiting for a slot in its own pool).
 */
@org.junit.jupiter.api.Tag("database-neutral") // no database involved: .ci/run runs it on H2 only
@ExtendWith(ArquillianExtension.class)
class OverloadIT {

    private static final int FLOOD_RATE = 3_000;
    private static final int FLOOD_SECONDS = 10;


    @Test
    void aStormIsShedWith503AndOrdinaryCallsAreAllAnsweredRightAfter() throws Exception {
        Path serverLog = Path.of(System.getProperty("kefu.it.base"), "log", "server.log");
        long logStart = Files.exists(serverLog) ? Files.size(serverLog) : 0;

        Sipp flood = Sipp.load("caller-flood.xml", Map.of("service", "12345", "talk", "2000"),
                FLOOD_RATE, FLOOD_RATE * FLOOD_SECONDS, 90);
        int floodExit = flood.await(150);
        long answered = flood.firstReceived(200);
        long refused = flood.firstReceived(503);
        String floodReport = "answered " + answered + ", refused " + refused + " of " + FLOOD_RATE * FLOOD_SECONDS
                + " (sipp exit " + floodExit + ")\n" + flood.report();
        System.out.println("OverloadIT flood: " + floodReport.lines().findFirst().orElse(""));
        assertTrue(floodExit >= 0, "sipp finished the storm: " + floodReport);
        assertTrue(refused > 0, "the storm was shed with 503: " + floodReport);
        // Goodput: the switch goes on completing calls during the storm (at least 50 a second here,
        // on a 2-core machine that also runs sipp; the benchmark measures the real figure).
        assertTrue(answered >= 50L * FLOOD_SECONDS, "calls completed during the storm: " + floodReport);
        String log = newLog(serverLog, logStart);
        assertTrue(log.contains("Overload: refusing new calls"), "the server said it shed load");

        // Back to normal within seconds: the first call of a quiet line is answered...
        long quietSince = System.nanoTime();
        boolean back = false;
        while (!back && System.nanoTime() - quietSince < Duration.ofSeconds(30).toNanos()) {
            Sipp one = Sipp.load("caller-flood.xml", Map.of("service", "12345", "talk", "200"), 1, 1, 20);
            back = one.await(30) == 0 && one.firstReceived(200) == 1;
        }
        long recoveryMillis = Duration.ofNanos(System.nanoTime() - quietSince).toMillis();
        System.out.println("OverloadIT: first call answered " + recoveryMillis + " ms after the storm");
        assertTrue(back, "a call was answered within 30 s of the storm");

        // ...and so is every call at an ordinary rate.
        Sipp ordinary = Sipp.load("caller-flood.xml", Map.of("service", "12345", "talk", "1000"), 10, 50, 60);
        int exit = ordinary.await(90);
        String report = ordinary.report();
        assertEquals(0, exit, "every ordinary call succeeded: " + report);
        assertEquals(50, ordinary.firstReceived(200), "50 ordinary calls answered: " + report);
        assertEquals(0, ordinary.firstReceived(503), "none refused: " + report);

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + "api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "health after the storm: " + health.body());
        assertTrue(newLog(serverLog, logStart).contains("Overload over: taking new calls again"), "the server said the overload ended");

        // ...and the storm leaves no call behind: one whose caller vanished without a BYE (sipp gives
        // up on calls at its timeout) is ended by the media timeout (60 s without RTP), so no stale
        // caller waits in a queue for the next agent who goes ready.
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String telephony = telephonyHealth();
        while (!telephony.contains("; 0 call(s),") && System.nanoTime() < until) {
            Thread.sleep(1000);
            telephony = telephonyHealth();
        }
        assertTrue(telephony.contains("; 0 call(s),"), "no call left on the switch within 2 minutes of the storm: " + telephony);
    }

    /** The health details an admin sees: the switch says there how many calls it holds ("...; N call(s), ..."). */
    private static String telephonyHealth() throws Exception {
        String admin = java.util.Base64.getEncoder().encodeToString("1006:kefu2026".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + "api/health")).header("Authorization", "Basic " + admin).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String newLog(Path log, long from) throws java.io.IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
    }
}
