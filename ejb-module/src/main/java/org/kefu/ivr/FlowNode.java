package org.kefu.ivr;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of an IVR flow. Every node has an id unique in its flow; the references to other nodes
 * ({@code next}, menu options, {@code onError} …) are ids, listed by {@link #targets()} with the
 * field they come from so that the validator can name it.
 */
public sealed interface FlowNode extends Serializable {

    String id();

    /** What the node plays first (may be empty). */
    List<PromptItem> prompts();

    /** Outgoing references: field name (e.g. {@code next}, {@code options.1}) → node id. */
    Map<String, String> targets();

    /** The JSON {@code type} of the node. */
    String type();

    private static Map<String, String> of(Object... labelAndTarget) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labelAndTarget.length; i += 2) {
            if (labelAndTarget[i + 1] != null) {
                m.put((String) labelAndTarget[i], (String) labelAndTarget[i + 1]);
            }
        }
        return m;
    }

    /** Plays prompts, then goes to {@code next}. */
    record Play(String id, List<PromptItem> prompts, boolean bargeIn, String next) implements FlowNode {
        public Play {
            prompts = List.copyOf(prompts);
        }

        public Map<String, String> targets() {
            return of("next", next);
        }

        public String type() {
            return "play";
        }
    }

    /**
     * Plays its prompts and collects one key. {@code options} maps keys to nodes; 0 without an
     * option of its own goes to the flow's agent node. Invalid keys and silence are retried
     * {@code retries} times (null: the flow's default), then go to {@code onFail} (default the
     * agent node). With {@code noInput}, silence goes there at once (a default choice).
     * {@code var}, if set, receives the key pressed.
     */
    record Menu(String id, List<PromptItem> prompts, Map<String, String> options, String var, Integer retries,
                String noInput, String onFail, int timeoutSeconds) implements FlowNode {
        public Menu {
            prompts = List.copyOf(prompts);
            options = Map.copyOf(options);
        }

        public Map<String, String> targets() {
            Map<String, String> m = new LinkedHashMap<>();
            options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> m.put("options." + e.getKey(), e.getValue()));
            m.putAll(of("noInput", noInput, "onFail", onFail));
            return m;
        }

        public String type() {
            return "menu";
        }
    }

    /**
     * Collects digits into {@code var}: {@code minDigits..maxDigits} keys, ended by the
     * terminator, matching {@code pattern} (a regular expression over the keys, optional). With
     * {@code decimalStar}, * is the decimal point (amounts, prices). A {@code secret} collection
     * (PINs) is kept in the call's {@link SecretVault} only, masked everywhere.
     */
    record Collect(String id, List<PromptItem> prompts, String var, boolean secret, int minDigits, int maxDigits,
                   char terminator, int timeoutSeconds, int interDigitSeconds, String pattern, boolean decimalStar,
                   Integer retries, String onFail, String next) implements FlowNode {
        public Collect {
            prompts = List.copyOf(prompts);
        }

        public Map<String, String> targets() {
            return of("next", next, "onFail", onFail);
        }

        public String type() {
            return "collect";
        }
    }

    /**
     * Calls a self-service operation by name. {@code inputs}: parameter → literal or
     * {@code $variable}; the outputs land in the call's variables. An error code goes to
     * {@code onError.<code>}, else {@code onError.*}, else the flow's agent node.
     */
    record Service(String id, String operation, Map<String, String> inputs, List<String> outputs,
                   Map<String, String> onError, String next) implements FlowNode {
        public Service {
            inputs = Map.copyOf(inputs);
            outputs = List.copyOf(outputs);
            onError = Map.copyOf(onError);
        }

        public List<PromptItem> prompts() {
            return List.of();
        }

        public Map<String, String> targets() {
            Map<String, String> m = new LinkedHashMap<>(of("next", next));
            onError.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> m.put("onError." + e.getKey(), e.getValue()));
            return m;
        }

        public String type() {
            return "service";
        }
    }

    /** The first branch whose test holds decides; otherwise {@code otherwise}. */
    record Branching(String id, List<Branch> branches, String otherwise) implements FlowNode {
        public Branching {
            branches = List.copyOf(branches);
        }

        public List<PromptItem> prompts() {
            return List.of();
        }

        public Map<String, String> targets() {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < branches.size(); i++) {
                m.put("when." + i + ".next", branches.get(i).next());
            }
            m.putAll(of("otherwise", otherwise));
            return m;
        }

        public String type() {
            return "condition";
        }
    }

    record Branch(Condition test, String next) implements Serializable {
    }

    /** Switches the call's language (zh-CN or en) for every prompt after it. */
    record Language(String id, String language, String next) implements FlowNode {
        public List<PromptItem> prompts() {
            return List.of();
        }

        public Map<String, String> targets() {
            return of("next", next);
        }

        public String type() {
            return "language";
        }
    }

    /**
     * Plays its prompts, then hands the call to a queue, an agent or a number with the call's
     * non-secret variables and path attached, plus {@code attach} (key → literal or $variable).
     * The flow ends here.
     */
    record Transfer(String id, List<PromptItem> prompts, TransferKind kind, String target,
                    Map<String, String> attach) implements FlowNode {
        public Transfer {
            prompts = List.copyOf(prompts);
            attach = Map.copyOf(attach);
        }

        public Map<String, String> targets() {
            return Map.of();
        }

        public String type() {
            return "transfer";
        }
    }

    /** Plays its prompts (say, leave a message after the tone), records up to maxSeconds into {@code var}. */
    record Record(String id, List<PromptItem> prompts, int maxSeconds, String var, String next) implements FlowNode {
        public Record {
            prompts = List.copyOf(prompts);
        }

        public Map<String, String> targets() {
            return of("next", next);
        }

        public String type() {
            return "record";
        }
    }

    /** Plays its prompts (goodbye) and ends the call. */
    record Hangup(String id, List<PromptItem> prompts) implements FlowNode {
        public Hangup {
            prompts = List.copyOf(prompts);
        }

        public Map<String, String> targets() {
            return Map.of();
        }

        public String type() {
            return "hangup";
        }
    }
}
