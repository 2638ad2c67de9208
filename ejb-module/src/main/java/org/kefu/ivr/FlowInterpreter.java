package org.kefu.ivr;

import org.kefu.telephony.CallData;
import org.kefu.telephony.CallEvent;
import org.kefu.telephony.DigitCollection;
import org.kefu.telephony.Prompt;
import org.kefu.telephony.speech.SpokenAmount;
import org.kefu.telephony.speech.SpokenDate;
import org.kefu.telephony.speech.SpokenNumber;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs an {@link IvrFlow}: a pure step function {@code (flow, state, vault, input) → (state,
 * vault, actions)}. It never touches the switch or a service; the EJB layer carries out the
 * actions and feeds the outcomes back as inputs. The clock and holiday calendar are the only
 * outside facts (condition nodes), given at construction so tests control them.
 * <p>
 * Menus: a key with an option goes there; 0 without an option of its own goes to the flow's agent
 * node; other keys ("invalid-input" and the menu again) and silence (the menu again) are retried
 * the menu's or flow's number of times, then go to {@code onFail} or the agent node. A transfer
 * attaches every non-secret variable ({@code ivr.var.<name>}), the path ({@code ivr.path}), the
 * flow, language and reason. Secret collections go to the {@link SecretVault} only.
 */
public final class FlowInterpreter {

    /** Played before a menu or collection is asked again after a wrong entry. */
    public static final String INVALID_INPUT_PROMPT = "invalid-input";
    /** Variables every flow has: the caller's number, the dialled number, the call id. */
    /** {@code notice}: on a reminder's call Kefu placed, the reminder's id (absent on every other call). */
    public static final Set<String> PREDEFINED_VARIABLES = Set.of("ani", "dnis", "callId", "language", "notice", "ticket");
    static final int MAX_PATH = 200;
    private static final int MAX_TRANSITIONS_PER_STEP = 64;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final Clock clock;
    private final HolidayCalendar holidays;

    public FlowInterpreter(Clock clock, HolidayCalendar holidays) {
        this.clock = clock;
        this.holidays = holidays;
    }

    /** Starts {@code flow} for a call just answered. */
    public Step start(IvrFlow flow, IvrInput.Started started) {
        return step(flow, IvrState.initial(flow), SecretVault.empty(), started);
    }

    /**
     * Applies one input. Inputs the current node does not wait for (a prompt ending while digits
     * are awaited, anything after the end) change nothing and yield no actions.
     */
    public Step step(IvrFlow flow, IvrState state, SecretVault vault, IvrInput input) {
        Run run = new Run(flow, state, vault);
        run.apply(input);
        return run.result();
    }

    /** The locale of a flow language tag (zh-CN or en). */
    public static Locale locale(String language) {
        return "zh-CN".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The prompt names that {@code items} make in {@code language} with these variables (missing ones left out). */
    public static List<String> render(List<PromptItem> items, Map<String, String> vars, String language,
                                      List<String> problems) {
        Locale locale = locale(language);
        List<String> names = new ArrayList<>();
        for (PromptItem item : items) {
            if (item instanceof PromptItem.Named n) {
                names.add(n.name());
            } else if (item instanceof PromptItem.Say s) {
                String value = vars.get(s.var());
                if (value == null || value.isEmpty()) {
                    if (!s.optional()) {
                        problems.add("missing:" + s.var());
                    }
                    continue;
                }
                try {
                    names.addAll(say(s.kind(), value.trim(), locale));
                } catch (RuntimeException e) {
                    problems.add("unspeakable:" + s.var());
                }
            }
        }
        return names;
    }

    private static List<String> say(PromptItem.SayKind kind, String value, Locale locale) {
        switch (kind) {
            case NUMBER:
                return SpokenNumber.cardinal(new BigDecimal(value).longValueExact(), locale);
            case DECIMAL:
                return SpokenNumber.decimal(new BigDecimal(value), locale);
            case AMOUNT:
                return SpokenAmount.of(new BigDecimal(value), locale);
            case DIGITS:
                return SpokenNumber.digits(value, locale);
            default:
                return SpokenDate.of(LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value), locale);
        }
    }

