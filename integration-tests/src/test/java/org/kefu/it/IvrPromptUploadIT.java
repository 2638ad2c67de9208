package org.kefu.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompt upload over REST (issue 5 §4): an admin uploads a WAV, a flow using the new name is then
 * accepted and activated without a redeploy; a bad file or name is refused with its reason and
 * stores nothing; only admins may upload; uploads are audited.
 */
@ExtendWith(ArquillianExtension.class)
class IvrPromptUploadIT {

    private static final String ADMIN = "1006";


    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void anUploadedPromptIsAcceptedByAFlowThatIsThenActivated() throws Exception {
        String name = "it-greeting-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String flow = "{\"id\":\"it-" + name + "\",\"start\":\"hello\",\"nodes\":["
                + "{\"id\":\"hello\",\"type\":\"hangup\",\"prompts\":[\"" + name + "\",\"goodbye\"]}]}";

        HttpResponse<String> before = send("POST", "api/ivr/flows", ADMIN, "application/json", flow.getBytes(StandardCharsets.UTF_8));
        assertThat(before.statusCode()).as(before.body()).isEqualTo(400);
        assertThat(before.body()).contains(name);

        HttpResponse<String> up = send("POST", "api/ivr/prompts/zh-CN/" + name, ADMIN, "audio/wav", wav(8000, 1, 16, 8000));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        assertThat(json(up.body()).getString("prompt")).isEqualTo("zh-CN/" + name);
        assertThat(send("GET", "api/ivr/prompts", ADMIN, null, null).body()).contains("zh-CN/" + name);
        // Where the switch looks for overrides (the server's data folder; same machine as this test).
        java.nio.file.Path stored = java.nio.file.Path.of(System.getProperty("kefu.it.base"), "data", "kefu", "prompts", "zh-CN", name + ".wav");
        assertThat(stored).exists().hasSize(44 + 16000);

        HttpResponse<String> after = send("POST", "api/ivr/flows", ADMIN, "application/json", flow.getBytes(StandardCharsets.UTF_8));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        int version = json(after.body()).getInt("version");
        HttpResponse<String> activated = send("POST", "api/ivr/flows/it-" + name + "/versions/" + version + "/activate", ADMIN, null, null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(204);

        assertThat(send("GET", "api/audit?actor=" + ADMIN, ADMIN, null, null).body()).contains("IVR_PROMPT_UPLOAD");
    }

    @Test
    void aBadFileOrNameIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
        String name = "it-bad-" + ThreadLocalRandom.current().nextInt(1_000_000);
        HttpResponse<String> cd = send("POST", "api/ivr/prompts/zh-CN/" + name, ADMIN, "audio/wav", wav(44100, 1, 16, 44100));
        assertThat(cd.statusCode()).as(cd.body()).isEqualTo(400);
        assertThat(cd.body()).contains("8000 Hz").contains("44100");

        HttpResponse<String> stereo = send("POST", "api/ivr/prompts/zh-CN/" + name, ADMIN, "audio/wav", wav(8000, 2, 16, 8000));
        assertThat(stereo.statusCode()).as(stereo.body()).isEqualTo(400);
        assertThat(stereo.body()).contains("mono");

        HttpResponse<String> text = send("POST", "api/ivr/prompts/zh-CN/" + name, ADMIN, "audio/wav",
                "this is not a recording, just some words that are long enough".getBytes(StandardCharsets.US_ASCII));
        assertThat(text.statusCode()).as(text.body()).isEqualTo(400);
        assertThat(text.body()).contains("not a WAV file");

        HttpResponse<String> badName = send("POST", "api/ivr/prompts/zh-CN/Bad_Name", ADMIN, "audio/wav", wav(8000, 1, 16, 800));
        assertThat(badName.statusCode()).as(badName.body()).isEqualTo(400);
        assertThat(badName.body()).contains("prompt name");

        HttpResponse<String> badLang = send("POST", "api/ivr/prompts/fr/" + name, ADMIN, "audio/wav", wav(8000, 1, 16, 800));
        assertThat(badLang.statusCode()).as(badLang.body()).isEqualTo(400);
        assertThat(badLang.body()).contains("language");

        assertThat(send("GET", "api/ivr/prompts", ADMIN, null, null).body()).doesNotContain(name);
    }

    @Test
    void onlyAdminsUploadPrompts() throws Exception {
        assertThat(send("POST", "api/ivr/prompts/zh-CN/it-agent", "1001", "audio/wav", wav(8000, 1, 16, 800)).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "api/ivr/prompts", "1005", null, null).statusCode()).isEqualTo(403);
    }

    /** A WAV of {@code samples} samples of a quiet tone. */
    private static byte[] wav(int rate, int channels, int bits, int samples) {
        int data = samples * channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        for (int i = 0; i < samples * channels; i++) {
            b.putShort((short) (1000 * Math.sin(i * 2 * Math.PI * 440 / rate)));
        }
        return b.array();
    }

    private HttpResponse<String> send(String method, String path, String user, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Deployments.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":kefu2026").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }
}
