package org.kefu.telephony.sip;

import java.io.IOException;

/** A hand-written INVITE/ACK/BYE exchange over a RawSipClient: the simplest possible caller. */
final class RawCall {

    private final RawSipClient client;
    private final int port;
    private final String dnis;
    private final String callId = "raw-" + System.nanoTime() + "@127.0.0.1";
    private final String fromTag = Long.toHexString(System.nanoTime());

    /** The caller's user in From: a PSTN number, or a desk phone's extension. */
    private final String caller;
    /** CSeq of the INVITE that the final response answers (2 after a digest challenge). */
    private int inviteCseq = 1;

    RawCall(RawSipClient client, int port, String dnis) {
        this(client, port, dnis, "13800138000");
    }

    RawCall(RawSipClient client, int port, String dnis, String caller) {
        this.client = client;
        this.port = port;
        this.dnis = dnis;
        this.caller = caller;
    }

    /**
     * A desk phone's call: the INVITE, the 407 challenge and its ACK, the INVITE again with
     * Proxy-Authorization (CSeq 2); returns the final response.
     */
    String inviteAuthenticated(String password) throws IOException {
        String first = inviteRequest("inv" + fromTag, "");
        client.send(first);
        String challenge = client.finalResponse(5000);
        if (RawSipClient.status(challenge) != 407) {
            return challenge;
        }
        client.send("ACK sip:" + dnis + "@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: " + RawSipClient.header(first, "Via") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: " + RawSipClient.header(challenge, "To") + "\r\n"
                + "From: " + RawSipClient.header(first, "From") + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
        String nonce = SipLinkTest.nonce(RawSipClient.header(challenge, "Proxy-Authenticate"));
        String auth = SipLinkTest.authorization(caller, password, nonce, "INVITE", "sip:" + dnis + "@127.0.0.1:" + port);
        inviteCseq = 2;
        nextCseq = 3;
        client.send(inviteRequest("inv2" + fromTag, "Proxy-Authorization: " + auth + "\r\n"));
        return client.finalResponse(5000);
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
                + "From: \"Zhang San\" <sip:" + caller + "@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + inviteCseq + " INVITE\r\n"
                + "Contact: <sip:" + caller + "@127.0.0.1:" + client.localPort() + ">\r\n"
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
        client.send(inDialog("ACK", inviteCseq, ok, "ack" + fromTag));
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
                + "From: \"Zhang San\" <sip:" + caller + "@127.0.0.1>;tag=" + fromTag + "\r\n"
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
                + "From: \"Zhang San\" <sip:" + caller + "@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
