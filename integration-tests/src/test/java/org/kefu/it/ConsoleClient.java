package org.kefu.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the console: keeps cookies, does not follow redirects (tests
 * assert them), and fills the JSF sign-in form as a person would.
 */
final class ConsoleClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    ConsoleClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getWithBasic(String path, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postWithBasic(String path, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with the session cookie (if signed in) and the given extra headers, no body. */
    HttpResponse<String> post(String path, String... headerNamesAndValues) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (headerNamesAndValues.length > 0) {
            b.headers(headerNamesAndValues);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the cookie {@code name} the server set, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Fills and submits the sign-in form; returns the response to the submit. */
    HttpResponse<String> signIn(String jobNumber, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:jobNumber", jobNumber);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return postForm("login.xhtml", form);
    }

    /** Clicks a command link or button of the top bar (language switch, sign out). */
    HttpResponse<String> clickTopBar(String pagePath, String componentId) throws IOException, InterruptedException {
        HttpResponse<String> page = get(pagePath);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("topbar", "topbar");
        form.put("topbar:" + componentId, "topbar:" + componentId);
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return postForm(pagePath, form);
    }

    /** Submits form {@code formId} of the page by its button {@code buttonId} (a non-AJAX button: an export, a download). */
    HttpResponse<String> submit(String pagePath, String formId, String buttonId) throws IOException, InterruptedException {
        HttpResponse<String> page = get(pagePath);
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.put(formId + ":" + buttonId, formId + ":" + buttonId);
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return postForm(pagePath, form);
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no JSF view state in page:\n" + html);
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
