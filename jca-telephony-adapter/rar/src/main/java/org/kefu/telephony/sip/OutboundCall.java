package org.kefu.telephony.sip;

import java.util.concurrent.CompletableFuture;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A call we placed (to an agent's phone or a trunk). {@link #answered()} completes on 2xx (after our ACK)
 * or fails with {@link CallFailedException} carrying the final status.
 */
public final class OutboundCall extends SipCall implements ResponseSink {

    private static final Logger LOG = Logger.getLogger(OutboundCall.class);

    private final ClientTransaction inviteTx;
    private final String target;
    private final CompletableFuture<OutboundCall> answered = new CompletableFuture<>();
    private final CompletableFuture<Integer> progress = new CompletableFuture<>();
    private boolean provisionalSeen;
    private boolean cancelRequested;
    private volatile String remoteSdp;

    OutboundCall(SipContext ctx, String callId, ClientTransaction inviteTx, String target) {
        super(ctx, callId);
        this.inviteTx = inviteTx;
        this.target = target;
    }

    public String target() {
        return target;
    }

    /** Set when Kefu rings one of its desk phones at its registration. */
    private volatile boolean deskPhone;

    void deskPhone() {
        this.deskPhone = true;
    }

    @Override
    boolean isOutbound() {
        return true;
    }

    @Override
    boolean isDeskPhone() {
        return deskPhone;
    }

    /** Completes with the call once answered and ACKed; fails with CallFailedException otherwise. */
    public CompletableFuture<OutboundCall> answered() {
        return answered;
    }

    /** Completes with the first provisional status above 100 (180 ringing, 183 early media). */
    public CompletableFuture<Integer> progress() {
        return progress;
    }

    public String remoteSdp() {
        return remoteSdp;
    }

    /**
     * The caller gave up: CANCEL if the phone is ringing, BYE if it already answered.
     * RFC 3261 9.1: no CANCEL before a provisional response, so it is sent when one arrives.
     */
    public void cancel() {
        boolean sendNow;
        synchronized (this) {
            if (answered.isDone()) {
                sendNow = false;
            } else {
                cancelRequested = true;
                sendNow = provisionalSeen;
            }
        }
        if (answered.isDone()) {
            if (!answered.isCompletedExceptionally() && !isEnded()) {
                hangup();
            }
            return;
        }
        if (sendNow) {
            sendCancel();
        }
    }

    private void sendCancel() {
        try {
            Request cancel = inviteTx.createCancel();
            ClientTransaction tx = ctx.provider.getNewClientTransaction(cancel);
            tx.setApplicationData(IgnoringSink.INSTANCE);
            tx.sendRequest();
        } catch (Exception e) {
            LOG.debugf(e, "CANCEL for %s failed", callId);
        }
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            boolean cancelNow;
            synchronized (this) {
                cancelNow = cancelRequested && !provisionalSeen;
                provisionalSeen = true;
            }
            if (status > 100) {
                progress.complete(status);
            }
            if (cancelNow) {
                sendCancel();
            }
            return;
        }
        if (status < 300) {
            if (event.getDialog() != null && event.getDialog() != dialog) {
                // A second 2xx from a forked leg: accept it at SIP level, then hang it up (one leg per call).
                ack(event);
                return;
            }
            ack(event);
            SessionTimer.answered(this, response);
            remoteSdp = SipContext.body(response);
            boolean hangupNow;
            synchronized (this) {
                hangupNow = cancelRequested; // CANCEL crossed the 200: RFC 3261 says BYE
            }
            if (remoteSdp != null) {
                String sdp = remoteSdp;
                ctx.work.notify("media answered", () -> ctx.media.answered(callId, sdp));
            }
            answered.complete(this);
            if (hangupNow) {
                hangup();
            }
            return;
        }
        CallEnd why = status == Response.REQUEST_TERMINATED && cancelRequested ? CallEnd.CANCELLED : CallEnd.REJECTED;
        answered.completeExceptionally(new CallFailedException(status, response.getReasonPhrase()));
        end(why);
    }

    @Override
    public void onTimeout() {
        answered.completeExceptionally(new CallFailedException(Response.REQUEST_TIMEOUT, "no final response"));
        end(CallEnd.TIMEOUT);
    }

    @Override
    boolean end(CallEnd why) {
        boolean first = super.end(why);
        if (first && !answered.isDone()) {
            answered.completeExceptionally(new CallFailedException(Response.REQUEST_TERMINATED, why.name()));
        }
        return first;
    }

    @Override
    String transport() {
        return inviteTx.getRequest().getRequestURI() instanceof javax.sip.address.SipURI uri
                ? SipContext.transportOf(uri.getTransportParam()) : "udp";
    }

    @Override
    public String toString() {
        return "OutboundCall[" + callId + " ->" + target + "]";
    }
}
