package org.kefu.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IVR flow administration over REST: the demo flows are stored and active at start, an upload is
 * validated (400 with problems naming the node) or stored as the next, inactive version (201),
 * activation takes effect without redeployment (204), only admins may do any of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IvrFlowsRestIT {

    private static final String PASSWORD = "kefu2026";
    private static final String ADMIN = "1006";


    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theDemoFlowsAreStoredAndActive() throws Exception {
        HttpResponse<String> list = send("GET", "api/ivr/flows", ADMIN, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> active = json(list.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(v -> "ACTIVE".equals(v.getString("status"))).map(v -> v.getString("id")).toList();
        assertThat(active).contains("banking-95500", "securities-95501", "utilities-96000", "hotline-12345");
    }

    @Test
    void anInvalidFlowIsRefusedWithItsProblemsAndNothingIsStored() throws Exception {
        String bad = "{\"id\":\"it-bad\",\"start\":\"a\",\"nodes\":["
                + "{\"id\":\"a\",\"type\":\"play\",\"prompts\":[\"welcome\",\"no-such-prompt\"],\"next\":\"nowhere\"}]}";
        HttpResponse<String> r = send("POST", "api/ivr/flows", ADMIN, bad);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        String problems = json(r.body()).asJsonObject().getJsonArray("problems").toString();
        assertThat(problems).contains("node \\\"a\\\"").contains("nowhere").contains("no-such-prompt");

        HttpResponse<String> broken = send("POST", "api/ivr/flows", ADMIN, "{\"id\":\"it-bad\"");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);

        assertThat(send("GET", "api/ivr/flows", ADMIN, null).body()).doesNotContain("it-bad");
    }

    /**
     * Issue 14 item 8: a flow with a path that reaches a money operation before the PIN is
     * verified is refused at upload (400 naming the node and the path), nothing stored; the same
     * flow with the PIN check on that path is accepted.
     */
    @Test
    void aFlowThatSkipsThePinCheckIsRefusedAtUpload() throws Exception {
        String flow = "{\"id\":\"it-no-pin\",\"start\":\"account\",\"agent\":\"agent\",\"nodes\":["
                + "{\"id\":\"account\",\"type\":\"collect\",\"prompts\":[\"enter-account\"],\"var\":\"account\",\"maxDigits\":19,"
                + "\"terminator\":\"#\",\"next\":\"%s\"},"
                + "{\"id\":\"pin\",\"type\":\"collect\",\"prompts\":[\"enter-pin\"],\"var\":\"pin\",\"secret\":true,"
                + "\"minDigits\":6,\"maxDigits\":6,\"next\":\"verify\"},"
                + "{\"id\":\"verify\",\"type\":\"service\",\"operation\":\"banking.verifyPin\","
                + "\"inputs\":{\"account\":\"$account\",\"pin\":\"$pin\"},\"onError\":{\"*\":\"agent\"},\"next\":\"transfer\"},"
                + "{\"id\":\"transfer\",\"type\":\"service\",\"operation\":\"banking.transfer\","
                + "\"inputs\":{\"account\":\"$account\",\"payee\":\"6222020000000002\",\"amount\":\"1.00\"},"
                + "\"onError\":{\"*\":\"agent\"},\"next\":\"agent\"},"
                + "{\"id\":\"agent\",\"type\":\"transfer\",\"queue\":\"banking\"}]}";
        HttpResponse<String> skips = send("POST", "api/ivr/flows", ADMIN, String.format(flow, "transfer"));
        assertThat(skips.statusCode()).as(skips.body()).isEqualTo(400);
        assertThat(json(skips.body()).asJsonObject().getJsonArray("problems").toString())
                .contains("node \\\"transfer\\\"").contains("before a PIN is verified").contains("account > transfer");
        assertThat(send("GET", "api/ivr/flows", ADMIN, null).body()).doesNotContain("it-no-pin");

        HttpResponse<String> checks = send("POST", "api/ivr/flows", ADMIN, String.format(flow, "pin"));
        assertThat(checks.statusCode()).as(checks.body()).isEqualTo(201);
    }

    @Test
    void anUploadIsANewInactiveVersionThatActivationMakesTheOnlyActiveOne() throws Exception {
        String flow = "{\"id\":\"it-hotline\",\"description\":\"IT\",\"start\":\"menu\",\"agent\":\"agent\",\"nodes\":["
                + "{\"id\":\"menu\",\"type\":\"menu\",\"prompts\":[\"welcome\",\"main-menu-hotline\"],"
                + "\"options\":{\"1\":\"agent\",\"2\":\"bye\"}},"
                + "{\"id\":\"agent\",\"type\":\"transfer\",\"prompts\":[\"transfer-to-agent\"],\"queue\":\"hotline\"},"
                + "{\"id\":\"bye\",\"type\":\"hangup\",\"prompts\":[\"goodbye\"]}]}";
        JsonObject v1 = created(send("POST", "api/ivr/flows", ADMIN, flow));
        JsonObject v2 = created(send("POST", "api/ivr/flows", ADMIN, flow));
        assertThat(v2.getInt("version")).isEqualTo(v1.getInt("version") + 1);
        assertThat(v2.getString("status")).isEqualTo("INACTIVE");
        assertThat(v2.getString("createdBy")).isEqualTo(ADMIN);

        String base = "api/ivr/flows/it-hotline/versions/";
        assertThat(send("POST", base + v1.getInt("version") + "/activate", ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(statuses()).contains("it-hotline:" + v1.getInt("version") + ":ACTIVE", "it-hotline:" + v2.getInt("version") + ":INACTIVE");
        assertThat(send("POST", base + v2.getInt("version") + "/activate", ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(statuses()).contains("it-hotline:" + v1.getInt("version") + ":INACTIVE", "it-hotline:" + v2.getInt("version") + ":ACTIVE");

        HttpResponse<String> unknown = send("POST", base + "999/activate", ADMIN, null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        HttpResponse<String> text = send("GET", base + v2.getInt("version"), ADMIN, null);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).isEqualTo(flow);

        HttpResponse<String> audit = send("GET", "api/audit?actor=" + ADMIN, ADMIN, null);
        assertThat(audit.body()).contains("IVR_FLOW_UPLOAD").contains("IVR_FLOW_ACTIVATE");
    }

    @Test
    void onlyAdminsAdministerFlows() throws Exception {
        assertThat(send("GET", "api/ivr/flows", "1005", null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "api/ivr/flows/banking-95500/versions/1/activate", "1001", null).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + "api/ivr/flows"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private List<String> statuses() throws Exception {
        return json(send("GET", "api/ivr/flows", ADMIN, null).body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .map(v -> v.getString("id") + ":" + v.getInt("version") + ":" + v.getString("status")).toList();
    }

    private static JsonObject created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).isPresent();
        return json(r.body()).asJsonObject();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue json(String s) {
        return Json.createReader(new StringReader(s)).readValue();
    }
}
