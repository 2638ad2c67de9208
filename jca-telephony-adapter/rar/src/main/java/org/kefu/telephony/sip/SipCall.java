package org.kefu.telephony.sip;

import java.util.concurrent.CompletableFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * One call leg with its SIP dialog: what inbound and outbound legs have in common (hang up, hold, retrieve).
 * Thread-safe; state changes are serialised on the call object.
 */
public abstract class SipCall {

    private static final Logger LOG = Logger.getLogger(SipCall.class);

    final SipContext ctx;
    final String callId;
    volatile Dialog dialog;
    private final CompletableFuture<CallEnd> ended = new CompletableFuture<>();
    private volatile MediaDirection localDirection = MediaDirection.SENDRECV;
    /** When the leg began (INVITE sent or received): its duration limit counts from here. */
    final long createdNanos = System.nanoTime();
    /** When to end the leg unless the peer refreshes its session timer (System.nanoTime()), 0 for no timer. */
    volatile long sessionDeadlineNanos;
    /** When we must refresh the session (we are the refresher of the callee's timer), 0 for never. */
    volatile long refreshAtNanos;

    SipCall(SipContext ctx, String callId) {
        this.ctx = ctx;
        this.callId = callId;
    }

    public String callId() {
        return callId;
    }

    /**
     * Completes (on a SIP or application thread) when the leg is over. Chain with the *Async methods if the
     * continuation does real work.
     */
    public CompletableFuture<CallEnd> ended() {
        return ended;
    }

    public boolean isEnded() {
        return ended.isDone();
    }

    /** Our current media direction as last offered (SENDONLY while we hold the call). */
    public MediaDirection localDirection() {
        return localDirection;
    }

    boolean confirmed() {
        Dialog d = dialog;
        return d != null && d.getState() == DialogState.CONFIRMED;
    }

    /** Send BYE. Only for an answered call; an unanswered one is rejected (inbound) or cancelled (outbound). */
    public void hangup() {
        Dialog d = dialog;
        if (isEnded()) {
            return;
        }
        if (d == null || d.getState() != DialogState.CONFIRMED) {
            throw new IllegalStateException("call " + callId + " is not established");
        }
        // A referrer released while its REFER is pending: the transfer went ahead. Say so before
        // the BYE ends the dialog the NOTIFY travels in.
        referFinished(Response.OK);
        try {
            Request bye = d.createRequest(Request.BYE);
            sendInDialog(d, bye, IgnoringSink.INSTANCE);
        } catch (Exception e) {
            LOG.debugf(e, "BYE for %s failed", callId);
        } finally {
            end(CallEnd.LOCAL_HANGUP);
        }
    }

    /**
     * A limit ran out ({@link CallLimitEnforcer}): BYE to the peer, and the leg ends with the reason,
     * which the switch sees through {@link #ended()} as for any leg that ends.
     */
    void expire(CallEnd why) {
        Dialog d = dialog;
        if (isEnded() || d == null || d.getState() != DialogState.CONFIRMED) {
            return;
        }
        referFinished(Response.OK);
        try {
            sendInDialog(d, d.createRequest(Request.BYE), IgnoringSink.INSTANCE);
        } catch (Exception e) {
            LOG.debugf(e, "BYE for %s failed", callId);
        } finally {
            end(why);
        }
    }

    /** CSeq of the REFER whose outcome the referrer has not been told yet (RFC 3515), or -1. */
    private long pendingRefer = -1;

    /**
     * A REFER on this leg was answered 202: it creates an implicit subscription (RFC 3515, 2.4.4),
     * so the referrer gets a NOTIFY at once ("100 Trying") and another with the outcome.
     */
    synchronized void referAccepted(long referCseq) {
        if (pendingRefer >= 0) {
            referFinished(Response.REQUEST_TERMINATED); // a second REFER replaces the first
        }
        pendingRefer = referCseq;
        notifyReferrer(referCseq, Response.TRYING, false);
    }

    /** The outcome of the pending REFER, as a SIP status (sent once; later calls do nothing). */
    synchronized void referFinished(int status) {
        long cseq = pendingRefer;
        if (cseq < 0) {
            return;
        }
        pendingRefer = -1;
        notifyReferrer(cseq, status, true);
    }

