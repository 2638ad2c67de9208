package org.kefu.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description served at /api/openapi.json is written by hand; this keeps it honest:
 * every operation of every JAX-RS resource in this package is described (same path template and
 * method), and the description names none that does not exist.
 */
class OpenApiDescriptionTest {

    @Test
    void everyResourceOperationIsDescribedAndNothingElse() throws Exception {
        TreeSet<String> implemented = new TreeSet<>();
        for (Class<?> resource : resources()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                implemented.add(verb + " " + normalize(base + (sub == null ? "" : "/" + sub.value())));
            }
        }
        TreeSet<String> described = new TreeSet<>();
        JsonObject paths = openApi().getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String verb : paths.getJsonObject(path).keySet()) {
                if (List.of("get", "post", "put", "delete").contains(verb)) {
                    described.add(verb.toUpperCase(Locale.ROOT) + " " + normalize(path));
                }
            }
        }
        assertThat(implemented).as("operations of the REST resources").isNotEmpty().contains("GET /contact-records");
        assertThat(described).as("operations in openapi.json").containsExactlyElementsOf(implemented);
    }

    @Test
    void contactRecordsAreDescribedWithTheirQueryAndShape() throws Exception {
        JsonObject op = openApi().getJsonObject("paths").getJsonObject("/contact-records").getJsonObject("get");
        assertThat(op.getJsonArray("parameters").stream().map(p -> p.asJsonObject().getString("name")))
                .containsExactlyInAnyOrder("phone", "callRef");
        assertThat(op.getJsonObject("responses").keySet()).contains("200", "400", "401", "403");
        JsonObject record = openApi().getJsonObject("components").getJsonObject("schemas").getJsonObject("ContactRecord");
        assertThat(record.getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("id", "callRef", "customerId", "phone", "agent", "wrapUpCode", "notes", "recordedAt");
    }

    private static JsonObject openApi() throws Exception {
        try (InputStream in = OpenApiDescriptionTest.class.getResourceAsStream("/org/kefu/web/api/openapi.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    /** The resource classes of this package, from the compiled classes. */
    private static List<Class<?>> resources() throws Exception {
        java.nio.file.Path dir = Paths.get(OpenApiDescriptionTest.class.getResource("/org/kefu/web/api/openapi.json").toURI())
                .getParent();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName("org.kefu.web.api." + name, false, OpenApiDescriptionTest.class.getClassLoader());
                if (c.isAnnotationPresent(Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    private static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    /** "/agents/{jobNumber}/login" for "agents//{jobNumber}/login/", and regex parts of templates dropped. */
    private static String normalize(String path) {
        String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
