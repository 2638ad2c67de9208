package org.kefu.telephony.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The stack's single SipListener: routes each event by method.
 * Runs on JAIN-SIP threads, concurrently (REENTRANT_LISTENER): only cheap, non-blocking work here;
 * anything touching the application or the database goes through the {@link WorkGate}.
 */
final class SipDispatcher implements SipListener {

    private static final Logger LOG = Logger.getLogger(SipDispatcher.class);

    private final SipContext ctx;
    private final RequestScreen screen;
    private final TrunkAcl acl;
    private final Registrar registrar;
    private final DigestAuthenticator authenticator;
    private final CredentialSource credentials;
    private final AdmissionRate admission = AdmissionRate.standard();
    private final AuthGuard guard;

    SipDispatcher(SipContext ctx, TrunkAcl acl, Registrar registrar, DigestAuthenticator authenticator,
                  CredentialSource credentials, AuthGuard guard) {
        this.guard = guard;
        this.ctx = ctx;
        this.screen = new RequestScreen(ctx.messages, ctx.headers);
        this.acl = acl;
        this.registrar = registrar;
        this.authenticator = authenticator;
        this.credentials = credentials;
    }

    @Override
    public void processRequest(RequestEvent event) {
        try {
            route(event);
        } catch (Throwable t) {
            // Never let an exception escape into the stack's thread: log, and the peer retransmits or gives up.
            LOG.warnf(t, "failed to process %s", event.getRequest().getMethod());
        }
    }

    private void route(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (method.equals(Request.ACK)) {
            onAck(event);
            return;
        }
        ServerTransaction tx = event.getServerTransaction();
        if (request.getHeader(javax.sip.header.MaxForwardsHeader.NAME) == null) {
            // RFC 2543 requests have none (RFC 4475 inv2543); JAIN-SIP refuses a transaction without it.
            request.setHeader(ctx.headers.createMaxForwardsHeader(70));
        }
        if (method.equals(Request.INVITE) && request.getHeader(javax.sip.header.ContactHeader.NAME) == null
                && request.getHeader(FromHeader.NAME) instanceof FromHeader from) {
            // RFC 2543 semantics: no Contact means "reach me at From". JAIN-SIP insists on a Contact.
            request.setHeader(ctx.headers.createContactHeader(from.getAddress()));
        }
        if (tx == null && method.equals(Request.INVITE) && event.getDialog() == null) {
            // A new call. Admission here, on the SIP thread, before anything is allocated, not even
            // a transaction: under a storm most INVITEs are refused, and a refusal must cost little.
            if (((SIPTransactionStack) ((gov.nist.javax.sip.SipProviderImpl) ctx.provider).getSipStack())
                    .findTransaction((SIPRequest) request, true) != null) {
                return; // a retransmission of a call in progress: its transaction answers it, never refused
            }
            String refusal = admission((SIPRequest) request);
            if (refusal != null) {
                ctx.shedding.refused(refusal);
                Response busy = ctx.response(Response.SERVICE_UNAVAILABLE, request);
                busy.addHeader(retryAfter());
                ctx.provider.sendResponse(busy); // statelessly: the caller's ACK, or its retransmission, is all that can follow
                return;
            }
            ctx.shedding.admitted();
        }
        if (tx == null) {
            try {
                tx = ctx.provider.getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException retransmission) {
                return; // the existing transaction answers it
            } catch (javax.sip.TransactionUnavailableException e) {
                LOG.debugf(e, "no transaction for %s; dropped", method);
                return;
            }
        }
        Optional<Response> rejection = screen.screen(request);
        if (rejection.isPresent()) {
            ctx.send(tx, rejection.get());
            return;
        }
        switch (method) {
            case Request.OPTIONS -> onOptions(tx, request);
            case Request.REGISTER -> onRegister(tx, request);
            case Request.INVITE -> {
                if (event.getDialog() != null && event.getDialog().getApplicationData() instanceof SipCall call) {
                    onReInvite(tx, request, call);
                } else {
                    onInvite(tx, request);
                }
            }
            case Request.CANCEL -> onCancel(tx, request);
            case Request.BYE -> onBye(tx, request, event.getDialog());
            case Request.REFER -> onRefer(tx, request, event.getDialog());
            case Request.INFO -> onInfo(tx, request, event.getDialog());
            default -> ctx.respond(tx, request, Response.NOT_IMPLEMENTED);
        }
    }

