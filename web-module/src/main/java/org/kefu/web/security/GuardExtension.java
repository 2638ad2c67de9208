package org.kefu.web.security;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.kefu.guard.Attempts;
import org.kefu.guard.CallerAddress;
import org.kefu.guard.LoginGuard;

import java.net.InetSocketAddress;

/**
 * The console's outermost handler, ahead of authentication: every request is authenticated with
 * its caller's address known to the login guard (module org.kefu.guard), so that BASIC,
 * j_security_check and the console form are counted per address like remote EJB.
 */
public class GuardExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        deploymentInfo.addOuterHandlerChainWrapper(new HandlerWrapper() {
            @Override
            public HttpHandler wrap(HttpHandler next) {
                return exchange -> handle(exchange, next);
            }
        });
    }

    static void handle(HttpServerExchange exchange, HttpHandler next) throws Exception {
        if (BrowserRequests.refused(exchange)) { // CSRF, websocket origin: issue 14 item 9
            return;
        }
        BrowserRequests.guardCookies(exchange);
        String address = address(exchange);
        if (refusedBeforeAuthentication(exchange, address)) {
            return;
        }
        CallerAddress.during(address, () -> {
            next.handleRequest(exchange);
            return null;
        });
    }

    /**
     * BASIC credentials on /api/* that the guard holds back (delay, lock, blocked address) are
     * refused here with 429 and a JSON error, without a password check, and audited.
     */
    private static boolean refusedBeforeAuthentication(HttpServerExchange exchange, String address) {
        String path = exchange.getRelativePath();
        if (path == null || !path.startsWith("/api/")) {
            return false;
        }
        String login = BasicCredentials.login(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (login == null) {
            return false;
        }
        LoginGuard guard = LoginGuard.get();
        LoginGuard.Decision d = guard.check(login, address);
        if (!d.refuses()) {
            return false;
        }
        Attempts.refused(guard, login, address, "BASIC", d);
        exchange.setStatusCode(429);
        exchange.getResponseHeaders().put(HttpString.tryFromString("Retry-After"), String.valueOf(d.retryAfterSeconds()));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send("{\"error\":\"too many failed logins from this address; try again later\","
                + "\"retryAfterSeconds\":" + d.retryAfterSeconds() + "}");
        return true;
    }

    static String address(HttpServerExchange exchange) {
        InetSocketAddress a = exchange.getSourceAddress();
        if (a == null) {
            return null;
        }
        return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    }
}
