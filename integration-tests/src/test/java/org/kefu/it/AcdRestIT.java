package org.kefu.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ACD's REST API as a CTI desktop or a wallboard of another vendor uses it: BASIC auth,
 * JSON, an agent acting on itself only, clear errors (400, 404, 409) that change nothing, and
 * the OpenAPI description.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AcdRestIT {

    private static final String PASSWORD = "kefu2026";


    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    final SipBed bed = new SipBed();

    /** The agent is logged in by the test: an administrator logs it out after the test, whatever happened. */
    private void loggedIn(String job) {
        bed.afterward("log " + job + " out", () -> {
            if (!"LOGGED_OUT".equals(state(get("api/agents/" + job, "1006")))) {
                assertThat(post("api/agents/" + job + "/logout", "1006", null).statusCode()).isEqualTo(200);
            }
        });
    }

    @Test
    void anAgentLogsInGoesReadyNotReadyAndLogsOutThroughTheApi() throws Exception {
        loggedIn("1004");
        HttpResponse<String> login = post("api/agents/1004/login", "1004", "{\"extension\":\"8004\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonObject agent = json(login.body()).asJsonObject();
        assertThat(agent.getString("state")).isEqualTo("NOT_READY");
        assertThat(agent.getString("reason")).isEqualTo("logged-in");
        assertThat(agent.getString("extension")).isEqualTo("8004");
        assertThat(agent.getJsonArray("queues").getValuesAs(JsonValue::toString))
                .contains("\"securities\"", "\"banking\"", "\"hotline\"").doesNotContain("\"vip\"");

        HttpResponse<String> twice = post("api/agents/1004/login", "1004", "{\"extension\":\"8004\"}");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);

        assertThat(state(post("api/agents/1004/ready", "1004", null))).isEqualTo("READY");
        HttpResponse<String> wrapUp = post("api/agents/1004/wrap-up-done", "1004", null);
        assertThat(wrapUp.statusCode()).as("no wrap-up to end while ready").isEqualTo(409);
        assertThat(json(wrapUp.body()).asJsonObject().getString("error")).contains("1004");

        HttpResponse<String> badReason = post("api/agents/1004/not-ready", "1004", "{\"reason\":\"nap\"}");
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(badReason.body()).contains("nap");
        assertThat(state(get("api/agents/1004", "1004"))).as("nothing changed").isEqualTo("READY");

        HttpResponse<String> lunch = post("api/agents/1004/not-ready", "1004", "{\"reason\":\"lunch\"}");
        assertThat(state(lunch)).isEqualTo("NOT_READY");
        assertThat(json(lunch.body()).asJsonObject().getString("reason")).isEqualTo("lunch");

        HttpResponse<String> wallboard = get("api/queues/securities", "1005");
        assertThat(wallboard.statusCode()).isEqualTo(200);
        JsonObject securities = json(wallboard.body()).asJsonObject();
        assertThat(securities.getJsonObject("agents").getInt("NOT_READY")).isGreaterThanOrEqualTo(1);
        assertThat(securities.containsKey("serviceLevel")).isTrue();
        assertThat(securities.containsKey("asaSeconds")).isTrue();
        assertThat(securities.containsKey("ahtSeconds")).isTrue();
        assertThat(securities.containsKey("abandonRate")).isTrue();

        assertThat(state(post("api/agents/1004/lock", "1004", null))).isEqualTo("LOCKED");
        assertThat(post("api/agents/1004/ready", "1004", null).statusCode()).as("a locked seat is unlocked first").isEqualTo(409);
        HttpResponse<String> unlocked = post("api/agents/1004/unlock", "1004", null);
        assertThat(state(unlocked)).isEqualTo("NOT_READY");
        assertThat(json(unlocked.body()).asJsonObject().getString("reason")).isEqualTo("unlocked");

        assertThat(state(post("api/agents/1004/logout", "1004", null))).isEqualTo("LOGGED_OUT");
    }

    @Test
    void anAgentMayActOnlyOnItselfButASupervisorOnAnyone() throws Exception {
        loggedIn("1001");
        assertThat(post("api/agents/1001/login", "1002", "{\"extension\":\"8001\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> other = get("api/agents/1001", "1002");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other.body()).asJsonObject().getString("error")).isEqualTo("an agent may only act on itself");
        assertThat(get("api/agents/1001", "bo").statusCode()).as("back office has no ACD role").isEqualTo(403);

        HttpResponse<String> bySupervisor = post("api/agents/1001/login", "1005", "{\"extension\":\"8001\"}");
        assertThat(bySupervisor.statusCode()).as(bySupervisor.body()).isEqualTo(200);
        assertThat(state(get("api/agents/1001", "1001"))).isEqualTo("NOT_READY");
        assertThat(state(post("api/agents/1001/logout", "1006", null))).as("an admin logs anyone out").isEqualTo("LOGGED_OUT");
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() throws Exception {
        loggedIn("1003");
        HttpResponse<String> noDesk = post("api/agents/1003/login", "1003", "{\"extension\":\"9999\"}");
        assertThat(noDesk.statusCode()).isEqualTo(400);
        assertThat(json(noDesk.body()).asJsonObject().getString("error")).contains("9999");
        HttpResponse<String> notJson = post("api/agents/1003/login", "1003", "not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).asJsonObject().getString("error")).startsWith("the body is not JSON of this request's shape");
        HttpResponse<String> number = post("api/agents/1003/login", "1003", "{\"extension\":8003}");
        assertThat(number.statusCode()).as("a number is not a text, even one that reads like an extension").isEqualTo(400);
        assertThat(json(number.body()).asJsonObject().getString("error")).contains("expected a text");
        HttpResponse<String> empty = post("api/agents/1003/login", "1003", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty.body()).asJsonObject().getJsonArray("violations").getJsonObject(0).getString("field"))
                .isEqualTo("extension");
        assertThat(post("api/agents/1003/login", "1003", "{\"extension\":\"  \"}").statusCode()).as("blank").isEqualTo(400);
        assertThat(state(get("api/agents/1003", "1003"))).isEqualTo("LOGGED_OUT");

        assertThat(post("api/agents/1003/ready", "1003", null).statusCode()).as("ready before login").isEqualTo(409);
        assertThat(get("api/agents/9999", "1005").statusCode()).isEqualTo(404);
        assertThat(get("api/queues/nowhere", "1005").statusCode()).isEqualTo(404);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + "api/queues")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
    }

    @Test
    void everyQueueHasLiveFigures() throws Exception {
        HttpResponse<String> response = get("api/queues", "1001");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray queues = json(response.body()).asJsonArray();
        assertThat(queues.getValuesAs(v -> v.asJsonObject().getString("queue")))
                .containsExactly("banking", "english", "hotline", "securities", "utilities", "vip");
        JsonObject banking = queues.getJsonObject(0);
        assertThat(banking.getInt("serviceLevelThresholdSeconds")).isEqualTo(20);
        assertThat(banking.getInt("waiting")).isZero();
    }

    @Test
    void theOpenApiDescriptionIsGeneratedByTheServerAndListsEveryEndpoint() throws Exception {
        // The old address leads to the server's MicroProfile OpenAPI, which anyone may read.
        HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + "api/openapi.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).isEqualTo(301);
        URI location = URI.create(Deployments.baseUrl()).resolve(moved.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/openapi");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(location).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject doc = json(response.body()).asJsonObject();
        assertThat(doc.getJsonObject("info").getString("title")).isEqualTo("Kefu REST API");
        JsonObject paths = doc.getJsonObject("paths");
        java.util.TreeSet<String> operations = new java.util.TreeSet<>();
        for (String path : paths.keySet()) {
            for (String verb : paths.getJsonObject(path).keySet()) {
                if (java.util.List.of("get", "post", "put", "delete").contains(verb)) {
                    operations.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + path);
                }
            }
        }
        // Every operation the EAR serves, generated from the deployed resources (OpenApiDescriptionTest
        // checks the same list against the classes at build time).
        assertThat(operations).containsExactlyInAnyOrder(
                "GET /kefu/api/agents/{jobNumber}", "POST /kefu/api/agents/{jobNumber}/follow-me",
                "POST /kefu/api/agents/{jobNumber}/follow-me/off", "POST /kefu/api/agents/{jobNumber}/follow-me/on",
                "POST /kefu/api/agents/{jobNumber}/lock", "POST /kefu/api/agents/{jobNumber}/login",
                "POST /kefu/api/agents/{jobNumber}/logout", "POST /kefu/api/agents/{jobNumber}/not-ready",
                "POST /kefu/api/agents/{jobNumber}/ready", "POST /kefu/api/agents/{jobNumber}/unlock",
                "POST /kefu/api/agents/{jobNumber}/wrap-up-done", "GET /kefu/api/audit", "GET /kefu/api/callbacks",
                "GET /kefu/api/callbacks/{id}", "GET /kefu/api/callbacks/figures", "DELETE /kefu/api/callbacks/{id}", "GET /kefu/api/contact-records",
                "GET /kefu/api/do-not-call", "PUT /kefu/api/do-not-call/numbers/{phone}", "DELETE /kefu/api/do-not-call/numbers/{phone}",
                "PUT /kefu/api/do-not-call/customers/{id}", "DELETE /kefu/api/do-not-call/customers/{id}",
                "POST /kefu/api/dunning/runs", "GET /kefu/api/dunning/reminders", "GET /kefu/api/dunning/figures", "GET /kefu/api/surveys/agents", "GET /kefu/api/health", "GET /kefu/api/ivr/flows", "POST /kefu/api/ivr/flows",
                "GET /kefu/api/ivr/flows/{id}/versions/{version}", "POST /kefu/api/ivr/flows/{id}/versions/{version}/activate",
                "GET /kefu/api/ivr/prompts", "POST /kefu/api/ivr/prompts/{lang}/{name}", "GET /kefu/api/me",
                "POST /kefu/api/public/callback-requests", "POST /kefu/api/public/tickets", "GET /kefu/api/public/tickets/{number}", "GET /kefu/api/queues", "GET /kefu/api/queues/{code}",
                "PUT /kefu/api/routing/calendar/{date}", "GET /kefu/api/routing/calendar",
                "DELETE /kefu/api/routing/calendar/{date}", "GET /kefu/api/routing/hours/{kind}/{code}",
                "PUT /kefu/api/routing/hours/{kind}/{code}", "POST /kefu/api/routing/reload", "GET /kefu/api/tickets/types", "GET /kefu/api/tickets/categories",
                "POST /kefu/api/tickets", "GET /kefu/api/tickets/{number}", "GET /kefu/api/tickets/overdue", "GET /kefu/api/tickets",
                "GET /kefu/api/tickets/{number}/history", "POST /kefu/api/tickets/{number}/actions",
                "POST /kefu/api/tickets/{number}/visit-calls", "POST /kefu/api/tickets/{number}/visits", "GET /kefu/api/tickets/{number}/visits", "GET /kefu/api/departments", "GET /kefu/api/tickets/escalations", "GET /kefu/api/tickets/figures",
                "GET /kefu/api/departments/dispatch-rules", "GET /kefu/api/departments/{code}/tickets", "GET /kefu/api/departments/load",
                "GET /kefu/api/tickets/{number}/notices", "POST /kefu/api/tickets/{number}/attachments",
                "GET /kefu/api/tickets/{number}/attachments", "GET /kefu/api/tickets/{number}/attachments/{id}", "GET /kefu/api/routing/rules",
                "POST /kefu/api/routing/rules", "PUT /kefu/api/routing/rules/{id}", "DELETE /kefu/api/routing/rules/{id}",
                "POST /kefu/api/users/{login}/unlock");
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("Agent").getJsonObject("properties").keySet()).contains("jobNumber", "state", "followMe");
        assertThat(schemas.getJsonObject("Queue").getJsonObject("properties").keySet()).contains("queue", "waiting", "serviceLevel");
        assertThat(schemas.getJsonObject("ApiError").getJsonObject("properties").keySet()).contains("error", "violations");
        assertThat(paths.getJsonObject("/kefu/api/queues").getJsonObject("get").getJsonObject("responses").getJsonObject("200").toString())
                .contains("#/components/schemas/Queue");
    }

    private static String state(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).asJsonObject().getString("state");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + path))
                .header("Authorization", basic(user));
        if (body == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }
}
