package org.kefu.web.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a browser's ambient session cookie may do (issue 14 item 9), checked in the WAR's outermost
 * handler ({@link GuardExtension}) before anything else runs:
 * <ul>
 *   <li><b>CSRF.</b> A state-changing REST call ({@code POST PUT DELETE PATCH} under
 *       {@code /api/}) that carries the session cookie and no {@code Authorization} header is
 *       authenticated by the cookie alone, which another site can make a browser send. It must
 *       carry {@code X-Requested-With: XMLHttpRequest}: a header a foreign page cannot add
 *       without a CORS preflight, which Kefu never grants. Otherwise 403 with a JSON error.
 *       BASIC clients (scripts, the back office) are not affected.</li>
 *   <li><b>Websocket origin.</b> A websocket handshake (the agent's push channel) whose
 *       {@code Origin} is neither this server (scheme, host and port of the request) nor one of
 *       {@code -Dkefu.web.allowed-origins=https://console.example.com,…} is refused with 403
 *       and a JSON error: a foreign page cannot listen to an agent's notifications.</li>
 *   <li><b>Cookies and HSTS.</b> The session cookie is {@code SameSite=Strict}; on HTTPS every
 *       cookie is {@code Secure} (on plain HTTP it cannot be, or the console would lose its
 *       session) and every response carries {@code Strict-Transport-Security}.</li>
 * </ul>
 */
public final class BrowserRequests {

    public static final String CSRF_HEADER = "X-Requested-With";
    public static final String CSRF_VALUE = "XMLHttpRequest";
    static final String SESSION_COOKIE = "JSESSIONID";
    private static final Set<HttpString> STATE_CHANGING = Set.of(Methods.POST, Methods.PUT, Methods.DELETE, Methods.PATCH);

    private BrowserRequests() {
    }

    /** Refuses (and answers) a request that fails a check; false lets it through. */
    static boolean refused(HttpServerExchange exchange) {
        if (isWebsocketHandshake(exchange)) {
            String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
            if (!originAllowed(origin, exchange.getRequestScheme(), exchange.getHostAndPort(), allowedOrigins())) {
                refuse(exchange, "websocket origin not allowed: open the console from this server's own address");
                return true;
            }
            return false;
        }
        if (cookieAuthenticatedStateChange(exchange) && !CSRF_VALUE.equalsIgnoreCase(
                exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
            refuse(exchange, "a state change by the console session needs the header " + CSRF_HEADER + ": " + CSRF_VALUE
                    + " (or use BASIC authentication)");
            return true;
        }
        return false;
    }

    /** What every HTTPS response says: use HTTPS only for this host, for a year. */
    static final String HSTS = "max-age=31536000";

    /**
     * Just before the response starts: SameSite=Strict on the session cookie; over HTTPS, Secure
     * on every cookie and Strict-Transport-Security (HSTS is ignored over HTTP, RFC 6797, and would
     * lock out a console that only has HTTP).
     */
    static void guardCookies(HttpServerExchange exchange) {
        exchange.addResponseCommitListener(ex -> {
            if (ex.isSecure()) {
                ex.getResponseHeaders().put(HttpString.tryFromString("Strict-Transport-Security"), HSTS);
            }
            for (Cookie cookie : ex.responseCookies()) {
                if (SESSION_COOKIE.equals(cookie.getName())) {
                    cookie.setSameSiteMode("Strict");
                }
                if (ex.isSecure()) {
                    cookie.setSecure(true);
                }
            }
        });
    }

    static boolean cookieAuthenticatedStateChange(HttpServerExchange exchange) {
        String path = exchange.getRelativePath();
        return path != null && path.startsWith("/api/")
                && STATE_CHANGING.contains(exchange.getRequestMethod())
                && exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION) == null
                && exchange.getRequestCookie(SESSION_COOKIE) != null;
    }

    private static boolean isWebsocketHandshake(HttpServerExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    /**
     * Same origin (scheme, host and port of the request as the server sees it) or listed. A
     * handshake without Origin is no browser's (browsers always send it) and passes: it cannot
     * carry a victim's cookie from a foreign page.
     */
    static boolean originAllowed(String origin, String scheme, String hostAndPort, Set<String> allowed) {
        if (origin == null) {
            return true;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(o)) {
            return true;
        }
        try {
            URI u = URI.create(o);
            if (u.getScheme() == null || u.getHost() == null) {
                return false;
            }
            String self = normalise(scheme, hostAndPort);
            String theirs = normalise(u.getScheme(), u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
            return self.equals(theirs);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String scheme, String hostAndPort) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = hostAndPort.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) { // IPv6 literal: keep as is
            return s + "://" + h;
        }
        if (h.indexOf(':') < 0) {
            h = h + ":" + ("https".equals(s) || "wss".equals(s) ? 443 : 80);
        }
        String web = "wss".equals(s) ? "https" : "ws".equals(s) ? "http" : s;
        return web + "://" + h;
    }

    private static Set<String> allowedOrigins() {
        String list = System.getProperty("kefu.web.allowed-origins", "");
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT).replaceAll("/+$", "")).collect(Collectors.toUnmodifiableSet());
    }

    private static void refuse(HttpServerExchange exchange, String message) {
        exchange.setStatusCode(403);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=UTF-8");
        exchange.getResponseSender().send("{\"error\":\"" + message.replace("\"", "'") + "\"}");
    }
}
