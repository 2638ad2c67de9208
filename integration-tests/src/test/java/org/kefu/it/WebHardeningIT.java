package org.kefu.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 14 item 9, on the wire against the deployed EAR: the HTTPS listener (the self-signed key
 * configure-server.sh made for the test server, port 8443 + the port offset) answers with HSTS
 * and a Secure, SameSite=Strict session cookie; plain HTTP has no HSTS and no Secure; a REST state
 * change by the console's session cookie without the CSRF header is refused with a JSON 403 (and
 * passes with it, and with BASIC); the agent push websocket refuses a foreign Origin.
 */
@org.junit.jupiter.api.Tag("database-neutral") // no database involved: .ci/run runs it on H2 only
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebHardeningIT {

    private static final String PASSWORD = "kefu2026";


    private static int httpsPort() {
        return 8443 + Integer.getInteger("kefu.it.port-offset", 100);
    }

    private static HttpClient trustingClient() throws Exception {
        // The test server's certificate is the self-signed one made at provisioning.
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {new X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        return HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void httpsAnswersWithHstsAndASecureStrictSessionCookie() throws Exception {
        HttpResponse<String> page = trustingClient().send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + httpsPort() + "/kefu/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).as("the session cookie").anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .containsIgnoringCase("; secure").containsIgnoringCase("samesite=strict").containsIgnoringCase("httponly"));
    }

    @Test
    void plainHttpHasNoHstsAndAStrictButNotSecureCookie() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Deployments.baseUrl() + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .containsIgnoringCase("samesite=strict").doesNotContainIgnoringCase("secure"));
    }

    @Test
    void aCookieAuthenticatedStateChangeNeedsTheCsrfHeader() throws Exception {
        ConsoleClient admin = new ConsoleClient(Deployments.baseUrl());
        assertThat(admin.signIn("1006", PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> forged = admin.post("api/users/1004/unlock");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(forged.body()).startsWith("{\"error\":").contains("X-Requested-With");

        HttpResponse<String> console = admin.post("api/users/1004/unlock", "X-Requested-With", "XMLHttpRequest");
        assertThat(console.statusCode()).as(console.body()).isBetween(200, 299);

        // A script with BASIC credentials sends no such header and needs none.
        HttpResponse<String> script = new ConsoleClient(Deployments.baseUrl()).postWithBasic("api/users/1004/unlock", "1006", PASSWORD);
        assertThat(script.statusCode()).as(script.body()).isBetween(200, 299);
    }

    @Test
    void theAgentPushWebsocketRefusesAForeignOrigin() throws Exception {
        ConsoleClient agent = new ConsoleClient(Deployments.baseUrl());
        assertThat(agent.signIn("1003", PASSWORD).statusCode()).isEqualTo(302);
        String session = agent.cookie("JSESSIONID");
        assertThat(session).isNotNull();
        URI push = URI.create(Deployments.baseUrl().replace("http://", "ws://") + "agent/push");
        WebSocket.Listener quiet = new WebSocket.Listener() { };

        Throwable foreign = catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "JSESSIONID=" + session).header("Origin", "http://evil.example")
                .buildAsync(push, quiet).get(20, TimeUnit.SECONDS));
        assertThat(foreign).isNotNull();
        Throwable cause = foreign instanceof CompletionException || foreign.getCause() != null ? foreign.getCause() : foreign;
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        HttpResponse<?> refused = ((WebSocketHandshakeException) cause).getResponse();
        assertThat(refused.statusCode()).isEqualTo(403);
        // The same handshake on a raw socket, to read the refusal: a JSON error.
        RawHttp.Response raw = RawHttp.send("127.0.0.1", "GET", "/kefu/agent/push", java.util.Map.of(
                "Upgrade", "websocket", "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                "Origin", "http://evil.example", "Cookie", "JSESSIONID=" + session), null);
        assertThat(raw.status()).isEqualTo(403);
        assertThat(raw.header("Content-Type")).startsWith("application/json");
        assertThat(raw.body()).startsWith("{\"error\":").contains("origin");

        String self = Deployments.baseUrl().replaceAll("/kefu/$", "");
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "JSESSIONID=" + session).header("Origin", self)
                .buildAsync(push, quiet).get(20, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }
}
