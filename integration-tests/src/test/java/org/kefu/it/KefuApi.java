package org.kefu.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kefu's REST API as a demo login (password kefu2026) calls it, from the test or from a probe inside the server. */
final class KefuApi {

    private KefuApi() {
    }

    static HttpResponse<String> call(String method, String path, String login, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", basic(login))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs raw bytes; {@code chunked}: without a Content-Length, as a stream. */
    static HttpResponse<String> upload(String path, String login, byte[] bytes, boolean chunked) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(login))
                .header("Content-Type", "application/octet-stream")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GETs raw bytes. */
    static HttpResponse<byte[]> download(String path, String login) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(login)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The console's and the API's base, {@code http://127.0.0.1:<port>/kefu/}, from inside the server too. */
    static String base() {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/";
    }

    private static URI uri(String path) {
        return URI.create(base() + path);
    }

    private static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":kefu2026").getBytes(StandardCharsets.UTF_8));
    }
}