    private void notifyReferrer(long referCseq, int status, boolean last) {
        Dialog d = dialog;
        if (d == null || d.getState() != DialogState.CONFIRMED) {
            return;
        }
        try {
            Request notify = d.createRequest(Request.NOTIFY);
            javax.sip.header.EventHeader event = ctx.headers.createEventHeader("refer");
            event.setEventId(Long.toString(referCseq)); // id = the REFER's CSeq (RFC 3515, 2.4.6)
            notify.setHeader(event);
            javax.sip.header.SubscriptionStateHeader state = ctx.headers.createSubscriptionStateHeader(
                    last ? javax.sip.header.SubscriptionStateHeader.TERMINATED : javax.sip.header.SubscriptionStateHeader.ACTIVE);
            if (last) {
                state.setReasonCode(javax.sip.header.SubscriptionStateHeader.NO_RESOURCE);
            } else {
                state.setExpires(60);
            }
            notify.setHeader(state);
            notify.setHeader(ctx.contact(transport()));
            javax.sip.header.ContentTypeHeader type = ctx.headers.createContentTypeHeader("message", "sipfrag");
            type.setParameter("version", "2.0");
            notify.setContent("SIP/2.0 " + status + " " + reasonPhrase(status) + "\r\n", type);
            sendInDialog(d, notify, IgnoringSink.INSTANCE);
        } catch (Exception e) {
            LOG.debugf(e, "NOTIFY of the REFER outcome on %s failed", callId);
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case Response.TRYING -> "Trying";
            case Response.OK -> "OK";
            case Response.NOT_FOUND -> "Not Found";
            case Response.BUSY_HERE -> "Busy Here";
            case Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST -> "Call Does Not Exist";
            case Response.REQUEST_TERMINATED -> "Request Terminated";
            case Response.NOT_IMPLEMENTED -> "Not Implemented";
            case Response.SERVICE_UNAVAILABLE -> "Service Unavailable";
            case Response.DECLINE -> "Decline";
            default -> status < 300 ? "OK" : "Failed";
        };
    }

    /** Put the far end on hold: re-INVITE with a=sendonly. Completes with the final status of the re-INVITE. */
    public CompletableFuture<Integer> hold() {
        return reInvite(MediaDirection.SENDONLY);
    }

    /** Take the call off hold: re-INVITE with a=sendrecv. */
    public CompletableFuture<Integer> retrieve() {
        return reInvite(MediaDirection.SENDRECV);
    }

    /**
     * Refreshes the session timer we are the refresher of (RFC 4028): a re-INVITE with our current
     * direction. 408 or 481 (the peer has lost the dialog, or is gone) ends the leg with BYE; other
     * failures try again a little later, before the peer's own deadline.
     */
    void refreshSession() {
        refreshAtNanos = 0;
        reInvite(localDirection).whenComplete((status, failure) -> {
            if (failure == null && (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST)) {
                LOG.infof("Ending call leg %s: its session refresh got %d", callId, status);
                expire(CallEnd.SESSION_EXPIRED);
            } else if (failure != null || status >= 300) {
                if (!isEnded() && refreshAtNanos == 0) {
                    refreshAtNanos = System.nanoTime() + 5_000_000_000L;
                }
            }
        });
    }

