package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kefu listening on every interface (0.0.0.0, as by default) writes its advertised address, never
 * 0.0.0.0, in what it sends: the Via of a BYE it sends inside a call (with rport), and the Call-ID
 * of a call it places. baresip found the BYE's Via at 0.0.0.0 (it answered to the source address,
 * which only works on loopback).
 */
class InDialogAddressTest {

    static final int PORT = 15092;
    final RecordingCallHandler handler = new RecordingCallHandler();
    final ThreadPoolExecutor executor = TestLinks.boundedExecutor(4, 50);
    final SipLink link = new SipLink(TestLinks.config(PORT).withHost("0.0.0.0").withAdvertisedHost("127.0.0.1"),
            handler, TestLinks.DEMO_CREDENTIALS, new G711TestNegotiator(40070), executor);

    @AfterEach
    void stop() {
        link.stop();
        executor.shutdownNow();
    }

    @Test
    void aByeKefuSendsCarriesItsAdvertisedAddressInVia() throws Exception {
        link.start();
        try (RawSipClient c = new RawSipClient(PORT)) {
            RawCall call = new RawCall(c, PORT, "95500");
            String ok = call.invite();
            assertThat(RawSipClient.status(ok)).isEqualTo(200);
            call.ack(ok);
            assertThat(handler.next()).startsWith("invite");
            assertThat(handler.next()).isEqualTo("established");
            handler.calls.get(0).hangup();
            String bye = c.receive(5000);
            assertThat(bye).startsWith("BYE ");
            String via = RawSipClient.header(bye, "Via");
            assertThat(via).startsWith("SIP/2.0/UDP 127.0.0.1:" + PORT).contains("rport").doesNotContain("0.0.0.0");
        }
    }

    @Test
    void aCallKefuPlacesHasACallIdOfItsAdvertisedAddress() throws Exception {
        link.start();
        try (RawSipClient phone = new RawSipClient(PORT)) {
            OutboundCall call = link.uac().call("sip:8001@127.0.0.1:" + phone.localPort(), "95500");
            String invite = phone.receive(5000);
            assertThat(RawSipClient.header(invite, "Call-ID")).endsWith("@127.0.0.1");
            assertThat(RawSipClient.header(invite, "Via")).doesNotContain("0.0.0.0");
            call.cancel();
        }
    }
}
