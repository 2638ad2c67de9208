package org.kefu.telephony.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.TimeZone;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * REGISTER for agents' phones (RFC 3261 section 10.3) with digest authentication.
 * Runs on the application executor because the credential lookup may hit the database.
 */
public final class Registrar {

    private static final Logger LOG = Logger.getLogger(Registrar.class);

    private final SipContext ctx;
    private final Registrations registrations;
    private final DigestAuthenticator authenticator;
    private final CredentialSource credentials;

    private final AuthGuard guard;

    Registrar(SipContext ctx, Registrations registrations, DigestAuthenticator authenticator, CredentialSource credentials,
              AuthGuard guard) {
        this.guard = guard;
        this.ctx = ctx;
        this.registrations = registrations;
        this.authenticator = authenticator;
        this.credentials = credentials;
    }

    void register(ServerTransaction tx, Request request, String transport, String sourceHost, int sourcePort) {
        try {
            ctx.send(tx, process(request, transport, sourceHost, sourcePort));
        } catch (Exception e) {
            LOG.debug("REGISTER failed", e);
            ctx.respond(tx, request, Response.SERVER_INTERNAL_ERROR);
        }
    }

    private Response process(Request request, String transport, String sourceHost, int sourcePort) throws Exception {
        URI toUri = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI();
        if (!(toUri instanceof SipURI sipTo)) {
            return ctx.response(Response.UNSUPPORTED_URI_SCHEME, request); // RFC 4475 unksm2
        }
        String extension = sipTo.getUser();
        if (extension == null) {
            return ctx.response(Response.NOT_FOUND, request);
        }
        if (ctx.srtpPolicy == SrtpPolicy.REQUIRED && !"tls".equalsIgnoreCase(transport)) {
            // Its calls would carry SRTP keys over this connection in clear, or not be SRTP at all.
            SrtpAudit.refusedRegister(ctx.refusals, extension, transport, sourceHost);
            Response refused = ctx.response(Response.FORBIDDEN, request);
            refused.setReasonPhrase("TLS Required (SrtpPolicy=required)");
            return refused;
        }
        if (guard.blocked(sourceHost, extension, this::registeredFrom)) {
            guard.refusedWhileBlocked(sourceHost, extension, Request.REGISTER);
            return ctx.response(Response.FORBIDDEN, request); // guessing from here: not even checked
        }
        DigestAuthenticator.Result auth = authenticator.verify(digest(request.getHeader(AuthorizationHeader.NAME)),
                Request.REGISTER, request.getRequestURI().toString(), credentials);
        switch (auth.verdict()) {
            case MISSING, STALE -> {
                Response r = ctx.response(Response.UNAUTHORIZED, request);
                for (String c : authenticator.challenges(auth.verdict() == DigestAuthenticator.Verdict.STALE, extension)) {
                    r.addHeader(ctx.headers.createHeader("WWW-Authenticate", c));
                }
                return r;
            }
            case FORBIDDEN -> {
                guard.failed(sourceHost, extension, Request.REGISTER);
                return ctx.response(Response.FORBIDDEN, request);
            }
            default -> {
                guard.succeeded(sourceHost);
                if (!extension.equals(auth.extension())) {
                    ctx.refusals.refused("SIP_LOGIN_FAILED", auth.extension(), extension, sourceHost,
                            "REGISTER of extension " + extension + " with the credentials of " + auth.extension() + " (403)");
                    return ctx.response(Response.FORBIDDEN, request); // 8001 may not register 8002
                }
            }
        }
        List<ContactHeader> contacts = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it != null && it.hasNext()) {
            contacts.add((ContactHeader) it.next());
        }
        ExpiresHeader expiresHeader = request.getExpires();
        boolean wildcard = contacts.stream().anyMatch(c -> c instanceof gov.nist.javax.sip.header.Contact g && g.isWildCard());
        if (wildcard) {
            if (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0) {
                return ctx.response(Response.BAD_REQUEST, request); // '*' only alone and with Expires: 0
            }
            registrations.unbindAll(extension);
        } else {
            for (ContactHeader contact : contacts) {
                int requested = contact.getExpires() >= 0 ? contact.getExpires()
                        : expiresHeader != null ? expiresHeader.getExpires() : ctx.config.defaultExpires();
                int seconds = Math.min(requested, ctx.config.maxExpires());
                String uri = contact.getAddress().getURI().toString();
                if (seconds == 0) {
                    registrations.unbind(extension, uri);
                } else {
                    registrations.bind(extension, uri, Duration.ofSeconds(seconds), transport, sourceHost, sourcePort);
                }
            }
        }
        Response ok = ctx.response(Response.OK, request);
        Instant now = Instant.now();
        for (Binding b : registrations.lookup(extension)) {
            ContactHeader c = ctx.headers.createContactHeader(ctx.addresses.createAddress(ctx.addresses.createURI(b.contact())));
            c.setExpires((int) Math.max(0, Duration.between(now, b.expiresAt()).toSeconds()));
            ok.addHeader(c);
        }
        ok.addHeader(ctx.headers.createDateHeader(Calendar.getInstance(TimeZone.getTimeZone("GMT"))));
        return ok;
    }

    /** Whether the extension's phone is registered from this host (it keeps getting in while guessers are blocked). */
    boolean registeredFrom(String extension, String host) {
        return host != null && registrations.lookup(extension).stream().anyMatch(b -> host.equals(b.sourceHost()));
    }

    /** Adapt JAIN-SIP's Authorization/Proxy-Authorization header to the authenticator's neutral form. */
    static Optional<DigestAuthenticator.DigestResponse> digest(Header header) {
        if (!(header instanceof AuthorizationHeader a)) {
            return Optional.empty();
        }
        return Optional.of(new DigestAuthenticator.DigestResponse(a.getScheme(), a.getUsername(), a.getRealm(),
                a.getNonce(), a.getParameter("uri"), a.getResponse(), a.getQop(), a.getParameter("nc"),
                a.getCNonce(), a.getAlgorithm()));
    }
}
