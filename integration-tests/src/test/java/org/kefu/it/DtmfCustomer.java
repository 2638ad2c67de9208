package org.kefu.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer on the test trunk (the real sipp, as UAS) whom Kefu calls: the phone rings, answers
 * after {@code answerAfter} ms and keys groups of digits as RFC 2833 telephone events
 * ({@link DtmfCaller#pcap}), each group on {@link #go()} from the test, when the IVR asks for it;
 * then it waits for Kefu's BYE. The go is an out-of-dialog SIP INFO with the call's Call-ID,
 * which Kefu chose, read from sipp's message trace.
 */
final class DtmfCustomer {

    private static final Pattern CALL_ID = Pattern.compile("(?m)^Call-ID:\\s*(\\S+)");
    private final Sipp sipp;
    private final int sipPort;
    private int sent;

    private DtmfCustomer(Sipp sipp, int sipPort) {
        this.sipp = sipp;
        this.sipPort = sipPort;
    }

    static DtmfCustomer answering(int sipPort, String number, int answerAfterMillis, List<String> groups) throws IOException {
        Path dir = Files.createTempDirectory("sipp-customer-dtmf-");
        String steps = DtmfCaller.keySteps(dir, groups);
        String xml = SCENARIO.replace("[steps]", steps).replace("[number]", number)
                .replace("[answer_after]", String.valueOf(answerAfterMillis));
        return new DtmfCustomer(Sipp.launch(dir, "customer-dtmf.xml", xml, sipPort, 170), sipPort);
    }

    /** Lets sipp key the next group. Call it when the IVR waits for those keys. */
    void go() throws IOException, InterruptedException {
        Matcher m = CALL_ID.matcher(sipp.messages());
        if (!m.find()) {
            throw new IllegalStateException("no INVITE reached the customer yet: " + sipp.report());
        }
        sent++;
        DtmfCaller.go(sipPort, m.group(1), sent);
    }

    Sipp sipp() {
        return sipp;
    }

    private static final String SCENARIO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE scenario SYSTEM "sipp.dtd">
            <scenario name="customer answers and keys entries with RFC 2833">
              <recv request="INVITE" timeout="60000"/>
              <send>
                <![CDATA[
            SIP/2.0 180 Ringing
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTagC[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[number]@[local_ip]:[local_port]>
            Content-Length: 0
                ]]>
              </send>
              <pause milliseconds="[answer_after]"/>
              <send retrans="500">
                <![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTagC[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[number]@[local_ip]:[local_port]>
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=customer 1 1 IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
                ]]>
              </send>
              <recv request="ACK"/>
            [steps]  <recv request="BYE" timeout="150000"/>
              <send>
                <![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[number]@[local_ip]:[local_port]>
            Content-Length: 0
                ]]>
              </send>
            </scenario>
            """;
}
