package org.kefu.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/** What every piece of the running link shares: the provider, the factories, the call table. */
final class SipContext {

    private static final Logger LOG = Logger.getLogger(SipContext.class);

    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, REFER, INFO";

    final SipLinkConfig config;
    final SipProvider provider;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final MediaNegotiator media;
    final CallHandler handler;
    final WorkGate work;
    /** Where refusals for the switch's protection are reported (rate-limited). */
    final RefusalAudit refusals;
    final Shedding shedding = new Shedding();
    final SdpSessions sdp = new SdpSessions();
    /** Calls not yet ended, by Call-ID (each B2BUA leg has its own Call-ID). */
    final Map<String, SipCall> calls = new ConcurrentHashMap<>();
    /** How long and how many calls may last; set by the link before it starts. */
    volatile CallLimits limits = CallLimits.defaults();
    /** When calls' media must be SRTP; set by the link before it starts. */
    volatile SrtpPolicy srtpPolicy = SrtpPolicy.OPTIONAL;
    /** The TLS listening port, 0 when the link has none. */
    volatile int tlsPort;

    SipContext(SipLinkConfig config, SipProvider provider, MessageFactory messages, HeaderFactory headers,
               AddressFactory addresses, MediaNegotiator media, CallHandler handler, WorkGate work,
               RefusalAudit refusals) {
        this.config = config;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.media = media;
        this.handler = handler;
        this.work = work;
        this.refusals = refusals;
    }

    ContactHeader contact(String transport) {
        try {
            SipURI uri = addresses.createSipURI("kefu", config.contactHost());
            uri.setPort(portFor(transport));
            if ("tcp".equalsIgnoreCase(transport) || "tls".equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase());
            }
            Address address = addresses.createAddress(uri);
            return headers.createContactHeader(address);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our port for a transport: the TLS port for TLS, else the UDP/TCP one. */
    int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : config.port();
    }

    Response response(int status, Request request) {
        try {
            Response r = messages.createResponse(status, request);
            javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) r.getHeader(javax.sip.header.ToHeader.NAME);
            if (status > 100 && to != null && to.getTag() == null) {
                to.setTag(Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())); // RFC 3261 8.2.6.2
            }
            return r;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Send, logging instead of throwing: a failed response is the peer's problem, not ours. */
    boolean send(ServerTransaction tx, Response response) {
        try {
            tx.sendResponse(response);
            return true;
        } catch (javax.sip.SipException e) {
            // RFC 2543 peers (no z9hG4bK branch, RFC 4475 wsinv/inv2543): JAIN-SIP refuses a tagged response on
            // the legacy transaction ("does not belong to this transaction"); send it statelessly instead.
            try {
                provider.sendResponse(response);
                return true;
            } catch (Exception again) {
                LOG.debugf(again, "could not send %d", response.getStatusCode());
                return false;
            }
        } catch (Exception e) {
            LOG.debugf(e, "could not send %d", response.getStatusCode());
            return false;
        }
    }

    void respond(ServerTransaction tx, Request request, int status) {
        send(tx, response(status, request));
    }

    /** The media part from the negotiator, completed with the session lines of the message's leg (by its Call-ID). */
    void setSdp(Message message, String mediaPart) {
        try {
            String callId = ((javax.sip.header.CallIdHeader) message.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
            String sdp = this.sdp.complete(callId, mediaPart, config.contactHost());
            ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
            message.setContent(sdp.getBytes(StandardCharsets.UTF_8), type);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static void tag(Response response, String tag) {
        try {
            ((javax.sip.header.ToHeader) response.getHeader(javax.sip.header.ToHeader.NAME)).setTag(tag);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }

    static String userOf(URI uri) {
        if (uri instanceof SipURI sip) {
            return sip.getUser();
        }
        if (uri != null && "tel".equalsIgnoreCase(uri.getScheme())) {
            String s = uri.toString();
            int semi = s.indexOf(';');
            return s.substring(4, semi < 0 ? s.length() : semi);
        }
        return null;
    }

    static String transportOf(String uriTransportParam) {
        return uriTransportParam == null ? "udp" : uriTransportParam.toLowerCase();
    }
}
