package org.kefu.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kefu.banking.BackOfficeBanking;
import org.wildfly.security.auth.client.AuthenticationConfiguration;
import org.wildfly.security.auth.client.AuthenticationContext;
import org.wildfly.security.auth.client.MatchRule;
import org.wildfly.security.sasl.SaslMechanismSelector;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, item 4: every door into Kefu shares one failure count and one audit trail (the login
 * guard, KefuDomain's realm), with a progressive delay, a time-limited lock per account and
 * address, an account lock that spares the addresses the account signs in from, and a block of
 * addresses that spray many accounts. Attackers talk from their own loopback addresses
 * (127.0.0.2 …, see {@link RawHttp}); the rest of the suite, and the administrator, from 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginDoorsIT {

    private static final String PASSWORD = "kefu2026";
    private static final String BANKING = "ejb:kefu/kefu-ejb/BackOfficeBankingBean!org.kefu.banking.BackOfficeBanking";


    private final ConsoleClient admin = new ConsoleClient(Deployments.baseUrl());

    @BeforeEach
    void theAdministratorWorksFromTheirDesk() throws Exception {
        unlockWhatTheTestsLocked();
        // 127.0.0.1 becomes an address 1006 signs in from (what the account lock spares).
        assertThat(admin.getWithBasic("api/me", "1006", PASSWORD).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void unlockWhatTheTestsLocked() throws Exception {
        for (String login : List.of("1003", "1005", "1006", "bo")) {
            assertThat(admin.postWithBasic("api/users/" + login + "/unlock", "1006", PASSWORD).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void basicGuessingIsDelayedThenLockedForThatAddressAndAudited() throws Exception {
        String attacker = "127.0.0.2";
        int held = 0;
        for (int i = 1; i <= 5; i++) {
            RawHttp.Response r = basic(attacker, "1003", "guess-" + i);
            if (i == 4 && held == 0) {
                r = basic(attacker, "1003", "guess-" + i); // straight after the third failure
            }
            assertThat(r.header("content-type")).contains("application/json");
            if (r.status() == 429) {
                // The progressive delay: refused unchecked until Retry-After has passed.
                assertThat(i).as("no delay before the third failure").isGreaterThan(3);
                held++;
                Thread.sleep(Long.parseLong(r.header("retry-after")) * 1000 + 100);
                i--;
                continue;
            }
            assertThat(r.status()).as("guess " + i).isEqualTo(401);
            assertThat(json(r.body()).asJsonObject().getString("error")).isEqualTo("wrong login or password");
        }
        assertThat(held).as("guesses held back by the delay").isGreaterThan(0);
        // Locked for this address: even the right password is refused, with a clear JSON error.
        RawHttp.Response right = basic(attacker, "1003", PASSWORD);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.header("retry-after")).isNotBlank();
        assertThat(json(right.body()).asJsonObject().getString("error")).contains("too many failed logins");
        // The agent at their own desk is not locked out.
        assertThat(admin.getWithBasic("api/me", "1003", PASSWORD).statusCode()).isEqualTo(200);

        List<JsonObject> trail = auditOf("1003");
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("LOGIN");
            assertThat(e.getString("outcome")).isEqualTo("FAILURE");
            assertThat(e.getString("detail")).startsWith("wrong password (1 in a row");
            assertThat(e.getString("source")).isEqualTo(attacker);
        });
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("ACCOUNT_LOCKED");
            assertThat(e.getString("detail")).contains("from " + attacker);
        });
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.getString("detail", "")).startsWith("refused: account locked for this address");
            assertThat(e.getString("source")).isEqualTo(attacker);
        });
        assertThat(trail).noneSatisfy(e -> assertThat(e.getString("detail", "")).contains("guess-"));
    }

    @Test
    void jSecurityCheckIsCountedAndLockedLikeEveryOtherDoor() throws Exception {
        String attacker = "127.0.0.3";
        for (int i = 1; i <= 5; i++) {
            RawHttp.Response r = jSecurityCheck(attacker, "1005", "guess-" + i);
            assertThat(r.status()).as("guess " + i).isNotIn(302, 303);
        }
        RawHttp.Response right = jSecurityCheck(attacker, "1005", PASSWORD);
        assertThat(right.status()).as("the right password while locked").isNotIn(302, 303);
        assertThat(right.header("set-cookie") == null || !right.body().contains("陈静")).isTrue();
        // From an address that did not guess, the same form signs in.
        assertThat(jSecurityCheck("127.0.0.1", "1005", PASSWORD).status()).isIn(302, 303);

        List<JsonObject> trail = auditOf("1005");
        assertThat(trail).filteredOn(e -> attacker.equals(e.getString("source", null))
                && e.getString("action").equals("LOGIN") && e.getString("outcome").equals("FAILURE")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(trail).anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("ACCOUNT_LOCKED"));
    }

    @Test
    void remoteEjbBasicAndTheFormShareOneFailureCount() throws Exception {
        assertThatThrownBy(() -> remoteAs("bo", "wrong-1")).isNotInstanceOf(jakarta.ejb.EJBAccessException.class);
        assertThat(basic("127.0.0.1", "bo", "wrong-2").status()).isEqualTo(401);
        HttpResponse<String> form = new ConsoleClient(Deployments.baseUrl()).signIn("bo", "wrong-3");
        assertThat(form.body()).contains("工号或密码错误");

        List<JsonObject> failures = auditOf("bo").stream()
                .filter(e -> e.getString("action").equals("LOGIN") && e.getString("outcome").equals("FAILURE"))
                .toList();
        // Newest first: the form's failure is the third in a row, after BASIC's and remote EJB's.
        assertThat(failures.get(0).getString("detail")).startsWith("wrong password (3 in a row").endsWith("via form");
        assertThat(failures.get(1).getString("detail")).startsWith("wrong password (2 in a row");
        assertThat(failures.get(2).getString("detail")).startsWith("wrong password (1 in a row");
        assertThat(failures.get(2).getString("source")).isEqualTo("127.0.0.1");

        Thread.sleep(1_100); // the delay after the third failure
        assertThat(remoteAs("bo", PASSWORD).accountNumber()).isEqualTo("6222020000000002");
    }

    @Test
    void anAddressThatSpraysManyAccountsIsBlockedForAll() throws Exception {
        String sprayer = "127.0.0.4";
        for (int i = 0; i < 30; i++) {
            basic(sprayer, "nobody" + i, "password" + i);
        }
        RawHttp.Response right = basic(sprayer, "1006", PASSWORD);
        assertThat(right.status()).isEqualTo(429);
        assertThat(json(right.body()).asJsonObject().getString("error")).contains("too many failed logins");
        assertThat(admin.getWithBasic("api/me", "1006", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(auditOf("nobody29")).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("SOURCE_BLOCKED");
            assertThat(e.getString("target")).isEqualTo(sprayer);
        });
    }

    @Test
    void guessingFromManyAddressesCannotKeepTheAdministratorOut() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(basic("127.0.1." + (10 + i / 2), "1006", "guess-" + i).status()).isIn(401, 429);
        }
        // Locked for addresses 1006 never signed in from ...
        assertThat(basic("127.0.1.100", "1006", PASSWORD).status()).isEqualTo(429);
        // ... but not at the administrator's desk, through BASIC or the console.
        assertThat(admin.getWithBasic("api/me", "1006", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(new ConsoleClient(Deployments.baseUrl()).signIn("1006", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(auditOf("1006")).anySatisfy(e -> {
            assertThat(e.getString("action")).isEqualTo("ACCOUNT_LOCKED");
            assertThat(e.getString("detail")).contains("every address the account has not signed in from");
        });
    }

    private static RawHttp.Response basic(String from, String user, String password) throws Exception {
        return RawHttp.send(from, "GET", "/kefu/api/me", Map.of("Authorization", RawHttp.basic(user, password)), null);
    }

    private static RawHttp.Response jSecurityCheck(String from, String user, String password) throws Exception {
        String body = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return RawHttp.send(from, "POST", "/kefu/j_security_check",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    private static org.kefu.banking.AccountBalance remoteAs(String login, String password) throws Exception {
        AuthenticationConfiguration config = AuthenticationConfiguration.empty()
                .useName(login)
                .usePassword(password)
                .setSaslMechanismSelector(SaslMechanismSelector.NONE.addMechanism("PLAIN"));
        return AuthenticationContext.empty().with(MatchRule.ALL, config).runCallable(() -> {
            Hashtable<String, String> env = new Hashtable<>();
            env.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
            env.put(Context.PROVIDER_URL, "remote+http://127.0.0.1:" + System.getProperty("kefu.http.port", "8180"));
            return ((BackOfficeBanking) new InitialContext(env).lookup(BANKING)).balance("6222020000000002");
        });
    }

    private List<JsonObject> auditOf(String actor) throws Exception {
        HttpResponse<String> response = admin.getWithBasic("api/audit?limit=100&actor=" + actor, "1006", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).asJsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonValue json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
