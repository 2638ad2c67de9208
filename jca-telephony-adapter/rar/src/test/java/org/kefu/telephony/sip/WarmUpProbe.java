package org.kefu.telephony.sip;

import java.io.IOException;

/** For tests outside this package: one raw INVITE from an outside port, its final status (a 200 is hung up). */
public final class WarmUpProbe {

    private WarmUpProbe() {
    }

    public static int inviteStatus(int port, String dnis) throws IOException {
        try (RawSipClient c = new RawSipClient(port)) {
            RawCall call = new RawCall(c, port, dnis);
            String response = call.invite();
            int status = RawSipClient.status(response);
            if (status == 200) {
                call.ack(response);
                call.bye(response);
            }
            return status;
        }
    }
}
