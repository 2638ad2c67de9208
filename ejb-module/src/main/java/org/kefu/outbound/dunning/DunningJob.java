package org.kefu.outbound.dunning;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.kefu.outbound.MalformedJob;

import java.io.StringReader;

/** A dunning job as it travels on kefu.dunning: send reminder {@code noticeId}. */
public record DunningJob(long noticeId) {

    /** Reads and checks a job; anything wrong is a {@link MalformedJob} that names the field. */
    public static DunningJob parse(String text) throws MalformedJob {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedJob("not a JSON object");
        }
        JsonValue type = o.get("type");
        if (type == null || type.getValueType() != JsonValue.ValueType.STRING || !"dunning".equals(o.getString("type"))) {
            throw new MalformedJob("field \"type\" must be \"dunning\"");
        }
        JsonValue id = o.get("noticeId");
        if (!(id instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1) {
            throw new MalformedJob("field \"noticeId\" must be a positive whole number");
        }
        return new DunningJob(n.longValue());
    }

    public String toJson() {
        return Json.createObjectBuilder().add("type", "dunning").add("noticeId", noticeId).build().toString();
    }
}
