package org.kefu.ivr.format;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kefu.ivr.Condition;
import org.kefu.ivr.FlowFormatException;
import org.kefu.ivr.FlowNode;
import org.kefu.ivr.FlowValidator;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.PromptItem;
import org.kefu.ivr.TransferKind;

/**
 * Reads the JSON flow format ({@code docs/ivr-flow-format.md}, schema
 * {@code org/kefu/ivr/flow.schema.json}) into an {@link IvrFlow}. Structural checks only (fields,
 * kinds, ranges, duplicate ids, unknown fields); references between nodes, reachability and
 * prompts are the {@link FlowValidator}'s. The first problem is thrown as a
 * {@link FlowFormatException} naming its JSON pointer and node id.
 */
public final class FlowParser {

    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final Pattern VAR = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");
    static final Pattern KEY = Pattern.compile("[0-9*#]");
    static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

    private static final Set<String> FLOW_FIELDS = Set.of("$schema", "id", "version", "description", "start",
            "language", "languages", "agent", "retries", "nodes");
    private static final Map<String, Set<String>> NODE_FIELDS = Map.of(
            "play", Set.of("prompts", "bargeIn", "next"),
            "menu", Set.of("prompts", "options", "var", "retries", "noInput", "onFail", "timeout"),
            "collect", Set.of("prompts", "var", "secret", "minDigits", "maxDigits", "terminator", "timeout",
                    "interDigitTimeout", "pattern", "decimalStar", "retries", "onFail", "next"),
            "service", Set.of("operation", "inputs", "outputs", "onError", "next"),
            "condition", Set.of("when", "otherwise"),
            "language", Set.of("language", "next"),
            "transfer", Set.of("prompts", "queue", "agent", "number", "attach"),
            "record", Set.of("prompts", "maxSeconds", "var", "next"),
            "hangup", Set.of("prompts"));

    public IvrFlow parse(String json) throws FlowFormatException {
        return parse(new StringReader(json));
    }