    /** re-INVITE with an offer of the given direction (SENDONLY or INACTIVE for hold). */
    public CompletableFuture<Integer> reInvite(MediaDirection direction) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Dialog d = dialog;
        if (isEnded() || d == null || d.getState() != DialogState.CONFIRMED) {
            result.completeExceptionally(new IllegalStateException("call " + callId + " is not established"));
            return result;
        }
        try {
            String offer = ctx.media.offer(callId, direction, mediaSecurity());
            Request request = d.createRequest(Request.INVITE);
            request.setHeader(ctx.contact(transport()));
            if (isOutbound()) {
                SessionTimer.request(ctx, request); // any re-INVITE of ours refreshes the session (RFC 4028)
            }
            ctx.setSdp(request, offer);
            sendInDialog(d, request, new ResponseSink() {
                @Override
                public void onResponse(ResponseEvent event) {
                    Response response = event.getResponse();
                    int status = response.getStatusCode();
                    if (status < 200) {
                        return;
                    }
                    if (status < 300) {
                        ack(event);
                        localDirection = direction;
                        if (isOutbound()) {
                            SessionTimer.answered(SipCall.this, response);
                        }
                        String answer = SipContext.body(response);
                        if (answer != null) {
                            ctx.work.notify("media answered", () -> ctx.media.answered(callId, answer));
                        }
                    }
                    result.complete(status);
                }

                @Override
                public void onTimeout() {
                    result.complete(Response.REQUEST_TIMEOUT);
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(new SipLinkException("re-INVITE failed for " + callId, e));
        }
        return result;
    }

    /**
     * Sends an in-dialog INFO with a body, e.g. {@code application/dtmf-relay} to a peer that
     * negotiated no telephone-event. Completes with the final status (408 on timeout). The body is
     * never logged (it may carry a PIN digit).
     */
    public CompletableFuture<Integer> info(String type, String subType, String body) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Dialog d = dialog;
        if (isEnded() || d == null || d.getState() != DialogState.CONFIRMED) {
            result.completeExceptionally(new IllegalStateException("call " + callId + " is not established"));
            return result;
        }
        try {
            Request request = d.createRequest(Request.INFO);
            request.setContent(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    ctx.headers.createContentTypeHeader(type, subType));
            sendInDialog(d, request, new ResponseSink() {
                @Override
                public void onResponse(ResponseEvent event) {
                    int status = event.getResponse().getStatusCode();
                    if (status >= 200) {
                        result.complete(status);
                    }
                }

                @Override
                public void onTimeout() {
                    result.complete(Response.REQUEST_TIMEOUT);
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(new SipLinkException("INFO failed for " + callId, e));
        }
        return result;
    }

    /** Sends an in-dialog request on a client transaction of its own; its responses go to {@code sink}. */
    private void sendInDialog(Dialog d, Request request, ResponseSink sink) throws javax.sip.SipException {
        // The dialog builds the Via from the listening point, which is 0.0.0.0 when Kefu listens on
        // every interface: a phone would answer to nowhere. Our address and rport, as in our INVITEs.
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        if (via != null) {
            try {
                via.setHost(ctx.config.contactHost());
                via.setRPort();
            } catch (java.text.ParseException | javax.sip.InvalidArgumentException e) {
                throw new javax.sip.SipException("cannot set our address in Via", e);
            }
        }
        ClientTransaction tx = ctx.provider.getNewClientTransaction(request);
        tx.setApplicationData(sink);
        d.sendRequest(tx);
    }

    void ack(ResponseEvent event) {
        try {
            Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
            long cseq = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
            d.sendAck(d.createAck(cseq));
        } catch (Exception e) {
            LOG.debugf(e, "ACK for %s failed", callId);
        }
    }

    /** Whether we placed this leg (we were the UAC of its INVITE). */
    boolean isOutbound() {
        return false;
    }

    /** Transport of the leg ("udp"/"tcp"), for our Contact. */
    abstract String transport();

    /**
     * True when the far end of this leg is one of our desk phones, known by its digest credentials
     * (it called us authenticated, or we rang it at its registration): only such a leg may ask Kefu
     * to transfer (REFER), never a trunk's caller or an outside number.
     */
    abstract boolean isDeskPhone();

    /** What this leg's media may and must be under the SRTP policy: from its transport and whether it is a desk phone's. */
    MediaSecurity mediaSecurity() {
        return MediaSecurity.forLeg(ctx.srtpPolicy, "tls".equalsIgnoreCase(transport()), isDeskPhone());
    }

    /** Mark the leg over (once), drop it from the call table, release media. */
    boolean end(CallEnd why) {
        if (ended.isDone()) {
            return false;
        }
        ctx.calls.remove(callId, this); // before the end is reported: whoever sees it sees the table without it
        if (!ended.complete(why)) {
            return false;
        }
        ctx.sdp.forget(callId);
        ctx.work.notify("media released", () -> ctx.media.released(callId));
        return true;
    }

    /** The far end hung up. */
    void remoteHangup() {
        if (end(CallEnd.REMOTE_HANGUP)) {
            ctx.work.notify("hangup", () -> ctx.handler.onHangup(this));
        }
    }

    /** Responses nobody waits for (BYE, CANCEL). */
    enum IgnoringSink implements ResponseSink {
        INSTANCE;

        @Override public void onResponse(ResponseEvent event) { }
        @Override public void onTimeout() { }
    }
}
