package org.kefu.telephony.sip;

import java.io.IOException;

/** A hand-written INVITE/ACK/BYE exchange over a RawSipClient: the simplest possible caller. */
final class RawCall {

    private final RawSipClient client;
    private final int port;
    private final String dnis;
    private final String callId = "raw-" + System.nanoTime() + "@127.0.0.1";
    private final String fromTag = Long.toHexString(System.nanoTime());

    RawCall(RawSipClient client, int port, String dnis) {
        this.client = client;
        this.port = port;
        this.dnis = dnis;
    }

    String callId() {
        return callId;
    }

    static final String SDP = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 41000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    String inviteRequest(String branch, String extraHeaders) {
        return "INVITE sip:" + dnis + "@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + client.localPort() + ";branch=z9hG4bK" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:" + dnis + "@127.0.0.1>\r\n"
                + "From: \"Zhang San\" <sip:13800138000@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:13800138000@127.0.0.1:" + client.localPort() + ">\r\n"
                + extraHeaders
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP;
    }

    /** Send the INVITE and return the final response. */
    String invite() throws IOException {
        sendInvite("");
        return client.finalResponse(5000);
    }

    void sendInvite(String extraHeaders) throws IOException {
        client.send(inviteRequest("inv" + fromTag, extraHeaders));
    }

    /** Send an in-dialog request (REFER, ...) with the given CSeq and extra headers; returns the final response. */
    String request(String method, String ok, String extraHeaders) throws IOException {
        String r = inDialog(method, nextCseq++, ok, method.toLowerCase() + fromTag);
        client.send(r.replace("Content-Length: 0\r\n", extraHeaders + "Content-Length: 0\r\n"));
        return client.finalResponse(5000);
    }

    /** An in-dialog request with a body (INFO with application/dtmf-relay, ...); returns the final response. */
    String requestWithBody(String method, String ok, String contentType, String body) throws IOException {
        String r = inDialog(method, nextCseq++, ok, method.toLowerCase() + nextCseq + fromTag);
        client.send(r.replace("Content-Length: 0\r\n\r\n",
                "Content-Type: " + contentType + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
        return client.finalResponse(5000);
    }

    void ack(String ok) throws IOException {
        client.send(inDialog("ACK", 1, ok, "ack" + fromTag));
    }

    private int nextCseq = 2;

    String bye(String ok) throws IOException {
        client.send(inDialog("BYE", nextCseq++, ok, "bye" + fromTag));
        return client.finalResponse(5000);
    }

    void cancel() throws IOException {
        String branch = "inv" + fromTag; // CANCEL reuses the INVITE's branch
        client.send("CANCEL sip:" + dnis + "@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + client.localPort() + ";branch=z9hG4bK" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:" + dnis + "@127.0.0.1>\r\n"
                + "From: \"Zhang San\" <sip:13800138000@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 CANCEL\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    private String inDialog(String method, int cseq, String ok, String branch) {
        String to = RawSipClient.header(ok, "To");
        String contact = RawSipClient.header(ok, "Contact");
        String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + client.localPort() + ";branch=z9hG4bK" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: " + to + "\r\n"
                + "From: \"Zhang San\" <sip:13800138000@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
