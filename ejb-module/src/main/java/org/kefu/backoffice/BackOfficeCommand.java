package org.kefu.backoffice;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * A command from the back office: a JSON object with a "type" and an optional "id" that the
 * reply quotes. Parsing is strict: anything else is a {@link MalformedCommand} with a reason.
 */
public record BackOfficeCommand(String type, String id, JsonObject body) {

    public static final int MAX_LENGTH = 64 * 1024;

    public static BackOfficeCommand parse(String text) throws MalformedCommand {
        if (text == null || text.isBlank()) {
            throw new MalformedCommand("empty message");
        }
        if (text.length() > MAX_LENGTH) {
            throw new MalformedCommand("message longer than " + MAX_LENGTH + " characters");
        }
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedCommand("a command must be a JSON object");
            }
            body = value.asJsonObject();
        } catch (JsonException e) {
            throw new MalformedCommand("not JSON: " + e.getMessage());
        }
        JsonValue type = body.get("type");
        if (type == null || type.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedCommand("missing string field \"type\"");
        }
        JsonValue id = body.get("id");
        if (id != null && id.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedCommand("field \"id\" must be a string");
        }
        return new BackOfficeCommand(body.getString("type"), id == null ? null : body.getString("id"), body);
    }

    /** A string field, trimmed; null when absent; malformed when not a string or too long. */
    public String text(String field, int maxLength) throws MalformedCommand {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedCommand("field \"" + field + "\" must be a string");
        }
        String text = body.getString(field).strip();
        if (text.length() > maxLength) {
            throw new MalformedCommand("field \"" + field + "\" longer than " + maxLength + " characters");
        }
        return text;
    }

    public String requiredText(String field, int maxLength) throws MalformedCommand {
        String text = text(field, maxLength);
        if (text == null || text.isEmpty()) {
            throw new MalformedCommand("missing string field \"" + field + "\"");
        }
        return text;
    }

    /** An integer field within bounds; null when absent. */
    public Integer integer(String field, int min, int max) throws MalformedCommand {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !body.getJsonNumber(field).isIntegral()) {
            throw new MalformedCommand("field \"" + field + "\" must be an integer");
        }
        int n = body.getJsonNumber(field).intValue();
        if (n < min || n > max) {
            throw new MalformedCommand("field \"" + field + "\" must be between " + min + " and " + max);
        }
        return n;
    }
}