    /** One step's working copy of the state. */
    private final class Run {
        private final IvrFlow flow;
        private final String flowId;
        private final int flowVersion;
        private String callId;
        private String node;
        private IvrState.Waiting waiting;
        private String language;
        private int attempts;
        private final Map<String, Integer> visits;
        private final Map<String, String> vars;
        private final List<PathEntry> path;
        private String agentReason;
        private SecretVault vault;
        private final List<IvrAction> actions = new ArrayList<>();
        private int transitions;

        Run(IvrFlow flow, IvrState s, SecretVault vault) {
            this.flow = flow;
            this.flowId = s.flowId();
            this.flowVersion = s.flowVersion();
            this.callId = s.callId();
            this.node = s.node();
            this.waiting = s.waiting();
            this.language = s.language();
            this.attempts = s.attempts();
            this.visits = new LinkedHashMap<>(s.visits());
            this.vars = new LinkedHashMap<>(s.vars());
            this.path = new ArrayList<>(s.path());
            this.agentReason = s.agentReason();
            this.vault = vault;
        }

        Step result() {
            while (path.size() > MAX_PATH) {
                path.remove(0);
            }
            IvrState s = new IvrState(flowId, flowVersion, callId, node, waiting, language, attempts, visits, vars, path,
                    agentReason);
            return new Step(s, vault, actions);
        }

        void apply(IvrInput input) {
            if (waiting == IvrState.Waiting.DONE) {
                return;
            }
            if (input instanceof IvrInput.Started st) {
                if (waiting == IvrState.Waiting.START) {
                    callId = st.callId();
                    // A caller who chose English in an earlier flow of the call (kefu.lang) goes on in English.
                    if ("en".equals(st.data().get(CallData.LANG))) {
                        language = "en";
                    }
                    vars.put("callId", st.callId());
                    vars.put("language", language);
                    putIfPresent("ani", st.data().get(CallData.ANI));
                    putIfPresent("dnis", st.data().get(CallData.DNIS));
                    putIfPresent("notice", st.data().get(CallData.DUNNING_NOTICE));
                    putIfPresent("ticket", st.data().get(CallData.TICKET_VISIT));
                    goTo(flow.start(), null);
                }
                return;
            }
            if (waiting == IvrState.Waiting.START) {
                return;
            }
            FlowNode current = flow.node(node).orElse(null);
            if (current == null) {
                note(node, "error:unknown-node");
                hangup();
                return;
            }
            if (input instanceof IvrInput.PromptFinished) {
                if (waiting == IvrState.Waiting.PROMPT) {
                    promptDone(current);
                }
            } else if (input instanceof IvrInput.DigitsReceived d) {
                if (waiting == IvrState.Waiting.DIGITS && d.end() != CallEvent.DigitsEnd.CANCELLED) {
                    digits(current, d.digits());
                }
            } else if (input instanceof IvrInput.Timeout) {
                switch (waiting) {
                    case DIGITS:
                        digits(current, "");
                        break;
                    case PROMPT:
                        promptDone(current);
                        break;
                    case SERVICE:
                        serviceFailed((FlowNode.Service) current, "TIMEOUT");
                        break;
                    case RECORDING:
                        recorded((FlowNode.Record) current, null, 0);
                        break;
                    default:
                        break;
                }
            } else if (input instanceof IvrInput.ServiceDone sd) {
                if (waiting == IvrState.Waiting.SERVICE) {
                    Set<String> secret = flow.secretVariables();
                    sd.outputs().forEach((k, v) -> {
                        if (!secret.contains(k) && v != null) {
                            vars.put(k, v);
                        }
                    });
                    note(node, "ok");
                    goTo(((FlowNode.Service) current).next(), null);
                }
            } else if (input instanceof IvrInput.ServiceFailed sf) {
                if (waiting == IvrState.Waiting.SERVICE) {
                    serviceFailed((FlowNode.Service) current, sf.errorCode());
                }
            } else if (input instanceof IvrInput.RecordingFinished rf) {
                if (waiting == IvrState.Waiting.RECORDING) {
                    recorded((FlowNode.Record) current, rf.recordingRef(), rf.millis());
                }
            }
        }

        private void putIfPresent(String key, String value) {
            if (value != null && !value.isEmpty()) {
                vars.put(key, value);
            }
        }

        // ---- entering nodes ----

