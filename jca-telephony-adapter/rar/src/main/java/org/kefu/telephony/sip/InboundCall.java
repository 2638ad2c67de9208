package org.kefu.telephony.sip;

import java.util.ListIterator;
import java.util.Optional;
import java.util.UUID;
import javax.sip.ServerTransaction;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * An INVITE offered to the application: who calls (ANI), what was dialled (DNIS), and the means to ring,
 * answer or reject it. Methods are safe from any thread; late calls (after CANCEL) are ignored and return false.
 */
public final class InboundCall extends SipCall {

    private static final Logger LOG = Logger.getLogger(InboundCall.class);

    private enum State { OFFERED, EARLY, ANSWERED, FINISHED }

    private final ServerTransaction tx;
    private final Request invite;
    private final String toTag = UUID.randomUUID().toString().substring(0, 8);
    private final boolean fromTrunk;
    private final String sourceAddress;
    private volatile String extension;
    private State state = State.OFFERED;
    private String localSdp;
    private boolean established;

    InboundCall(SipContext ctx, ServerTransaction tx, Request invite, boolean fromTrunk, String sourceAddress) {
        super(ctx, ((javax.sip.header.CallIdHeader) invite.getHeader("Call-ID")).getCallId());
        this.tx = tx;
        this.invite = invite;
        this.fromTrunk = fromTrunk;
        this.sourceAddress = sourceAddress;
    }

