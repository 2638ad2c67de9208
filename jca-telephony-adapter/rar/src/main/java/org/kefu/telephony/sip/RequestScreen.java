package org.kefu.telephony.sip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 3261 section 8.2 checks a UAS makes before looking at what a request means, in the RFC's order
 * (plus Max-Forwards, since the B2BUA forwards calls). Pure: builds the rejection, does not send it.
 */
final class RequestScreen {

    static final Set<String> ALLOWED = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "REFER", "INFO");
    /** Methods we recognise but do not serve here: 405 with Allow rather than 501. */
    static final Set<String> KNOWN_NOT_ALLOWED = Set.of("SUBSCRIBE", "NOTIFY", "MESSAGE", "PRACK", "UPDATE", "PUBLISH");
    /** Option tags we support for Require (none yet: no 100rel, no timer). */
    static final Set<String> SUPPORTED_OPTIONS = Set.of();
    static final Set<String> URI_SCHEMES = Set.of("sip", "sips", "tel");

    private final MessageFactory messages;
    private final HeaderFactory headers;

    RequestScreen(MessageFactory messages, HeaderFactory headers) {
        this.messages = messages;
        this.headers = headers;
    }

    /** The rejection for this request, or empty if it may go on to its method's handler. */
    Optional<Response> screen(Request request) throws ParseException {
        String method = request.getMethod();
        if (!"SIP/2.0".equalsIgnoreCase(request.getSIPVersion())
                || request.getHeader(ViaHeader.NAME) instanceof gov.nist.javax.sip.header.Via via
                && !"2.0".equals(via.getProtocolVersion())) {
            // RFC 4475 badvers: JAIN-SIP's parser rewrites the request-line version to SIP/2.0, so the only
            // trace of "SIP/7.0" left is the top Via's sent-protocol: check both.
            return Optional.of(reject(request, Response.VERSION_NOT_SUPPORTED, "Version Not Supported"));
        }
        // Missing mandatory headers / inconsistent CSeq: RFC 4475 insuf, mismatch01 → 400.
        if (request.getHeader(ToHeader.NAME) == null || request.getHeader(FromHeader.NAME) == null
                || request.getHeader(CallIdHeader.NAME) == null || request.getHeader(CSeqHeader.NAME) == null
                || request.getHeader(ViaHeader.NAME) == null) {
            return Optional.of(reject(request, Response.BAD_REQUEST, "Missing mandatory header"));
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (!method.equals(cseq.getMethod())) {
            return Optional.of(reject(request, Response.BAD_REQUEST, "CSeq method does not match"));
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() == 0 && !method.equals(Request.ACK)) {
            return Optional.of(reject(request, Response.TOO_MANY_HOPS, "Too Many Hops"));
        }
        String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!URI_SCHEMES.contains(scheme)) {
            return Optional.of(reject(request, Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme"));
        }
        if (request.getRequestURI() instanceof javax.sip.address.SipURI uri && uri.getHeaderNames() != null
                && uri.getHeaderNames().hasNext()) {
            // RFC 4475 escruri: headers belong in a Contact/Refer-To URI, never in a Request-URI.
            return Optional.of(reject(request, Response.BAD_REQUEST, "Headers in Request-URI"));
        }
        if (!ALLOWED.contains(method)) {
            int status = KNOWN_NOT_ALLOWED.contains(method) ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
            Response r = reject(request, status);
            r.addHeader(headers.createAllowHeader(SipContext.ALLOW));
            return Optional.of(r);
        }
        if (!method.equals(Request.ACK) && !method.equals(Request.CANCEL)) {
            List<String> unsupported = new ArrayList<>();
            ListIterator<?> require = request.getHeaders(RequireHeader.NAME);
            while (require != null && require.hasNext()) {
                String tag = ((RequireHeader) require.next()).getOptionTag();
                if (!SUPPORTED_OPTIONS.contains(tag)) {
                    unsupported.add(tag);
                }
            }
            if (!unsupported.isEmpty()) {
                Response r = reject(request, Response.BAD_EXTENSION);
                for (String tag : unsupported) {
                    r.addHeader(headers.createUnsupportedHeader(tag));
                }
                return Optional.of(r);
            }
        }
        if (method.equals(Request.INVITE)) {
            return screenInviteBody(request);
        }
        return Optional.empty();
    }

    private Optional<Response> screenInviteBody(Request request) throws ParseException {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        byte[] body = request.getRawContent();
        if (body != null && body.length > 0 && (type == null || !isSdp(type.getContentType(), type.getContentSubType()))) {
            Response r = reject(request, Response.UNSUPPORTED_MEDIA_TYPE);
            r.addHeader(headers.createAcceptHeader("application", "sdp"));
            return Optional.of(r);
        }
        // Accept lists what the caller can take in our answer (RFC 4475 sdp01): no SDP there → 406.
        ListIterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
        if (accepts != null && accepts.hasNext()) {
            boolean sdpAcceptable = false;
            while (accepts.hasNext()) {
                AcceptHeader a = (AcceptHeader) accepts.next();
                String t = a.getContentType() == null ? "" : a.getContentType();
                String s = a.getContentSubType() == null ? "" : a.getContentSubType();
                if ((t.equals("*") || t.equalsIgnoreCase("application")) && (s.equals("*") || s.equalsIgnoreCase("sdp"))
                        || t.isEmpty()) {
                    sdpAcceptable = true;
                }
            }
            if (!sdpAcceptable) {
                Response r = reject(request, Response.NOT_ACCEPTABLE);
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean isSdp(String type, String subType) {
        return "application".equalsIgnoreCase(type) && "sdp".equalsIgnoreCase(subType);
    }

    private Response reject(Request request, int status, String reason) throws ParseException {
        Response r = reject(request, status);
        r.setReasonPhrase(reason);
        return r;
    }

    private Response reject(Request request, int status) throws ParseException {
        Response r = messages.createResponse(status, request);
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) r.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null) {
            to.setTag(Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
        }
        return r;
    }
}
