package org.kefu.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A PSTN caller (the real sipp) who keys whole entries on the keypad as RFC 2833 telephone
 * events: an account number, a PIN, a price with * and #. sipp's own DTMF pcaps cannot do that
 * (one file per key, all with fixed RTP timestamps, so a repeated key would be one press), so
 * this writes one small pcap per key press with increasing timestamps and sequence numbers, and
 * a scenario that plays them. Each group of keys waits for a go from the test (an out-of-dialog
 * SIP INFO the test sends to sipp's port with the call's Call-ID), so the keys are pressed
 * when the IVR is asking for them, not on a guessed timetable.
 */
final class DtmfCaller {

    private final Sipp sipp;
    private final int sipPort;
    private final String callId;
    private int sent;

    private DtmfCaller(Sipp sipp, int sipPort) {
        this.sipp = sipp;
        this.sipPort = sipPort;
        // sipp keys its calls by its own Call-ID, "<call number>-<pid>@<local ip>" (-cid_str default).
        this.callId = "1-" + sipp.pid() + "@127.0.0.1";
    }

    /**
     * Calls {@code service} from {@code caller} and keys {@code groups} one after another, each on
     * {@link #go()}; after the last group it waits for Kefu's BYE.
     */
    static DtmfCaller call(String service, String caller, List<String> groups) throws IOException {
        int port = Sipp.nextPort();
        Path dir = Files.createTempDirectory("sipp-dtmf-");
        String steps = keySteps(dir, groups);
        String xml = SCENARIO.replace("[steps]", steps).replace("[service]", service).replace("[caller]", caller);
        return new DtmfCaller(Sipp.launch(dir, "caller-dtmf.xml", xml, port, 170), port);
    }

    /** Lets sipp key the next group. Call it when the IVR waits for those keys. */
    void go() throws IOException, InterruptedException {
        sent++;
        go(sipPort, callId, sent);
    }

    /**
     * The scenario steps that key {@code groups} (one pcap per key press written into {@code dir}),
     * each group after a go: a SIP INFO received in the call.
     */
    static String keySteps(Path dir, List<String> groups) throws IOException {
        StringBuilder steps = new StringBuilder();
        int press = 0;
        for (String group : groups) {
            steps.append("  <recv request=\"INFO\" timeout=\"150000\"/>\n");
            for (int i = 0; i < group.length(); i++) {
                String file = "key-" + press + ".pcap";
                Files.write(dir.resolve(file), pcap(group.charAt(i), press));
                if (i > 0) {
                    steps.append("  <pause milliseconds=\"300\"/>\n");
                }
                steps.append("  <nop><action><exec play_pcap_audio=\"").append(file).append("\"/></action></nop>\n");
                press++;
            }
        }
        return steps.toString();
    }

    /** The {@code n}th go to the sipp on {@code sipPort}: an out-of-dialog INFO with the call's Call-ID. */
    static void go(int sipPort, String callId, int n) throws IOException, InterruptedException {
        // The flow's state says "waiting for digits" just before the switch has the collection set
        // up: give it a moment, as a person would.
        Thread.sleep(200);
        String info = "INFO sip:test@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-go-" + n + "\r\n"
                + "From: <sip:test@127.0.0.1>;tag=go\r\n"
                + "To: <sip:caller@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + (100 + n) + " INFO\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] b = info.getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), sipPort));
        }
    }

    Sipp sipp() {
        return sipp;
    }

    /**
     * One key press as RFC 4733 packets in a pcap (Ethernet, IPv4, UDP, RTP payload type 101):
     * five packets of a growing duration, then three end packets, 20 ms apart. Each press has its
     * own RTP timestamp (one second of RTP time after the previous one), as a phone's would.
     */
    static byte[] pcap(char key, int press) {
        int event = key == '*' ? 10 : key == '#' ? 11 : key - '0';
        if (event < 0 || event > 11) {
            throw new IllegalArgumentException("not a keypad key: " + key);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
        long timestamp = 8000L * (press + 1);
        for (int n = 0; n < 8; n++) {
            boolean end = n >= 5;
            int duration = end ? 960 : 160 * (n + 1);
            ByteBuffer rtp = ByteBuffer.allocate(16);
            rtp.put((byte) 0x80).put((byte) ((n == 0 ? 0x80 : 0) | 101)).putShort((short) (1000 + press * 10 + n))
                    .putInt((int) timestamp).putInt(0x4b454655)
                    .put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
            byte[] frame = frame(rtp.array());
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            long micros = n * 20_000L;
            rec.putInt(1_700_000_000 + (int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame.length).putInt(frame.length);
            out.writeBytes(rec.array());
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** Ethernet + IPv4 + UDP around an RTP packet (sipp replaces addresses and ports). */
    private static byte[] frame(byte[] rtp) {
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + 8 + rtp.length);
        f.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        int ipLength = 20 + 8 + rtp.length;
        int ipStart = f.position();
        f.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        int sum = 0;
        for (int i = ipStart; i < ipStart + 20; i += 2) {
            sum += ((f.get(i) & 0xff) << 8) | (f.get(i + 1) & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        f.putShort(ipStart + 10, (short) ~sum);
        f.putShort((short) 30000).putShort((short) 30002).putShort((short) (8 + rtp.length)).putShort((short) 0);
        f.put(rtp);
        return f.array();
    }

    private static final String SCENARIO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE scenario SYSTEM "sipp.dtd">
            <scenario name="caller keys entries with RFC 2833">
              <send retrans="500">
                <![CDATA[
            INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:[caller]@[local_ip]:[local_port]>;tag=[pid]SIPpTagK[call_number]
            To: <sip:[service]@[remote_ip]:[remote_port]>
            Call-ID: [call_id]
            CSeq: 1 INVITE
            Contact: <sip:[caller]@[local_ip]:[local_port]>
            Max-Forwards: 70
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=caller 1 1 IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
                ]]>
              </send>
              <recv response="100" optional="true"/>
              <recv response="180" optional="true"/>
              <recv response="183" optional="true"/>
              <recv response="200" timeout="20000"/>
              <send>
                <![CDATA[
            ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:[caller]@[local_ip]:[local_port]>;tag=[pid]SIPpTagK[call_number]
            To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
            Call-ID: [call_id]
            CSeq: 1 ACK
            Contact: <sip:[caller]@[local_ip]:[local_port]>
            Max-Forwards: 70
            Content-Length: 0
                ]]>
              </send>
            [steps]  <recv request="BYE" timeout="150000"/>
              <send>
                <![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[caller]@[local_ip]:[local_port]>
            Content-Length: 0
                ]]>
              </send>
            </scenario>
            """;
}
