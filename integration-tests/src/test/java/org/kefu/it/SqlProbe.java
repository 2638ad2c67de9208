package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only window on KefuDS for browser tests, which run outside the server: a WAR beside
 * the EAR answers {@code GET /sql-probe/?q=SELECT…&p=…} with the first column of every row, one
 * per line. Only SELECT statements; parameters bound, never pasted.
 */
@WebServlet("/*")
public class SqlProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    static WebArchive war() {
        return ShrinkWrap.create(WebArchive.class, "sql-probe.war").addClass(SqlProbe.class);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sql = req.getParameter("q");
        if (sql == null || !sql.strip().toUpperCase().startsWith("SELECT")) {
            resp.sendError(400, "SELECT only");
            return;
        }
        resp.setContentType("text/plain; charset=UTF-8");
        try (Connection c = kefu.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            String[] params = req.getParameterValues("p");
            for (int i = 0; params != null && i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            resp.getWriter().print(out);
        } catch (Exception e) {
            resp.sendError(500, e.toString());
        }
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
