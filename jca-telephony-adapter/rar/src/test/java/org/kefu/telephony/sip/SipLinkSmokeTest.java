package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class SipLinkSmokeTest {

    @Test
    void answersOptionsWithoutLog4j() throws Exception {
        assertThat(classPresent("org.apache.log4j.Logger")).as("log4j must not be on the test classpath").isFalse();
        ThreadPoolExecutor exec = TestLinks.boundedExecutor(2, 10);
        SipLink link = new SipLink(TestLinks.config(15070), new RecordingCallHandler(), TestLinks.DEMO_CREDENTIALS,
                new G711TestNegotiator(40000), exec);
        link.start();
        try (RawSipClient c = new RawSipClient(15070)) {
            c.send(TestLinks.options(15070, "smoke1", "smoke-1@test", 5999));
            String r = c.finalResponse(3000);
            System.out.println(r);
            assertThat(RawSipClient.status(r)).isEqualTo(200);
        } finally {
            link.stop();
            exec.shutdownNow();
        }
        assertThat(classPresent("org.apache.log4j.Logger")).isFalse();
    }

    static boolean classPresent(String name) {
        try {
            Class.forName(name, false, SipLinkSmokeTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
