package org.kefu.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as its users meet it, over real HTTP against the deployed EAR: sign-in per role,
 * each role kept out of the others' screens, wrong passwords refused and audited, lockout and
 * unlock, language switch, the REST API's authentication, and the health endpoint.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSecurityIT {

    private static final String PASSWORD = "kefu2026";


    private final ConsoleClient console = new ConsoleClient(Deployments.baseUrl());

    @Test
    void healthReportsBothDatabasesJmsAndTheSwitch() throws Exception {
        HttpResponse<String> response = console.get("api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response.body()).asJsonObject();
        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, String> byName = new java.util.HashMap<>();
        for (JsonValue v : health.getJsonArray("checks")) {
            byName.put(v.asJsonObject().getString("name"), v.asJsonObject().getString("status"));
        }
        assertThat(byName).containsExactlyInAnyOrderEntriesOf(Map.of(
                "KefuDS", "UP", "LedgerDS", "UP", "JMS", "UP", "Telephony", "UP"));
    }

    @Test
    void publicHealthSaysUpOrDownOnlyAndAnAdministratorGetsTheDetails() throws Exception {
        // Issue 14 item 10: no database product, version or host for whoever asks.
        HttpResponse<String> anonymous = console.get("api/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        for (JsonValue v : json(anonymous.body()).asJsonObject().getJsonArray("checks")) {
            assertThat(v.asJsonObject().keySet()).as(anonymous.body()).containsExactlyInAnyOrder("name", "status");
        }
        assertThat(anonymous.body()).doesNotContainIgnoringCase("h2").doesNotContainIgnoringCase("postgres")
                .doesNotContain("127.0.0.1").doesNotContain("media:");

        // An agent is authenticated but no administrator: still only UP/DOWN.
        HttpResponse<String> agent = new ConsoleClient(Deployments.baseUrl()).getWithBasic("api/health", "1001", PASSWORD);
        assertThat(agent.statusCode()).isEqualTo(200);
        assertThat(agent.body()).doesNotContain("\"detail\"");

        HttpResponse<String> admin = new ConsoleClient(Deployments.baseUrl()).getWithBasic("api/health", "1006", PASSWORD);
        assertThat(admin.statusCode()).isEqualTo(200);
        Map<String, String> detail = new java.util.HashMap<>();
        for (JsonValue v : json(admin.body()).asJsonObject().getJsonArray("checks")) {
            detail.put(v.asJsonObject().getString("name"), v.asJsonObject().getString("detail"));
        }
        assertThat(detail.get("KefuDS")).as(admin.body()).isNotBlank();
        assertThat(detail.get("Telephony")).as(admin.body()).contains("media:");
    }

    @Test
    void agentSignsInSeesTheirNameSwitchesLanguageAndSignsOut() throws Exception {
        HttpResponse<String> submit = console.signIn("1001", PASSWORD);
        assertThat(submit.statusCode()).isEqualTo(302);
        assertThat(submit.headers().firstValue("Location")).get().asString().endsWith("/kefu/agent/index.xhtml");

        HttpResponse<String> home = console.get("agent/index.xhtml");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("王芳").contains("欢迎").contains("8001").contains("primefaces");

        HttpResponse<String> english = console.clickTopBar("agent/index.xhtml", "lang-en");
        assertThat(english.body()).contains("Welcome, 王芳").contains("Agent workplace");
        assertThat(console.get("agent/index.xhtml").body()).contains("Welcome, 王芳");

        HttpResponse<String> chinese = console.clickTopBar("agent/index.xhtml", "lang-zh");
        assertThat(chinese.body()).contains("欢迎，王芳").contains("坐席工作台");

        HttpResponse<String> signOut = console.clickTopBar("agent/index.xhtml", "logout");
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location")).get().asString().endsWith("/kefu/login.xhtml");
        HttpResponse<String> after = console.get("agent/index.xhtml");
        assertThat(after.body()).doesNotContain("王芳").contains("login:jobNumber");
    }

    @Test
    void everyRoleLandsOnItsOwnHomeAndIsForbiddenElsewhere() throws Exception {
        record Case(String login, String home, List<String> forbidden) {
        }
        List<Case> cases = List.of(
                new Case("1001", "agent/index.xhtml", List.of("supervisor/index.xhtml", "admin/index.xhtml", "backoffice/index.xhtml",
                        "department/index.xhtml")),
                new Case("1005", "supervisor/index.xhtml", List.of("admin/index.xhtml", "backoffice/index.xhtml", "department/index.xhtml")),
                new Case("1006", "admin/index.xhtml", List.of("agent/index.xhtml", "supervisor/index.xhtml", "backoffice/index.xhtml",
                        "department/index.xhtml")),
                new Case("bo", "backoffice/index.xhtml", List.of("agent/index.xhtml", "supervisor/index.xhtml", "admin/index.xhtml",
                        "department/index.xhtml")),
                new Case("2001", "department/index.xhtml", List.of("agent/index.xhtml", "supervisor/index.xhtml", "admin/index.xhtml",
                        "backoffice/index.xhtml")));
        for (Case c : cases) {
            ConsoleClient client = new ConsoleClient(Deployments.baseUrl());
            HttpResponse<String> submit = client.signIn(c.login(), PASSWORD);
            assertThat(submit.statusCode()).as(c.login() + " signs in").isEqualTo(302);
            assertThat(submit.headers().firstValue("Location")).get().asString().endsWith("/kefu/" + c.home());
            assertThat(client.get(c.home()).statusCode()).as(c.login() + " on " + c.home()).isEqualTo(200);
            for (String page : c.forbidden()) {
                HttpResponse<String> denied = client.get(page);
                assertThat(denied.statusCode()).as(c.login() + " on " + page).isEqualTo(403);
                assertThat(denied.body()).contains("无权访问");
            }
        }
        // A supervisor also takes calls, so the agent screens are theirs too.
        ConsoleClient supervisor = new ConsoleClient(Deployments.baseUrl());
        supervisor.signIn("1005", PASSWORD);
        assertThat(supervisor.get("agent/index.xhtml").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessageAndAudited() throws Exception {
        HttpResponse<String> refused = console.signIn("1002", "not-the-password");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("工号或密码错误");
        assertThat(console.get("agent/index.xhtml").body()).doesNotContain("李娜").contains("login:jobNumber");

        JsonObject latest = auditOf("1002").get(0).asJsonObject();
        assertThat(latest.getString("action")).isEqualTo("LOGIN");
        assertThat(latest.getString("outcome")).isEqualTo("FAILURE");
        assertThat(latest.getString("detail")).startsWith("wrong password");
        assertThat(latest.getString("detail")).doesNotContain("not-the-password");

        assertThat(console.signIn("1002", PASSWORD).statusCode()).isEqualTo(302);
        JsonObject success = auditOf("1002").get(0).asJsonObject();
        assertThat(success.getString("outcome")).isEqualTo("SUCCESS");
    }

    @Test
    void fiveFailuresLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        for (int i = 1; i < 5; i++) {
            assertThat(console.signIn("1004", "wrong-" + i).body()).contains("工号或密码错误");
        }
        assertThat(console.signIn("1004", "wrong-5").body()).contains("账户已锁定");
        // Even the right password is refused now.
        HttpResponse<String> locked = console.signIn("1004", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(200);
        assertThat(locked.body()).contains("账户已锁定");

        HttpResponse<String> agentTries = console.postWithBasic("api/users/1004/unlock", "1001", PASSWORD);
        assertThat(agentTries.statusCode()).isEqualTo(403);

        HttpResponse<String> unlock = console.postWithBasic("api/users/1004/unlock", "1006", PASSWORD);
        assertThat(unlock.statusCode()).isEqualTo(204);
        assertThat(console.signIn("1004", PASSWORD).statusCode()).isEqualTo(302);

        List<String> actions = auditOf("1004").stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertThat(actions).contains("ACCOUNT_LOCKED");
        JsonObject unlockEvent = auditOf("1006").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("action").equals("ACCOUNT_UNLOCK")).findFirst().orElseThrow();
        assertThat(unlockEvent.getString("target")).isEqualTo("1004");
        assertThat(unlockEvent.getString("outcome")).isEqualTo("SUCCESS");
    }

    @Test
    void theRestApiChallengesWithBasicAndEnforcesRoles() throws Exception {
        HttpResponse<String> anonymous = console.get("api/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");

        HttpResponse<String> wrong = console.getWithBasic("api/me", "1001", "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpResponse<String> me = console.getWithBasic("api/me", "1001", PASSWORD);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonObject profile = json(me.body()).asJsonObject();
        assertThat(profile.getString("login")).isEqualTo("1001");
        assertThat(profile.getString("displayName")).isEqualTo("王芳");
        assertThat(profile.getString("extension")).isEqualTo("8001");

        assertThat(console.getWithBasic("api/audit", "1001", PASSWORD).statusCode()).isEqualTo(403);
        assertThat(console.getWithBasic("api/audit", "1006", PASSWORD).statusCode()).isEqualTo(200);
    }

    private List<JsonValue> auditOf(String actor) throws Exception {
        HttpResponse<String> response = new ConsoleClient(Deployments.baseUrl())
                .getWithBasic("api/audit?limit=20&actor=" + actor, "1006", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray events = json(response.body()).asJsonArray();
        assertThat(events).isNotEmpty();
        return events;
    }

    private static JsonValue json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
