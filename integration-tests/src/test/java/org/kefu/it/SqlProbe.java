package org.kefu.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Test-only window on KefuDS for browser tests, which run outside the server: a WAR beside
 * the EAR answers {@code GET /sql-probe/?q=SELECT…&p=…} with the first column of every row, one
 * per line. Only SELECT statements; parameters bound, never pasted. The test side is {@link SqlProbeClient}.
 */
@WebServlet("/*")
public class SqlProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    // Looked up, not injected: keeps this class free of anything the server cannot load.
    private DataSource kefu() throws javax.naming.NamingException {
        return javax.naming.InitialContext.doLookup("java:jboss/datasources/KefuDS");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sql = req.getParameter("q");
        if (sql == null || !sql.strip().toUpperCase().startsWith("SELECT")) {
            resp.sendError(400, "SELECT only");
            return;
        }
        resp.setContentType("text/plain; charset=UTF-8");
        try (Connection c = kefu().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
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
}
