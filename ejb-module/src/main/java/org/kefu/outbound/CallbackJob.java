package org.kefu.outbound;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A callback job as it travels on kefu.callbacks: which request ({@code requestId}: "acd:42" from
 * the queue's "press 9", "bo:…" from the back office), the number to call, the queue whose agents
 * call back (null: the default), when the caller first waited (its place in the queue), not
 * before when, and which attempt this is (1 for the first).
 */
public record CallbackJob(String requestId, String phone, String queue, Instant enqueuedAt, Instant notBefore,
                          String reason, Long customerId, int priority, int attempt) {

    static final int MAX_ATTEMPT = 20;
    private static final Pattern REQUEST_ID = Pattern.compile("[a-z]{2,12}:[A-Za-z0-9._-]{1,64}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern QUEUE = Pattern.compile("[a-z0-9_-]{1,32}");

    /** Reads and checks a job; anything wrong is a {@link MalformedJob} that names the field. */
    public static CallbackJob parse(String text, Instant now) throws MalformedJob {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(text == null ? "" : text))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedJob("not a JSON object");
        }
        if (!"callback".equals(text(o, "type"))) {
            throw new MalformedJob("field \"type\" must be \"callback\"");
        }
        String requestId = text(o, "requestId");
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new MalformedJob("field \"requestId\" must be a source and an id, such as \"bo:A-17\"");
        }
        String phone = text(o, "phone");
        if (phone == null || !PHONE.matcher(phone).matches()) {
            throw new MalformedJob("field \"phone\" must be 3 to 20 digits");
        }
        String queue = text(o, "queue");
        if (queue != null && !QUEUE.matcher(queue).matches()) {
            throw new MalformedJob("field \"queue\" is not a queue code");
        }
        Instant enqueuedAt = instant(o, "enqueuedAt");
        if (enqueuedAt == null) {
            enqueuedAt = instant(o, "requestedAt");
        }
        if (enqueuedAt == null || enqueuedAt.isAfter(now.plusSeconds(60))) {
            enqueuedAt = now; // a job from the future keeps no place ahead of anyone
        }
        String reason = text(o, "reason");
        if (reason != null && reason.length() > 200) {
            throw new MalformedJob("field \"reason\" is longer than 200 characters");
        }
        Long customer = number(o, "customerId", 1, Long.MAX_VALUE);
        Long priority = number(o, "priority", 0, 9);
        Long attempt = number(o, "attempt", 1, MAX_ATTEMPT);
        return new CallbackJob(requestId, phone, queue, enqueuedAt, instant(o, "notBefore"), reason, customer,
                priority == null ? 0 : priority.intValue(), attempt == null ? 1 : attempt.intValue());
    }

    /** The same request's next attempt, as a job. */
    public CallbackJob next() {
        return new CallbackJob(requestId, phone, queue, enqueuedAt, null, reason, customerId, priority, attempt + 1);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", "callback")
                .add("requestId", requestId)
                .add("phone", phone)
                .add("enqueuedAt", enqueuedAt.toString())
                .add("priority", priority)
                .add("attempt", attempt);
        if (queue != null) {
            b.add("queue", queue);
        }
        if (notBefore != null) {
            b.add("notBefore", notBefore.toString());
        }
        if (reason != null) {
            b.add("reason", reason);
        }
        if (customerId != null) {
            b.add("customerId", customerId);
        }
        return b.build();
    }

    /** The request's number in callback_request for "acd:42", else null (the key is the whole id). */
    Long acdRequest() {
        if (!requestId.startsWith("acd:")) {
            return null;
        }
        try {
            return Long.valueOf(requestId.substring(4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String field) throws MalformedJob {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new MalformedJob("field \"" + field + "\" must be a string");
        }
        return s.getString();
    }

    private static Instant instant(JsonObject o, String field) throws MalformedJob {
        String s = text(o, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new MalformedJob("field \"" + field + "\" must be an ISO-8601 instant");
        }
    }

    private static Long number(JsonObject o, String field, long min, long max) throws MalformedJob {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < min || n.longValue() > max) {
            throw new MalformedJob("field \"" + field + "\" must be a whole number from " + min + " to " + max);
        }
        return n.longValue();
    }
}