        /** Goes to {@code target}; {@code reason} set means "on the way to an agent because …". */
        void goTo(String target, String reason) {
            if (reason != null) {
                agentReason = reason;
            }
            if (++transitions > MAX_TRANSITIONS_PER_STEP) {
                note(target, "error:loop");
                hangup();
                return;
            }
            FlowNode n = target == null ? null : flow.node(target).orElse(null);
            if (n == null) {
                note(String.valueOf(target), "error:unknown-node");
                hangup();
                return;
            }
            node = n.id();
            attempts = 0;
            visits.merge(node, 1, Integer::sum);
            path.add(new PathEntry(node, ""));
            enter(n);
        }

        void enter(FlowNode n) {
            if (n instanceof FlowNode.Play p) {
                if (!play(p.prompts(), p.bargeIn(), List.of())) {
                    goTo(p.next(), null);
                }
            } else if (n instanceof FlowNode.Menu m) {
                ask(m, List.of());
            } else if (n instanceof FlowNode.Collect c) {
                ask(c, List.of());
            } else if (n instanceof FlowNode.Service s) {
                invoke(s);
            } else if (n instanceof FlowNode.Branching b) {
                branch(b);
            } else if (n instanceof FlowNode.Language l) {
                language = l.language();
                vars.put("language", language);
                note(l.id(), l.language());
                actions.add(new IvrAction.AttachData(Map.of(CallData.LANG, language)));
                goTo(l.next(), null);
            } else if (n instanceof FlowNode.Transfer t) {
                if (!play(t.prompts(), false, List.of())) {
                    transfer(t);
                }
            } else if (n instanceof FlowNode.Record r) {
                if (!play(r.prompts(), false, List.of())) {
                    startRecording(r);
                }
            } else if (n instanceof FlowNode.Hangup h) {
                if (!play(h.prompts(), false, List.of())) {
                    hangup();
                }
            }
        }

        /** Emits a Play of {@code before} + {@code items}; false (and nothing emitted) if there is nothing to say. */
        boolean play(List<PromptItem> items, boolean bargeIn, List<String> before) {
            List<String> problems = new ArrayList<>();
            List<String> names = new ArrayList<>(before);
            names.addAll(render(items, vars, language, problems));
            for (String p : problems) {
                note(node, p);
            }
            if (names.isEmpty()) {
                return false;
            }
            actions.add(new IvrAction.Play(new Prompt(names, locale(language), bargeIn, false)));
            waiting = IvrState.Waiting.PROMPT;
            return true;
        }

        void ask(FlowNode n, List<String> before) {
            DigitCollection spec;
            if (n instanceof FlowNode.Menu m) {
                play(m.prompts(), true, before);
                spec = new DigitCollection(1, (char) 0, Duration.ofSeconds(m.timeoutSeconds()), Duration.ofSeconds(5), false);
            } else {
                FlowNode.Collect c = (FlowNode.Collect) n;
                play(c.prompts(), true, before);
                spec = new DigitCollection(c.maxDigits() + (c.decimalStar() ? 1 : 0), c.terminator(),
                        Duration.ofSeconds(c.timeoutSeconds()), Duration.ofSeconds(c.interDigitSeconds()), c.secret());
            }
            actions.add(new IvrAction.Collect(spec));
            waiting = IvrState.Waiting.DIGITS;
        }

        void invoke(FlowNode.Service s) {
            Set<String> secret = flow.secretVariables();
            Map<String, String> inputs = new LinkedHashMap<>();
            Map<String, String> secretInputs = new LinkedHashMap<>();
            s.inputs().forEach((param, ref) -> {
                if (ref.startsWith("$")) {
                    String var = ref.substring(1);
                    if (secret.contains(var)) {
                        secretInputs.put(param, var);
                    } else if (vars.containsKey(var)) {
                        inputs.put(param, vars.get(var));
                    }
                } else {
                    inputs.put(param, ref);
                }
            });
            actions.add(new IvrAction.InvokeService(s.id(), s.operation(), inputs, secretInputs,
                    idempotencyKey(s.id())));
            waiting = IvrState.Waiting.SERVICE;
        }