    private void onOptions(ServerTransaction tx, Request request) throws Exception {
        Response ok = ctx.response(Response.OK, request);
        ok.addHeader(ctx.headers.createAllowHeader(SipContext.ALLOW));
        ok.addHeader(ctx.headers.createAcceptHeader("application", "sdp"));
        ok.addHeader(ctx.headers.createHeader("Accept-Language", "en"));
        ctx.send(tx, ok);
    }

    private void onRegister(ServerTransaction tx, Request request) {
        SIPRequest r = (SIPRequest) request;
        String transport = ((SIPTransaction) tx).getTransport().toLowerCase();
        String host = sourceHost(r);
        int port = r.getRemotePort();
        ServerTransaction t = tx;
        if (!ctx.work.submit(() -> registrar.register(t, request, transport, host, port))) {
            overloaded(tx, request);
        }
    }

    /** Why this new call is refused now (503), or null to let it in. */
    private String admission(SIPRequest request) {
        String host = sourceHost(request);
        int port = request.getRemotePort();
        if (ctx.handler.exempt(host, port)) {
            return null;
        }
        String refusal = ctx.handler.refusal(host, port);
        if (refusal != null) {
            return refusal;
        }
        String overload = ctx.handler.overload();
        if (admission.admit(overload != null, System.nanoTime())) {
            return null;
        }
        return (overload != null ? overload + "; " : "") + String.format(java.util.Locale.ROOT,
                "new calls let in at %.0f/s", admission.rate());
    }

    private void onInvite(ServerTransaction tx, Request request) throws Exception {
        ctx.respond(tx, request, Response.TRYING);
        SIPRequest r = (SIPRequest) request;
        String source = sourceHost(r);
        boolean trunk = acl.permits(source);
        InboundCall call = new InboundCall(ctx, tx, request, trunk, source);
        if (ctx.calls.putIfAbsent(call.callId(), call) != null) {
            ctx.respond(tx, request, Response.LOOP_DETECTED); // same Call-ID, new transaction: merged request
            return;
        }
        if (ctx.handler.exempt(source, r.getRemotePort())) {
            ctx.work.notify("warm-up call", () -> admit(call, request)); // the warm-up is let in whatever the load
        } else if (!ctx.work.submit(() -> admit(call, request))) {
            ctx.shedding.refused("SIP work cap of " + ctx.config.maxPendingWork() + " reached");
            call.reject(Response.SERVICE_UNAVAILABLE, retryAfter());
        }
    }

    /** On the application executor: authenticate non-trunk callers, then offer the call. */
    private void admit(InboundCall call, Request request) {
        try {
            if (!call.fromTrunk()) {
                String fromUser = SipContext.userOf(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI());
                String source = call.sourceAddress();
                if (fromUser == null) {
                    ctx.refusals.refused("SIP_UNTRUSTED_SOURCE", null, null, source,
                            "INVITE from outside the trunk list with no user to authenticate (403)");
                    call.reject(Response.FORBIDDEN);
                    return;
                }
                if (guard.blocked(source, fromUser, registrar::registeredFrom)) {
                    guard.refusedWhileBlocked(source, fromUser, Request.INVITE);
                    call.reject(Response.FORBIDDEN); // guessing from here: not even checked
                    return;
                }
                // Known and unknown extensions are answered alike (challenge, then 403): the answers
                // must not tell a scanner which extensions exist.
                DigestAuthenticator.Result auth = authenticator.verify(Registrar.digest(request.getHeader(
                        ProxyAuthorizationHeader.NAME)), Request.INVITE, request.getRequestURI().toString(), credentials);
                switch (auth.verdict()) {
                    case MISSING, STALE -> {
                        java.util.List<Header> challenges = new java.util.ArrayList<>();
                        for (String c : authenticator.challenges(auth.verdict() == DigestAuthenticator.Verdict.STALE, fromUser)) {
                            challenges.add(ctx.headers.createHeader("Proxy-Authenticate", c));
                        }
                        call.reject(Response.PROXY_AUTHENTICATION_REQUIRED, challenges.toArray(new Header[0]));
                        return;
                    }
                    case FORBIDDEN -> {
                        guard.failed(source, fromUser, Request.INVITE);
                        call.reject(Response.FORBIDDEN);
                        return;
                    }
                    default -> {
                        guard.succeeded(source);
                        call.authenticated(auth.extension());
                    }
                }
                if (call.mediaSecurity() == MediaSecurity.REFUSED) {
                    // SrtpPolicy=required: an extension's call must come over TLS (its SRTP key travels in the SDP).
                    SrtpAudit.refusedInvite(ctx.refusals, call, call.transport(), source);
                    call.reject(Response.NOT_ACCEPTABLE_HERE, ctx.headers.createWarningHeader(ctx.config.contactHost(), 399,
                            "SIP over TLS and SRTP required for extensions"));
                    return;
                }
                int limit = ctx.limits.maxCallsPerExtension();
                String ext = auth.extension();
                if (limit > 0 && ctx.calls.values().stream().filter(c -> c instanceof InboundCall in && !in.isEnded()
                        && in.extension().filter(ext::equals).isPresent()).count() > limit) {
                    // A stolen phone login must not become a pool of simultaneous outside calls.
                    ctx.refusals.refused("CALL_LIMIT_REFUSED", ext, call.dnis(), source,
                            "extension " + ext + " has " + limit + " call(s) already (486)");
                    call.reject(Response.BUSY_HERE);
                    return;
                }
            }
            Response tooSmall = SessionTimer.tooSmall(ctx, request);
            if (tooSmall != null) {
                call.reject(422, tooSmall.getHeader("Min-SE"));
                return;
            }
            call.createDialog();
            ctx.handler.onInvite(call);
        } catch (Exception e) {
            LOG.warnf(e, "call %s failed in admission", call.callId());
            call.reject(Response.SERVER_INTERNAL_ERROR);
        }
    }

