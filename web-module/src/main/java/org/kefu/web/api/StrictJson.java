package org.kefu.web.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;

/**
 * The JSON-B the API binds request records with: a text field takes only a JSON string (or null).
 * Yasson on its own turns {@code 8003} or {@code true} into "8003" or "true", so a client's type
 * error would pass as a value; here it is a 400 (see {@link UnreadableBodyMapper}).
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withDeserializers(new TextOnly()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** Strings from JSON strings only. */
    public static final class TextOnly implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonString text) {
                return text.getString();
            }
            if (value == JsonValue.NULL) {
                return null;
            }
            throw new JsonbException("expected a text (a JSON string), found " + value.getValueType());
        }
    }
}