    public IvrFlow parse(InputStream in) throws FlowFormatException {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public IvrFlow parse(Reader reader) throws FlowFormatException {
        JsonValue root;
        try (JsonReader r = Json.createReader(reader)) {
            root = r.readValue();
        } catch (JsonParsingException e) {
            var loc = e.getLocation();
            throw new FlowFormatException("", "not valid JSON"
                    + (loc == null ? "" : " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber())
                    + ": " + e.getMessage());
        } catch (JsonException e) {
            throw new FlowFormatException("", "not valid JSON: " + e.getMessage());
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new FlowFormatException("", "a flow is a JSON object");
        }
        return flow(root.asJsonObject());
    }

    private IvrFlow flow(JsonObject o) throws FlowFormatException {
        unknownFields(o, FLOW_FIELDS, "", null);
        String id = id(o, "id", "", null);
        int version = intField(o, "version", "", null, 0, 0, Integer.MAX_VALUE);
        String description = optString(o, "description", "", null);
        String start = id(o, "start", "", null);
        String language = optString(o, "language", "", null);
        if (language == null) {
            language = "zh-CN";
        }
        if (!LANGUAGES.contains(language)) {
            throw new FlowFormatException("/language", "language must be zh-CN or en, not \"" + language + "\"");
        }
        List<String> languages = new ArrayList<>();
        if (o.containsKey("languages")) {
            JsonArray a = array(o, "languages", "", null);
            for (int i = 0; i < a.size(); i++) {
                String l = string(a.get(i), "/languages/" + i, null);
                if (!LANGUAGES.contains(l)) {
                    throw new FlowFormatException("/languages/" + i, "language must be zh-CN or en, not \"" + l + "\"");
                }
                languages.add(l);
            }
        } else {
            languages.add(language);
        }
        if (!languages.contains(language)) {
            throw new FlowFormatException("/languages", "must contain the flow's language " + language);
        }
        String agent = o.containsKey("agent") ? id(o, "agent", "", null) : null;
        int retries = intField(o, "retries", "", null, IvrFlow.DEFAULT_RETRIES, 0, 9);
        JsonArray nodesJson = array(o, "nodes", "", null);
        if (nodesJson.isEmpty()) {
            throw new FlowFormatException("/nodes", "a flow needs at least one node");
        }
        List<FlowNode> nodes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodesJson.size(); i++) {
            String p = "/nodes/" + i;
            if (nodesJson.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new FlowFormatException(p, "a node is a JSON object");
            }
            FlowNode n = node(nodesJson.getJsonObject(i), p);
            if (!ids.add(n.id())) {
                throw new FlowFormatException(p + "/id", "node \"" + n.id() + "\": duplicate id");
            }
            nodes.add(n);
        }
        return new IvrFlow(id, version, description, start, language, languages, agent, retries, nodes);
    }

    private FlowNode node(JsonObject o, String p) throws FlowFormatException {
        String id = id(o, "id", p, null);
        String type = string(o, "type", p, id);
        Set<String> fields = NODE_FIELDS.get(type);
        if (fields == null) {
            throw new FlowFormatException(p + "/type", "node \"" + id + "\": unknown type \"" + type
                    + "\" (play, menu, collect, service, condition, language, transfer, record, hangup)");
        }
        Set<String> allowed = new HashSet<>(fields);
        allowed.add("id");
        allowed.add("type");
        allowed.add("description");
        unknownFields(o, allowed, p, id);
        switch (type) {
            case "play":
                return new FlowNode.Play(id, prompts(o, p, id, true), bool(o, "bargeIn", p, id, true), id(o, "next", p, id));
            case "menu":
                return menu(o, p, id);
            case "collect":
                return collect(o, p, id);
            case "service":
                return service(o, p, id);
            case "condition":
                return condition(o, p, id);
            case "language": {
                String l = string(o, "language", p, id);
                if (!LANGUAGES.contains(l)) {
                    throw new FlowFormatException(p + "/language", "node \"" + id + "\": language must be zh-CN or en");
                }
                return new FlowNode.Language(id, l, id(o, "next", p, id));
            }
            case "transfer":
                return transfer(o, p, id);
            case "record":
                return new FlowNode.Record(id, prompts(o, p, id, false), intField(o, "maxSeconds", p, id, 60, 1, 600),
                        optVar(o, "var", p, id), id(o, "next", p, id));
            default:
                return new FlowNode.Hangup(id, prompts(o, p, id, false));
        }
    }

    private FlowNode.Menu menu(JsonObject o, String p, String id) throws FlowFormatException {
        JsonObject opts = object(o, "options", p, id);
        if (opts.isEmpty()) {
            throw new FlowFormatException(p + "/options", "node \"" + id + "\": a menu needs at least one option");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : opts.keySet()) {
            if (!KEY.matcher(key).matches()) {
                throw new FlowFormatException(p + "/options/" + key, "node \"" + id + "\": option keys are single keypad keys 0-9, * or #");
            }
            options.put(key, idValue(opts.get(key), p + "/options/" + key, id));
        }
        Integer retries = o.containsKey("retries") ? intField(o, "retries", p, id, 0, 0, 9) : null;
        return new FlowNode.Menu(id, prompts(o, p, id, true), options, optVar(o, "var", p, id), retries,
                optId(o, "noInput", p, id), optId(o, "onFail", p, id), intField(o, "timeout", p, id, 8, 1, 60));
    }

    private FlowNode.Collect collect(JsonObject o, String p, String id) throws FlowFormatException {
        int max = intField(o, "maxDigits", p, id, 0, 1, 64);
        int min = intField(o, "minDigits", p, id, 1, 1, 64);
        if (min > max) {
            throw new FlowFormatException(p + "/minDigits", "node \"" + id + "\": minDigits " + min + " exceeds maxDigits " + max);
        }
        char terminator = '#';
        if (o.containsKey("terminator")) {
            String t = string(o, "terminator", p, id);
            if (!t.isEmpty() && !(t.length() == 1 && "*#".indexOf(t.charAt(0)) >= 0)) {
                throw new FlowFormatException(p + "/terminator", "node \"" + id + "\": terminator is \"#\", \"*\" or \"\" for none");
            }
            terminator = t.isEmpty() ? 0 : t.charAt(0);
        }
        String pattern = optString(o, "pattern", p, id);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new FlowFormatException(p + "/pattern", "node \"" + id + "\": not a regular expression: " + e.getDescription());
            }
        }
        boolean decimalStar = bool(o, "decimalStar", p, id, false);
        if (decimalStar && terminator == '*') {
            throw new FlowFormatException(p + "/decimalStar", "node \"" + id + "\": * cannot be both the decimal point and the terminator");
        }
        Integer retries = o.containsKey("retries") ? intField(o, "retries", p, id, 0, 0, 9) : null;
        return new FlowNode.Collect(id, prompts(o, p, id, true), var(o, "var", p, id), bool(o, "secret", p, id, false),
                min, max, terminator, intField(o, "timeout", p, id, 8, 1, 60), intField(o, "interDigitTimeout", p, id, 5, 1, 30),
                pattern, decimalStar, retries, optId(o, "onFail", p, id), id(o, "next", p, id));
    }

    private FlowNode.Service service(JsonObject o, String p, String id) throws FlowFormatException {
        String operation = string(o, "operation", p, id);
        if (!operation.matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+")) {
            throw new FlowFormatException(p + "/operation", "node \"" + id + "\": operation is domain.name, e.g. banking.balance");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        if (o.containsKey("inputs")) {
            JsonObject in = object(o, "inputs", p, id);
            for (String k : in.keySet()) {
                inputs.put(k, reference(in.get(k), p + "/inputs/" + k, id));
            }
        }
        List<String> outputs = new ArrayList<>();
        if (o.containsKey("outputs")) {
            JsonArray a = array(o, "outputs", p, id);
            for (int i = 0; i < a.size(); i++) {
                String v = string(a.get(i), p + "/outputs/" + i, id);
                checkVar(v, p + "/outputs/" + i, id);
                outputs.add(v);
            }
        }
        Map<String, String> onError = new LinkedHashMap<>();
        if (o.containsKey("onError")) {
            JsonObject e = object(o, "onError", p, id);
            for (String code : e.keySet()) {
                onError.put(code, idValue(e.get(code), p + "/onError/" + code, id));
            }
        }
        return new FlowNode.Service(id, operation, inputs, outputs, onError, id(o, "next", p, id));
    }

    private FlowNode.Branching condition(JsonObject o, String p, String id) throws FlowFormatException {
        JsonArray when = array(o, "when", p, id);
        List<FlowNode.Branch> branches = new ArrayList<>();
        for (int i = 0; i < when.size(); i++) {
            String bp = p + "/when/" + i;
            if (when.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new FlowFormatException(bp, "node \"" + id + "\": a branch is an object");
            }
            JsonObject b = when.getJsonObject(i);
            branches.add(new FlowNode.Branch(test(b, bp, id), id(b, "next", bp, id)));
        }
        return new FlowNode.Branching(id, branches, id(o, "otherwise", p, id));
    }

    private Condition test(JsonObject b, String p, String id) throws FlowFormatException {
        if (b.containsKey("var")) {
            unknownFields(b, Set.of("var", "equals", "notEquals", "in", "present", "atLeast", "atMost", "next"), p, id);
            String var = var(b, "var", p, id);
            List<Condition.Op> ops = new ArrayList<>();
            for (String k : List.of("equals", "notEquals", "in", "present", "atLeast", "atMost")) {
                if (b.containsKey(k)) {
                    ops.add(Condition.Op.valueOf(k.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT)));
                }
            }
            if (ops.size() != 1) {
                throw new FlowFormatException(p, "node \"" + id
                        + "\": a variable test has exactly one of equals, notEquals, in, present, atLeast, atMost");
            }
            Condition.Op op = ops.get(0);
            List<String> values = new ArrayList<>();
            switch (op) {
                case IN: {
                    JsonArray a = array(b, "in", p, id);
                    for (int i = 0; i < a.size(); i++) {
                        values.add(scalar(a.get(i), p + "/in/" + i, id));
                    }
                    break;
                }
                case PRESENT:
                    if (!bool(b, "present", p, id, true)) {
                        throw new FlowFormatException(p + "/present", "node \"" + id + "\": present must be true (use otherwise)");
                    }
                    break;
                case AT_LEAST:
                case AT_MOST: {
                    String key = op == Condition.Op.AT_LEAST ? "atLeast" : "atMost";
                    String v = scalar(b.get(key), p + "/" + key, id);
                    try {
                        new java.math.BigDecimal(v);
                    } catch (NumberFormatException e) {
                        throw new FlowFormatException(p + "/" + key, "node \"" + id + "\": " + key + " needs a number");
                    }
                    values.add(v);
                    break;
                }
                default:
                    values.add(scalar(b.get(op == Condition.Op.EQUALS ? "equals" : "notEquals"),
                            p + "/" + (op == Condition.Op.EQUALS ? "equals" : "notEquals"), id));
            }
            return new Condition.Var(var, op, values);
        }
        if (b.containsKey("time")) {
            unknownFields(b, Set.of("time", "days", "next"), p, id);
            JsonObject t = object(b, "time", p, id);
            LocalTime from = time(t, "from", p + "/time", id);
            LocalTime to = time(t, "to", p + "/time", id);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            if (b.containsKey("days")) {
                JsonArray a = array(b, "days", p, id);
                for (int i = 0; i < a.size(); i++) {
                    String d = string(a.get(i), p + "/days/" + i, id);
                    try {
                        days.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new FlowFormatException(p + "/days/" + i, "node \"" + id + "\": not a day of the week: " + d);
                    }
                }
            }
            return new Condition.TimeOfDay(from, to, days);
        }
        if (b.containsKey("holiday")) {
            unknownFields(b, Set.of("holiday", "next"), p, id);
            return new Condition.Holiday(bool(b, "holiday", p, id, true));
        }
        if (b.containsKey("visits")) {
            unknownFields(b, Set.of("visits", "atLeast", "next"), p, id);
            return new Condition.Visits(id(b, "visits", p, id), intField(b, "atLeast", p, id, 0, 1, 1000));
        }
        throw new FlowFormatException(p, "node \"" + id + "\": a branch tests one of var, time, holiday, visits");
    }

    private LocalTime time(JsonObject t, String key, String p, String id) throws FlowFormatException {
        String s = string(t, key, p, id);
        if ("24:00".equals(s)) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new FlowFormatException(p + "/" + key, "node \"" + id + "\": time is HH:mm (00:00 to 24:00), not \"" + s + "\"");
        }
    }

    private FlowNode.Transfer transfer(JsonObject o, String p, String id) throws FlowFormatException {
        List<TransferKind> kinds = new ArrayList<>();
        for (TransferKind k : TransferKind.values()) {
            if (o.containsKey(k.name().toLowerCase(Locale.ROOT))) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            throw new FlowFormatException(p, "node \"" + id + "\": a transfer has exactly one of queue, agent, number");
        }
        TransferKind kind = kinds.get(0);
        String target = reference(o.get(kind.name().toLowerCase(Locale.ROOT)), p + "/" + kind.name().toLowerCase(Locale.ROOT), id);
        if (target.isBlank()) {
            throw new FlowFormatException(p + "/" + kind.name().toLowerCase(Locale.ROOT), "node \"" + id + "\": empty transfer target");
        }
        Map<String, String> attach = new LinkedHashMap<>();
        if (o.containsKey("attach")) {
            JsonObject a = object(o, "attach", p, id);
            for (String k : a.keySet()) {
                attach.put(k, reference(a.get(k), p + "/attach/" + k, id));
            }
        }
        return new FlowNode.Transfer(id, prompts(o, p, id, false), kind, target, attach);
    }

    // ---- prompts ----

    private List<PromptItem> prompts(JsonObject o, String p, String id, boolean required) throws FlowFormatException {
        if (!o.containsKey("prompts")) {
            if (required) {
                throw new FlowFormatException(p + "/prompts", "node \"" + id + "\": prompts missing");
            }
            return List.of();
        }
        JsonArray a = array(o, "prompts", p, id);
        if (required && a.isEmpty()) {
            throw new FlowFormatException(p + "/prompts", "node \"" + id + "\": at least one prompt needed");
        }
        List<PromptItem> items = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String ip = p + "/prompts/" + i;
            JsonValue v = a.get(i);
            if (v.getValueType() == JsonValue.ValueType.STRING) {
                String name = ((JsonString) v).getString();
                if (!name.matches("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)?")) {
                    throw new FlowFormatException(ip, "node \"" + id + "\": not a prompt name: \"" + name + "\"");
                }
                items.add(new PromptItem.Named(name));
            } else if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject s = v.asJsonObject();
                unknownFields(s, Set.of("say", "var", "optional"), ip, id);
                String kind = string(s, "say", ip, id);
                PromptItem.SayKind k = null;
                for (PromptItem.SayKind sk : PromptItem.SayKind.values()) {
                    if (sk.jsonName().equals(kind)) {
                        k = sk;
                    }
                }
                if (k == null) {
                    throw new FlowFormatException(ip + "/say", "node \"" + id + "\": say is number, decimal, amount, digits or date, not \"" + kind + "\"");
                }
                items.add(new PromptItem.Say(k, var(s, "var", ip, id), bool(s, "optional", ip, id, false)));
            } else {
                throw new FlowFormatException(ip, "node \"" + id + "\": a prompt is a name or a {\"say\":…,\"var\":…} object");
            }
        }
        return items;
    }

    // ---- field helpers ----

    private static String where(String id) {
        return id == null ? "" : "node \"" + id + "\": ";
    }

    private static void unknownFields(JsonObject o, Set<String> allowed, String p, String id) throws FlowFormatException {
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) {
                throw new FlowFormatException(p + "/" + k, where(id) + "unknown field \"" + k + "\"");
            }
        }
    }

    private static JsonValue required(JsonObject o, String key, String p, String id) throws FlowFormatException {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new FlowFormatException(p + "/" + key, where(id) + key + " missing");
        }
        return v;
    }

    private static String string(JsonObject o, String key, String p, String id) throws FlowFormatException {
        return string(required(o, key, p, id), p + "/" + key, id);
    }

    private static String string(JsonValue v, String p, String id) throws FlowFormatException {
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new FlowFormatException(p, where(id) + "a string is needed");
        }
        return ((JsonString) v).getString();
    }

    /** A string, number or boolean as text (values in tests and inputs). */
    private static String scalar(JsonValue v, String p, String id) throws FlowFormatException {
        if (v == null) {
            throw new FlowFormatException(p, where(id) + "value missing");
        }
        switch (v.getValueType()) {
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return ((JsonNumber) v).bigDecimalValue().toPlainString();
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            default:
                throw new FlowFormatException(p, where(id) + "a string, number or boolean is needed");
        }
    }

    /** A literal or a $variable reference (checked to be a variable name). */
    private static String reference(JsonValue v, String p, String id) throws FlowFormatException {
        String s = scalar(v, p, id);
        if (s.startsWith("$")) {
            checkVar(s.substring(1), p, id);
        }
        return s;
    }

    private static String optString(JsonObject o, String key, String p, String id) throws FlowFormatException {
        return o.containsKey(key) ? string(o, key, p, id) : null;
    }

    private static String id(JsonObject o, String key, String p, String id) throws FlowFormatException {
        return idValue(required(o, key, p, id), p + "/" + key, id);
    }

    private static String optId(JsonObject o, String key, String p, String id) throws FlowFormatException {
        return o.containsKey(key) ? id(o, key, p, id) : null;
    }

    private static String idValue(JsonValue v, String p, String id) throws FlowFormatException {
        String s = string(v, p, id);
        if (!ID.matcher(s).matches()) {
            throw new FlowFormatException(p, where(id) + "not a node id: \"" + s
                    + "\" (a letter, then letters, digits, _ . -; at most 64)");
        }
        return s;
    }

    private static String var(JsonObject o, String key, String p, String id) throws FlowFormatException {
        String v = string(o, key, p, id);
        checkVar(v, p + "/" + key, id);
        return v;
    }

    private static String optVar(JsonObject o, String key, String p, String id) throws FlowFormatException {
        return o.containsKey(key) ? var(o, key, p, id) : null;
    }

    private static void checkVar(String v, String p, String id) throws FlowFormatException {
        if (!VAR.matcher(v).matches()) {
            throw new FlowFormatException(p, where(id) + "not a variable name: \"" + v + "\" (a letter, then letters, digits, _ .)");
        }
    }

    private static JsonObject object(JsonObject o, String key, String p, String id) throws FlowFormatException {
        JsonValue v = required(o, key, p, id);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new FlowFormatException(p + "/" + key, where(id) + key + " must be an object");
        }
        return v.asJsonObject();
    }

    private static JsonArray array(JsonObject o, String key, String p, String id) throws FlowFormatException {
        JsonValue v = required(o, key, p, id);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new FlowFormatException(p + "/" + key, where(id) + key + " must be an array");
        }
        return v.asJsonArray();
    }

    private static boolean bool(JsonObject o, String key, String p, String id, boolean dflt) throws FlowFormatException {
        JsonValue v = o.get(key);
        if (v == null) {
            return dflt;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new FlowFormatException(p + "/" + key, where(id) + key + " must be true or false");
    }

    /** An integer field; {@code min > dflt} (e.g. dflt 0 with min 1) makes it required. */
    private static int intField(JsonObject o, String key, String p, String id, int dflt, int min, int max)
            throws FlowFormatException {
        JsonValue v = o.get(key);
        if (v == null) {
            if (dflt < min) {
                throw new FlowFormatException(p + "/" + key, where(id) + key + " missing");
            }
            return dflt;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new FlowFormatException(p + "/" + key, where(id) + key + " must be a whole number");
        }
        long n = ((JsonNumber) v).longValue();
        if (n < min || n > max) {
            throw new FlowFormatException(p + "/" + key, where(id) + key + " must be " + min + " to " + max + ", not " + n);
        }
        return (int) n;
    }
}