    private void onReInvite(ServerTransaction tx, Request request, SipCall call) {
        if (!ctx.work.submit(() -> {
            String offer = SipContext.body(request);
            Response ok;
            if (offer == null) {
                ok = ctx.response(Response.OK, request);
                ctx.setSdp(ok, ctx.media.offer(call.callId(), call.localDirection(), call.mediaSecurity()));
            } else {
                SdpAnswer answer = ctx.media.answer(call.callId(), offer, call.mediaSecurity());
                if (!answer.accepted()) {
                    if (answer.policyRefusal()) {
                        SrtpAudit.refusedOffer(ctx.refusals, call, call.transport(), ctx.srtpPolicy, answer.rejectReason());
                    }
                    ctx.respond(tx, request, Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                ok = ctx.response(Response.OK, request);
                ctx.setSdp(ok, answer.sdp());
            }
            ok.addHeader(ctx.contact(call.transport()));
            SessionTimer.grant(ctx, call, request, ok); // a re-INVITE also refreshes the session timer
            ctx.send(tx, ok);
            if (offer != null) {
                ctx.handler.onMediaChange(call, directionOf(offer));
            }
        })) {
            overloaded(tx, request);
        }
    }

    private void onCancel(ServerTransaction tx, Request cancel) {
        String callId = ((CallIdHeader) cancel.getHeader(CallIdHeader.NAME)).getCallId();
        SipCall call = ctx.calls.get(callId);
        if (!(call instanceof InboundCall inbound)) {
            ctx.respond(tx, cancel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        ctx.respond(tx, cancel, Response.OK);
        if (inbound.cancelled()) {
            ctx.work.notify("cancel", () -> ctx.handler.onCancel(inbound));
        }
    }

    private void onBye(ServerTransaction tx, Request bye, Dialog dialog) {
        SipCall call = dialog == null ? null : (SipCall) dialog.getApplicationData();
        if (call == null) {
            ctx.respond(tx, bye, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        ctx.respond(tx, bye, Response.OK);
        call.remoteHangup();
    }

    private void onRefer(ServerTransaction tx, Request refer, Dialog dialog) {
        SipCall call = dialog == null ? null : (SipCall) dialog.getApplicationData();
        Header referTo = refer.getHeader("Refer-To");
        if (call == null) {
            ctx.respond(tx, refer, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (!call.isDeskPhone()) {
            // A caller from the PSTN (or an outside number Kefu dialled) asking Kefu to call someone:
            // the toll-fraud door (issue 14). Only desk phones transfer.
            ctx.refusals.refused("REFER_REFUSED", call instanceof InboundCall in ? in.ani() : null,
                    referTo == null ? null : referTarget(referTo), sourceHost((SIPRequest) refer),
                    "REFER on call leg " + call.callId() + ": only a desk phone's leg may transfer (403)");
            ctx.respond(tx, refer, Response.FORBIDDEN);
            return;
        }
        if (referTo == null) {
            ctx.respond(tx, refer, Response.BAD_REQUEST);
            return;
        }
        String target = referTarget(referTo);
        ctx.respond(tx, refer, Response.ACCEPTED);
        call.referAccepted(((javax.sip.header.CSeqHeader) refer.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber());
        ctx.work.notify("refer", () -> {
            int outcome = 500;
            try {
                outcome = ctx.handler.onRefer(call, target);
            } finally {
                call.referFinished(outcome);
            }
        });
    }

    /** The address a request came from, or null when the stack does not know it. */
    private static String sourceHost(SIPRequest request) {
        return request.getRemoteAddress() == null ? null : request.getRemoteAddress().getHostAddress();
    }

        /** The Refer-To header's value (the header's name cut off). */
    private static String referTarget(Header referTo) {
        String h = referTo.toString();
        return h.substring(h.indexOf(':') + 1).trim();
    }

    /**
     * DTMF by SIP INFO (application/dtmf-relay, or application/dtmf): 200 and the digit goes the way
     * of an RFC 4733 one; 415 for another body type, 400 for a body without a valid signal. The digit
     * is never logged (PINs travel this way).
     */
    private void onInfo(ServerTransaction tx, Request info, Dialog dialog) {
        SipCall call = dialog == null ? null : (SipCall) dialog.getApplicationData();
        if (call == null || call.isEnded()) {
            ctx.respond(tx, info, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        javax.sip.header.ContentTypeHeader type = (javax.sip.header.ContentTypeHeader) info.getHeader(javax.sip.header.ContentTypeHeader.NAME);
        String contentType = type == null ? null : type.getContentType() + "/" + type.getContentSubType();
        if (contentType == null || !(contentType.equalsIgnoreCase("application/dtmf-relay") || contentType.equalsIgnoreCase("application/dtmf"))) {
            ctx.respond(tx, info, Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        org.kefu.telephony.media.DtmfRelay relay;
        try {
            relay = org.kefu.telephony.media.DtmfRelay.parse(contentType, SipContext.body(info));
        } catch (IllegalArgumentException e) {
            ctx.respond(tx, info, Response.BAD_REQUEST);
            return;
        }
        if (!ctx.media.digit(call.callId(), relay.digit())) {
            ctx.respond(tx, info, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        ctx.respond(tx, info, Response.OK);
    }

    private void onAck(RequestEvent event) {
        Dialog dialog = event.getDialog();
        if (dialog != null && dialog.getApplicationData() instanceof InboundCall call && !call.isEnded()) {
            ctx.work.notify("ack", () -> call.acked(event.getRequest()));
        }
    }

    private void overloaded(ServerTransaction tx, Request request) {
        Response busy = ctx.response(Response.SERVICE_UNAVAILABLE, request);
        busy.addHeader(retryAfter());
        ctx.send(tx, busy);
    }

    private RetryAfterHeader retryAfter() {
        try {
            return ctx.headers.createRetryAfterHeader(ctx.config.retryAfterSeconds());
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    static MediaDirection directionOf(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            String l = line.trim();
            for (MediaDirection d : MediaDirection.values()) {
                if (l.equals("a=" + d.attribute())) return d;
            }
        }
        return MediaDirection.SENDRECV;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            ClientTransaction tx = event.getClientTransaction();
            if (tx != null && tx.getApplicationData() instanceof ResponseSink sink) {
                sink.onResponse(event);
            }
            // tx == null: a retransmitted 2xx; the dialog layer re-sends our ACK.
        } catch (Throwable t) {
            LOG.warn("failed to process response", t);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof ResponseSink sink) {
                sink.onTimeout();
            }
        } catch (Throwable t) {
            LOG.warn("failed to process timeout", t);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debugf("I/O error towards %s:%d/%s", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to clean: calls live in dialogs
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Safety net: a dialog that dies without BYE (no ACK for our 200, Timer H) ends its call.
        if (event.getDialog().getApplicationData() instanceof SipCall call && !call.isEnded()) {
            if (call.end(CallEnd.TIMEOUT)) {
                ctx.work.notify("hangup", () -> ctx.handler.onHangup(call));
            }
        }
    }
}
