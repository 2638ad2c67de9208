package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Interoperability with a real SIP implementation: sipp (Debian package sip-tester). */
class SippTest {

    static final int PORT = 15090;
    final RecordingCallHandler handler = new RecordingCallHandler();
    final ThreadPoolExecutor executor = TestLinks.boundedExecutor(4, 100);
    SipLink link;
    Path workDir;

    @BeforeEach
    void start() throws IOException {
        if (!new File("/usr/bin/sipp").canExecute()) {
            fail("sipp not found at /usr/bin/sipp: apt-get install sip-tester");
        }
        workDir = Files.createDirectories(Path.of("target", "sipp"));
        link = new SipLink(TestLinks.config(PORT), handler, TestLinks.DEMO_CREDENTIALS, new G711TestNegotiator(40020), executor);
        link.start();
    }

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly); // never leave a sipp holding a port for the next test
        link.stop();
        executor.shutdownNow();
    }

    @Test
    void sippUacCallsAreAnsweredAndHungUpBySipp() throws Exception {
        Process sipp = sipp("-sn", "uac", "-s", "95500", "127.0.0.1:" + PORT, "-p", "15190", "-m", "10", "-r", "20",
                "-d", "100", "-timeout", "20s", "-timeout_error", "-trace_err", "-trace_stat", "-stf", "uac_stats.csv");
        int exit = waitFor(sipp);
        assertThat(exit).as("sipp exit code (0 = all calls succeeded); see target/sipp").isZero();
        long invites = handler.events.stream().filter(e -> e.equals("invite sipp->95500")).count();
        assertThat(invites).isEqualTo(10);
        // sipp exits on its last 200 to BYE; our hang-up callbacks run on the executor just after.
        long deadline = System.currentTimeMillis() + 5_000;
        while (handler.events.stream().filter(e -> e.equals("hangup")).count() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        long hangups = handler.events.stream().filter(e -> e.equals("hangup")).count();
        assertThat(hangups).isEqualTo(10);
        assertThat(link.status().activeCalls()).isZero();
    }

    @Test
    void registeredSippPhoneIsCalledByTheUac() throws Exception {
        // the phone's "answering half": a sipp UAS on the Contact port
        Process uas = sipp("-sn", "uas", "-p", "15192", "-m", "1", "-timeout", "20s", "-timeout_error", "-trace_err");
        // the phone's "registering half": REGISTER, 401, REGISTER with digest, 200
        Process reg = sipp("-sf", resource("sipp/register.xml"), "-s", "8004",
                "-key", "contact_port", "15192", "127.0.0.1:" + PORT, "-p", "15191", "-m", "1", "-timeout", "20s",
                "-timeout_error", "-trace_err");
        assertThat(waitFor(reg)).as("sipp REGISTER with digest").isZero();
        assertThat(link.registrations().contactFor("8004")).get().extracting(Binding::contact)
                .isEqualTo("sip:8004@127.0.0.1:15192");

        OutboundCall call = link.uac().callExtension("8004", "95500");
        assertThat(call.answered().get(10, TimeUnit.SECONDS)).isSameAs(call);
        // Not asserted: call.progress() (the 180). sipp's uas sends 180 and 200 back to back and, with
        // REENTRANT_LISTENER, JAIN-SIP may hand us the 200 first and then drop the late 180.
        assertThat(call.remoteSdp()).contains("m=audio");
        call.hangup();
        assertThat(call.ended().get(1, TimeUnit.SECONDS)).isEqualTo(CallEnd.LOCAL_HANGUP);
        assertThat(waitFor(uas)).as("sipp UAS saw INVITE/ACK/BYE").isZero();
    }

    private Process sipp(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/sipp", "-nostdin", "-i", "127.0.0.1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("sipp-" + System.nanoTime() + ".out").toFile()).start();
        started.add(p);
        return p;
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String resource(String name) {
        return new File("src/test/resources/" + name).getAbsolutePath();
    }
}