    /** Calling number: the user part of From. */
    public String ani() {
        return SipContext.userOf(((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI());
    }

    /** Caller's display name from From, if any. */
    public Optional<String> callerName() {
        return Optional.ofNullable(((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getDisplayName());
    }

    /** Dialled number: the user part of the Request-URI. */
    public String dnis() {
        return SipContext.userOf(invite.getRequestURI());
    }

    /** First value of a header (e.g. "P-Asserted-Identity", "Diversion"), without the name. */
    public Optional<String> header(String name) {
        Header h = invite.getHeader(name);
        if (h == null) return Optional.empty();
        String s = h.toString();
        int colon = s.indexOf(':');
        return Optional.of(s.substring(colon + 1).trim());
    }

    /** All values of a header. */
    public java.util.List<String> headers(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        ListIterator<?> it = invite.getHeaders(name);
        while (it != null && it.hasNext()) {
            String s = it.next().toString();
            out.add(s.substring(s.indexOf(':') + 1).trim());
        }
        return out;
    }

    /** The caller's SDP offer, or null for a late-offer INVITE. */
    public String remoteSdp() {
        return SipContext.body(invite);
    }

    /** True when the source address is in the trunk ACL. */
    public boolean fromTrunk() {
        return fromTrunk;
    }

    /** The authenticated extension for calls from agents' phones, empty for trunk calls. */
    @Override
    boolean isDeskPhone() {
        return extension().isPresent();
    }

    public Optional<String> extension() {
        return Optional.ofNullable(extension);
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    void authenticated(String ext) {
        this.extension = ext;
    }

    void createDialog() throws javax.sip.SipException {
        dialog = ctx.provider.getNewDialog(tx);
        dialog.setApplicationData(this);
    }

    /** 180 Ringing. */
    public synchronized boolean ringing() {
        if (state != State.OFFERED && state != State.EARLY) return false;
        state = State.EARLY;
        return sendWithTag(Response.RINGING, null);
    }

    /** 183 Session Progress with early media (the negotiated answer); false if the offer was unacceptable. */
    public synchronized boolean progress() {
        if (state != State.OFFERED && state != State.EARLY) return false;
        if (!negotiate()) return false;
        state = State.EARLY;
        return sendWithTag(Response.SESSION_PROGRESS, localSdp);
    }

    /**
     * 200 OK with the media engine's answer to the caller's offer (or our offer for a late-offer INVITE).
     * If the media engine rejects the offer the call is rejected with 488 and this returns false.
     */
    public synchronized boolean answer() {
        if (state != State.OFFERED && state != State.EARLY) return false;
        if (!negotiate()) return false;
        return answerWith(localSdp);
    }

    /** 200 OK with SDP produced by the caller. */
    public synchronized boolean answer(String sdp) {
        if (state != State.OFFERED && state != State.EARLY) return false;
        localSdp = sdp;
        return answerWith(sdp);
    }

    private boolean answerWith(String sdp) {
        state = State.ANSWERED;
        return sendWithTag(Response.OK, sdp);
    }

    /** Final non-2xx (486 busy, 480 unavailable, 404, 603 ...). */
    public synchronized boolean reject(int status) {
        if (status < 300 || status > 699) throw new IllegalArgumentException("not a rejection: " + status);
        if (state != State.OFFERED && state != State.EARLY) return false;
        state = State.FINISHED;
        // Off the call table before the answer leaves: a phone answering a 407 with credentials at
        // once reuses the Call-ID, and must not find this leg still there (482 Loop Detected).
        end(CallEnd.REJECTED);
        sendWithTag(status, null);
        return true;
    }

    /** Reject with an extra header (407 with Proxy-Authenticate, 503 with Retry-After). */
    synchronized boolean reject(int status, Header... extra) {
        if (state != State.OFFERED && state != State.EARLY) return false;
        state = State.FINISHED;
        Response r = ctx.response(status, invite);
        SipContext.tag(r, toTag);
        for (Header h : extra) {
            r.addHeader(h);
        }
        end(CallEnd.REJECTED); // before sending, as in reject(int)
        ctx.send(tx, r);
        return true;
    }

    /** CANCEL arrived: 487 if still unanswered. */
    synchronized boolean cancelled() {
        if (state != State.OFFERED && state != State.EARLY) return false;
        state = State.FINISHED;
        sendWithTag(Response.REQUEST_TERMINATED, null);
        end(CallEnd.CANCELLED);
        return true;
    }

    /** ACK for our 200: with a late offer the ACK carries the caller's answer. */
    void acked(Request ack) {
        synchronized (this) {
            if (established) return; // ACKs for later re-INVITEs are not news
            established = true;
        }
        String sdp = SipContext.body(ack);
        if (sdp != null && remoteSdp() == null) {
            ctx.media.answered(callId, sdp);
        }
        ctx.handler.onEstablished(this);
    }

    private boolean negotiate() {
        if (localSdp != null) return true;
        String offer = remoteSdp();
        if (offer == null) {
            localSdp = ctx.media.offer(callId, MediaDirection.SENDRECV, mediaSecurity()); // late offer: we offer in the 200
            return true;
        }
        SdpAnswer a = ctx.media.answer(callId, offer, mediaSecurity());
        if (!a.accepted()) {
            if (a.policyRefusal()) {
                SrtpAudit.refusedOffer(ctx.refusals, this, transport(), ctx.srtpPolicy, a.rejectReason());
            }
            state = State.FINISHED;
            Response r = ctx.response(Response.NOT_ACCEPTABLE_HERE, invite);
            SipContext.tag(r, toTag);
            try {
                r.addHeader(ctx.headers.createWarningHeader(ctx.config.contactHost(), 304, a.rejectReason()));
            } catch (Exception e) {
                LOG.debug("warning header", e);
            }
            ctx.send(tx, r);
            end(CallEnd.REJECTED);
            return false;
        }
        localSdp = a.sdp();
        return true;
    }

    private boolean sendWithTag(int status, String sdp) {
        Response r = ctx.response(status, invite);
        SipContext.tag(r, toTag);
        if (status < 300) {
            r.addHeader(ctx.contact(transport()));
        }
        if (status >= 200 && status < 300) {
            try {
                r.addHeader(ctx.headers.createAllowHeader(SipContext.ALLOW));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
            SessionTimer.grant(ctx, this, invite, r);
        }
        if (sdp != null) {
            ctx.setSdp(r, sdp);
        }
        return ctx.send(tx, r);
    }

    @Override
    String transport() {
        return ((gov.nist.javax.sip.stack.SIPTransaction) tx).getTransport().toLowerCase();
    }

    @Override
    public String toString() {
        return "InboundCall[" + callId + " " + ani() + "->" + dnis() + "]";
    }
}
