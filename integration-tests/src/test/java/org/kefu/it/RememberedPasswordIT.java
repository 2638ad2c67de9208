package org.kefu.it;

import jakarta.annotation.Resource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The login guard remembers, for a few minutes, a password bcrypt has just accepted, so that a
 * client sending HTTP BASIC on every request does not pay bcrypt each time. An attacker's view:
 * the memory must never let in what the database no longer allows. A throwaway back-office login
 * is disabled, enabled again and given a new password while its old one is remembered.
 */
@ExtendWith(ArquillianExtension.class)
class RememberedPasswordIT {

    private static final String LOGIN = "remember-it";
    /** bcrypt (cost 10) of 'kefu2026', the demo password. */
    private static final String KEFU2026 = "$2a$10$z14pK1OCWD.fCXeFb7gfhu5URnx9XkXdyN9RIhilkpwOyp.JIviP.";
    /** bcrypt (cost 10) of 'changed-2026': test data, not a secret. */
    private static final String CHANGED_2026 = "$2a$10$LNltvQUXrZfWFkvBKHXk.ep2SbbfRdn8mTJ.Apx4Rkpa7FQ0UJE0q";

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "remembered-password-probe.war").addClasses(RememberedPasswordIT.class);
    }

    @Resource(lookup = "java:jboss/datasources/KefuDS")
    private DataSource kefu;

    @Test
    @OperateOnDeployment("probe")
    void aRememberedPasswordNeverOutlivesTheAccountOrThePasswordInTheDatabase() throws Exception {
        sql("DELETE FROM app_user_role WHERE login = '" + LOGIN + "'");
        sql("DELETE FROM app_user WHERE login = '" + LOGIN + "'");
        sql("INSERT INTO app_user (login, display_name, password_hash, preferred_locale) VALUES ('" + LOGIN
                + "', 'remember-it', '" + KEFU2026 + "', 'en')");
        sql("INSERT INTO app_user_role (login, role_name) VALUES ('" + LOGIN + "', 'backoffice')");
        try {
            assertEquals(200, me("kefu2026"), "bcrypt accepts it");
            assertEquals(200, me("kefu2026"), "remembered");
            assertEquals(401, me("kefu2027"), "a wrong password is not confirmed by the memory");

            sql("UPDATE app_user SET status = 'DISABLED' WHERE login = '" + LOGIN + "'");
            assertEquals(401, me("kefu2026"), "disabled: refused at once although remembered");
            sql("UPDATE app_user SET status = 'ACTIVE' WHERE login = '" + LOGIN + "'");
            assertEquals(200, me("kefu2026"));

            sql("UPDATE app_user SET password_hash = '" + CHANGED_2026 + "' WHERE login = '" + LOGIN + "'");
            assertEquals(401, me("kefu2026"), "the old password, remembered, no longer works once changed");
            assertEquals(200, me("changed-2026"), "the new one does");
        } finally {
            sql("DELETE FROM app_user_role WHERE login = '" + LOGIN + "'");
            sql("DELETE FROM app_user WHERE login = '" + LOGIN + "'");
        }
    }

    private int me(String password) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/kefu/api/me");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((LOGIN + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = kefu.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
