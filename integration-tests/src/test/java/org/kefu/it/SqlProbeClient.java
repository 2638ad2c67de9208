package org.kefu.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The test side of {@link SqlProbe}: its WAR, and queries over HTTP. */
final class SqlProbeClient {

    private SqlProbeClient() {
    }

    static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "sql-probe.war").addClass(SqlProbe.class);
    }

    /** The first column of every row the query returns. */
    static List<String> rows(String sql, String... params) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + System.getProperty("kefu.http.port", "8180")
                + "/sql-probe/?q=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
        for (String p : params) {
            url.append("&p=").append(URLEncoder.encode(p, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("probe " + r.statusCode() + ": " + r.body());
        }
        List<String> rows = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line);
            }
        }
        return rows;
    }

    /** The single value the query returns (null when no row). */
    static String value(String sql, String... params) throws IOException, InterruptedException {
        List<String> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
