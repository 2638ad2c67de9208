package org.kefu.outbound;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * The body of a job that names one written notice to send, {@code {"type":…,"noticeId":n}}: the
 * dunning reminders' (kefu.dunning) and the ticket answers' (kefu.tickets.notices).
 */
public final class NoticeJobJson {

    private NoticeJobJson() {
    }

    /** The notice a job of {@code type} names; anything else is a {@link MalformedJob} that names the field. */
    public static long noticeId(String text, String type) throws MalformedJob {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedJob("not a JSON object");
        }
        JsonValue t = o.get("type");
        if (t == null || t.getValueType() != JsonValue.ValueType.STRING || !type.equals(o.getString("type"))) {
            throw new MalformedJob("field \"type\" must be \"" + type + "\"");
        }
        JsonValue id = o.get("noticeId");
        if (!(id instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1) {
            throw new MalformedJob("field \"noticeId\" must be a positive whole number");
        }
        return n.longValue();
    }

    public static String of(String type, long noticeId) {
        return Json.createObjectBuilder().add("type", type).add("noticeId", noticeId).build().toString();
    }
}
