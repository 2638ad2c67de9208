package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** 2,000 OPTIONS over UDP: every one answered (200, or 503 under overload), the link alive afterwards. */
class FloodTest {

    @Test
    void twoThousandOptionsAreAllAnswered() throws Exception {
        ThreadPoolExecutor executor = TestLinks.boundedExecutor(2, 10);
        SipLink link = new SipLink(TestLinks.config(15084), new RecordingCallHandler(), TestLinks.DEMO_CREDENTIALS,
                new G711TestNegotiator(40030), executor);
        link.start();
        Set<String> answered = new HashSet<>();
        int ok = 0;
        int busy = 0;
        try (RawSipClient c = new RawSipClient(15084)) {
            for (int burst = 0; burst < 20; burst++) {
                for (int i = 0; i < 100; i++) {
                    int n = burst * 100 + i;
                    c.send(TestLinks.options(15084, "fl" + n, "flood-" + n + "@test", c.localPort()));
                }
                // read this burst's answers before the next one, so the client's socket buffer never overflows
                while (answered.size() < (burst + 1) * 100) {
                    String r = c.receive(3000);
                    if (r == null) break;
                    int status = RawSipClient.status(r);
                    if (answered.add(RawSipClient.header(r, "Call-ID"))) {
                        if (status == 200) ok++;
                        else if (status == 503) busy++;
                    }
                }
            }
            assertThat(answered).hasSize(2000);
            assertThat(ok + busy).isEqualTo(2000);
            c.send(TestLinks.options(15084, "after", "after-flood@test", c.localPort()));
            assertThat(RawSipClient.status(c.finalResponse(3000))).isEqualTo(200);
        } finally {
            link.stop();
            executor.shutdownNow();
        }
    }
}