        String idempotencyKey(String nodeId) {
            String key = callId + ":" + nodeId + ":" + visits.getOrDefault(nodeId, 0);
            if (key.length() <= 64) {
                return key;
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void branch(FlowNode.Branching b) {
            for (int i = 0; i < b.branches().size(); i++) {
                FlowNode.Branch br = b.branches().get(i);
                if (holds(br.test())) {
                    note(b.id(), "when." + i);
                    goTo(br.next(), null);
                    return;
                }
            }
            note(b.id(), "otherwise");
            goTo(b.otherwise(), null);
        }

        boolean holds(Condition c) {
            if (c instanceof Condition.Var v) {
                String value = vars.get(v.var());
                switch (v.op()) {
                    case EQUALS:
                        return v.values().get(0).equals(value);
                    case NOT_EQUALS:
                        return !v.values().get(0).equals(value);
                    case IN:
                        return value != null && v.values().contains(value);
                    case PRESENT:
                        return value != null && !value.isEmpty();
                    default:
                        try {
                            int cmp = new BigDecimal(value.trim()).compareTo(new BigDecimal(v.values().get(0)));
                            return v.op() == Condition.Op.AT_LEAST ? cmp >= 0 : cmp <= 0;
                        } catch (RuntimeException e) {
                            return false; // missing or not a number
                        }
                }
            }
            if (c instanceof Condition.TimeOfDay t) {
                LocalDateTime now = LocalDateTime.now(clock);
                if (!t.days().isEmpty() && !t.days().contains(now.getDayOfWeek())) {
                    return false;
                }
                LocalTime time = now.toLocalTime();
                boolean afterStart = !time.isBefore(t.from());
                boolean beforeEnd = t.to().equals(LocalTime.MAX) || time.isBefore(t.to());
                return t.from().isAfter(t.to()) ? afterStart || beforeEnd : afterStart && beforeEnd;
            }
            if (c instanceof Condition.Holiday h) {
                return holidays.isHoliday(LocalDate.now(clock)) == h.holiday();
            }
            Condition.Visits v = (Condition.Visits) c;
            return visits.getOrDefault(v.node(), 0) >= v.atLeast();
        }

        // ---- inputs at a node ----

        void promptDone(FlowNode n) {
            if (n instanceof FlowNode.Play p) {
                goTo(p.next(), null);
            } else if (n instanceof FlowNode.Transfer t) {
                transfer(t);
            } else if (n instanceof FlowNode.Record r) {
                startRecording(r);
            } else if (n instanceof FlowNode.Hangup) {
                hangup();
            }
        }

        void digits(FlowNode n, String keys) {
            if (n instanceof FlowNode.Menu m) {
                String key = keys.isEmpty() ? "" : keys.substring(0, 1);
                if (key.isEmpty()) {
                    if (m.noInput() != null) {
                        note(m.id(), "timeout");
                        goTo(m.noInput(), null);
                    } else {
                        retry(m, "timeout", m.retries(), m.onFail());
                    }
                } else if (m.options().containsKey(key)) {
                    if (m.var() != null) {
                        vars.put(m.var(), key);
                    }
                    note(m.id(), key);
                    goTo(m.options().get(key), null);
                } else if ("0".equals(key)) {
                    note(m.id(), "0");
                    toAgent("ZERO");
                } else {
                    retry(m, "invalid", m.retries(), m.onFail());
                }
            } else if (n instanceof FlowNode.Collect c) {
                String value = keys;
                if (c.terminator() != 0 && value.endsWith(String.valueOf(c.terminator()))) {
                    value = value.substring(0, value.length() - 1);
                }
                if (value.isEmpty()) {
                    retry(c, "timeout", c.retries(), c.onFail());
                    return;
                }
                if (!valid(c, value)) {
                    retry(c, "invalid", c.retries(), c.onFail());
                    return;
                }
                if (c.decimalStar()) {
                    value = value.replace('*', '.');
                }
                if (c.secret()) {
                    vault = vault.with(c.var(), value);
                    note(c.id(), "***");
                } else {
                    vars.put(c.var(), value);
                    note(c.id(), value);
                }
                goTo(c.next(), null);
            }
        }

        boolean valid(FlowNode.Collect c, String keys) {
            int digitCount = 0;
            for (int i = 0; i < keys.length(); i++) {
                char ch = keys.charAt(i);
                if (ch >= '0' && ch <= '9') {
                    digitCount++;
                } else if (!(ch == '*' && c.decimalStar())) {
                    return false;
                }
            }
            if (digitCount < c.minDigits() || digitCount > c.maxDigits()) {
                return false;
            }
            if (c.decimalStar() && !DECIMAL.matcher(keys.replace('*', '.')).matches()) {
                return false;
            }
            return c.pattern() == null || Pattern.matches(c.pattern(), keys);
        }

        void retry(FlowNode n, String why, Integer nodeRetries, String onFail) {
            note(n.id(), why);
            attempts++;
            int allowed = nodeRetries != null ? nodeRetries : flow.retries();
            if (attempts > allowed) {
                if (onFail != null) {
                    goTo(onFail, null);
                } else {
                    toAgent("RETRIES");
                }
                return;
            }
            ask(n, "invalid".equals(why) ? List.of(INVALID_INPUT_PROMPT) : List.of());
        }

        void serviceFailed(FlowNode.Service s, String code) {
            String safe = code == null ? "UNKNOWN" : code.replaceAll("[^A-Za-z0-9_.-]", "_");
            if (safe.length() > 40) {
                safe = safe.substring(0, 40);
            }
            note(s.id(), "error:" + safe);
            String target = s.onError().get(safe);
            if (target == null) {
                target = s.onError().get("*");
            }
            if (target != null) {
                goTo(target, null);
            } else {
                toAgent("SERVICE_ERROR");
            }
        }

        void recorded(FlowNode.Record r, String ref, long millis) {
            if (r.var() != null && ref != null) {
                vars.put(r.var(), ref);
            }
            note(r.id(), ref == null ? "no-recording" : "recorded:" + (millis / 1000) + "s");
            goTo(r.next(), null);
        }

        void startRecording(FlowNode.Record r) {
            actions.add(new IvrAction.Record(r.maxSeconds()));
            waiting = IvrState.Waiting.RECORDING;
        }

        // ---- endings ----

        void toAgent(String reason) {
            if (flow.agentNode() == null) {
                note(node, "agent:none");
                hangup();
                return;
            }
            note(node, "agent:" + reason);
            goTo(flow.agentNode(), reason);
        }

        void transfer(FlowNode.Transfer t) {
            Map<String, String> data = callData();
            t.attach().forEach((k, v) -> {
                String value = resolve(v);
                if (value != null) {
                    data.put(k, value);
                }
            });
            String target = resolve(t.target());
            if (target == null || target.isEmpty()) {
                note(t.id(), "error:no-target");
                hangup();
                return;
            }
            note(t.id(), t.kind().name().toLowerCase(Locale.ROOT) + ":" + target);
            data.put("ivr.path", pathText());
            actions.add(new IvrAction.Transfer(t.kind(), target, data));
            waiting = IvrState.Waiting.DONE;
        }

        void hangup() {
            Map<String, String> data = callData();
            data.put("ivr.path", pathText());
            actions.add(new IvrAction.AttachData(data));
            actions.add(new IvrAction.Hangup());
            waiting = IvrState.Waiting.DONE;
        }

        /** What travels with the call: flow, language, reason, every non-secret variable. */
        Map<String, String> callData() {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("ivr.flow", flowId + ":" + flowVersion);
            data.put("ivr.lang", language);
            data.put(CallData.LANG, language);
            if (agentReason != null) {
                data.put("ivr.reason", agentReason);
            }
            Set<String> secret = flow.secretVariables();
            vars.forEach((k, v) -> {
                if (!secret.contains(k) && !"callId".equals(k) && !"language".equals(k)) {
                    data.put("ivr.var." + k, v);
                }
            });
            return data;
        }

        /** A literal, or the value of a $variable (null if unset or secret). */
        String resolve(String ref) {
            if (!ref.startsWith("$")) {
                return ref;
            }
            String var = ref.substring(1);
            return flow.secretVariables().contains(var) ? null : vars.get(var);
        }

        String pathText() {
            StringBuilder sb = new StringBuilder();
            for (PathEntry e : path) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(e);
            }
            return sb.length() > 2000 ? "…" + sb.substring(sb.length() - 2000) : sb.toString();
        }

        /** Records a result for {@code nodeId}: fills the entry of its visit, or adds one. */
        void note(String nodeId, String result) {
            if (!path.isEmpty()) {
                PathEntry last = path.get(path.size() - 1);
                if (last.node().equals(nodeId) && last.result().isEmpty()) {
                    path.set(path.size() - 1, new PathEntry(nodeId, result));
                    return;
                }
            }
            path.add(new PathEntry(nodeId, result));
        }
    }
}
