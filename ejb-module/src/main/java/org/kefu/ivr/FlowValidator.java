package org.kefu.ivr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed flow before it may be activated and returns every problem, each naming its node:
 * <ul>
 * <li>{@code start} and {@code agent} name existing nodes; the agent node is a transfer to a queue or an agent;</li>
 * <li>no dangling reference (next, options, onError, noInput, onFail, when, otherwise, visits);</li>
 * <li>every node is reachable from the start (the agent node counts as reachable from any menu,
 *     collect or service node);</li>
 * <li>every prompt name exists in the given prompt set (and {@code invalid-input} when the flow asks for keys);</li>
 * <li>every menu has a way to an agent on 0: an option 0 that leads (through play and language
 *     nodes) to a transfer to a queue or an agent, or the flow's agent node;</li>
 * <li>a secret variable is never played back, attached to the call or a transfer target, nor
 *     also filled by a non-secret collect, a menu, a service output or a recording;</li>
 * <li>every variable spoken, tested or passed on is set somewhere (collect, menu var, service
 *     outputs, record var, or ani / dnis / callId);</li>
 * <li>no loop made only of condition and language nodes (it would never wait for the caller);</li>
 * <li>no path from the start reaches a money operation ({@link #MONEY_OPERATIONS}) before a PIN
 *     check ({@link #PIN_CHECKS}) succeeded: only a PIN check's {@code next}, or a condition that
 *     a variable set only by PIN checks' outputs is {@code present}, leads on as verified (issue 14
 *     item 8; the services refuse such an operation anyway, this refuses the flow at upload).</li>
 * </ul>
 */
public final class FlowValidator {

    /** Operations that read or move a caller's money: each needs a verified PIN in the call. */
    public static final Set<String> MONEY_OPERATIONS = Set.of("banking.balance", "banking.miniStatement", "banking.payees",
            "banking.transfer", "banking.payBill", "banking.reportCardLoss", "securities.positions", "securities.placeOrder",
            "utilities.pay");

    /** Operations that verify a PIN and, on success, bind the account to the call. */
    public static final Set<String> PIN_CHECKS = Set.of("banking.verifyPin", "securities.verifyPin", "utilities.verifyPin");

    public List<FlowProblem> validate(IvrFlow flow, Set<String> knownPrompts) {
        List<FlowProblem> problems = new ArrayList<>();
        Map<String, FlowNode> nodes = flow.byId();

        if (!nodes.containsKey(flow.start())) {
            problems.add(new FlowProblem(null, "start", "start node \"" + flow.start() + "\" does not exist"));
        }
        if (flow.agentNode() != null) {
            FlowNode agent = nodes.get(flow.agentNode());
            if (agent == null) {
                problems.add(new FlowProblem(null, "agent", "agent node \"" + flow.agentNode() + "\" does not exist"));
            } else if (!leadsToAgent(flow.agentNode(), nodes, 0)) {
                problems.add(new FlowProblem(flow.agentNode(), null, "the flow's agent node must be a transfer to a queue"
                        + " or an agent (or a condition, play or language node leading only to such transfers)"));
            }
        }

        // dangling references
        for (FlowNode n : flow.nodes()) {
            n.targets().forEach((field, target) -> {
                if (!nodes.containsKey(target)) {
                    problems.add(new FlowProblem(n.id(), field, "refers to node \"" + target + "\", which does not exist"));
                }
            });
            if (n instanceof FlowNode.Branching b) {
                for (int i = 0; i < b.branches().size(); i++) {
                    if (b.branches().get(i).test() instanceof Condition.Visits v && !nodes.containsKey(v.node())) {
                        problems.add(new FlowProblem(n.id(), "when." + i + ".visits",
                                "counts visits of node \"" + v.node() + "\", which does not exist"));
                    }
                }
            }
        }

        reachability(flow, nodes, problems);
        prompts(flow, knownPrompts, problems);
        zeroToAgent(flow, nodes, problems);
        secrets(flow, problems);
        variables(flow, problems);
        loops(flow, nodes, problems);
        moneyBeforePin(flow, nodes, problems);
        return problems;
    }

    /**
     * Walks the flow from the start as an unverified caller: a PIN check's success exit and a
     * condition branch testing that a variable only PIN checks set is present lead to verified
     * ground and are not followed; a money operation met on the walk is a problem. The flow's
     * agent node counts as reachable from every menu, collect and service node, as at run time.
     */
    private static void moneyBeforePin(IvrFlow flow, Map<String, FlowNode> nodes, List<FlowProblem> problems) {
        if (!nodes.containsKey(flow.start())) {
            return;
        }
        Set<String> setByPinChecks = new HashSet<>();
        Set<String> setElsewhere = new HashSet<>(FlowInterpreter.PREDEFINED_VARIABLES);
        for (FlowNode n : flow.nodes()) {
            if (n instanceof FlowNode.Service s) {
                (PIN_CHECKS.contains(s.operation()) ? setByPinChecks : setElsewhere).addAll(s.outputs());
            } else if (n instanceof FlowNode.Collect c) {
                setElsewhere.add(c.var());
            } else if (n instanceof FlowNode.Menu m && m.var() != null) {
                setElsewhere.add(m.var());
            } else if (n instanceof FlowNode.Record r && r.var() != null) {
                setElsewhere.add(r.var());
            }
        }
        setByPinChecks.removeAll(setElsewhere);
        Map<String, String> cameFrom = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        cameFrom.put(flow.start(), null);
        todo.add(flow.start());
        while (!todo.isEmpty()) {
            String id = todo.poll();
            FlowNode n = nodes.get(id);
            if (n == null) {
                continue;
            }
            if (n instanceof FlowNode.Service s && MONEY_OPERATIONS.contains(s.operation())) {
                problems.add(new FlowProblem(n.id(), "operation", "reaches the money operation \"" + s.operation()
                        + "\" before a PIN is verified (" + String.join(" > ", path(id, cameFrom))
                        + "); verify the PIN first (" + String.join(", ", new java.util.TreeSet<>(PIN_CHECKS)) + ")"));
                continue;
            }
            List<String> onward = new ArrayList<>();
            if (n instanceof FlowNode.Service s && PIN_CHECKS.contains(s.operation())) {
                onward.addAll(s.onError().values());
            } else if (n instanceof FlowNode.Branching b) {
                for (FlowNode.Branch br : b.branches()) {
                    boolean verifiedBranch = br.test() instanceof Condition.Var v && v.op() == Condition.Op.PRESENT
                            && setByPinChecks.contains(v.var());
                    if (!verifiedBranch) {
                        onward.add(br.next());
                    }
                }
                onward.add(b.otherwise());
            } else {
                onward.addAll(n.targets().values());
            }
            boolean mayReachAgent = n instanceof FlowNode.Menu || n instanceof FlowNode.Collect || n instanceof FlowNode.Service;
            if (mayReachAgent && flow.agentNode() != null) {
                onward.add(flow.agentNode());
            }
            for (String next : onward) {
                if (next != null && nodes.containsKey(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, id);
                    todo.add(next);
                }
            }
        }
    }

    private static List<String> path(String to, Map<String, String> cameFrom) {
        Deque<String> path = new ArrayDeque<>();
        for (String at = to; at != null; at = cameFrom.get(at)) {
            path.addFirst(at);
        }
        return new ArrayList<>(path);
    }

    private static boolean isAgentTransfer(FlowNode n) {
        return n instanceof FlowNode.Transfer t && t.kind() != TransferKind.NUMBER;
    }

    private static void reachability(IvrFlow flow, Map<String, FlowNode> nodes, List<FlowProblem> problems) {
        if (!nodes.containsKey(flow.start())) {
            return; // reported; everything would be unreachable
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(flow.start());
        while (!todo.isEmpty()) {
            String id = todo.poll();
            FlowNode n = nodes.get(id);
            if (n == null || !seen.add(id)) {
                continue;
            }
            todo.addAll(n.targets().values());
            boolean mayReachAgent = n instanceof FlowNode.Menu || n instanceof FlowNode.Collect
                    || n instanceof FlowNode.Service;
            if (mayReachAgent && flow.agentNode() != null) {
                todo.add(flow.agentNode());
            }
        }
        for (FlowNode n : flow.nodes()) {
            if (!seen.contains(n.id())) {
                problems.add(new FlowProblem(n.id(), null, "unreachable from the start node \"" + flow.start() + "\""));
            }
        }
    }

    private static void prompts(IvrFlow flow, Set<String> known, List<FlowProblem> problems) {
        boolean asksForKeys = false;
        for (FlowNode n : flow.nodes()) {
            List<PromptItem> items = n.prompts();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof PromptItem.Named p && !known.contains(p.name())) {
                    problems.add(new FlowProblem(n.id(), "prompts." + i, "prompt \"" + p.name() + "\" does not exist"));
                }
            }
            if (!asksForKeys && (n instanceof FlowNode.Menu || n instanceof FlowNode.Collect)) {
                asksForKeys = true;
                if (!known.contains(FlowInterpreter.INVALID_INPUT_PROMPT)) {
                    problems.add(new FlowProblem(n.id(), null, "prompt \"" + FlowInterpreter.INVALID_INPUT_PROMPT
                            + "\" (played before asking again) does not exist"));
                }
            }
        }
    }

    private static void zeroToAgent(IvrFlow flow, Map<String, FlowNode> nodes, List<FlowProblem> problems) {
        for (FlowNode n : flow.nodes()) {
            if (!(n instanceof FlowNode.Menu m)) {
                continue;
            }
            String zero = m.options().get("0");
            if (zero == null) {
                if (flow.agentNode() == null) {
                    problems.add(new FlowProblem(m.id(), "options.0",
                            "no way to an agent on 0: add option 0 or give the flow an agent node"));
                }
                continue;
            }
            if (!leadsToAgent(zero, nodes, 0)) {
                problems.add(new FlowProblem(m.id(), "options.0",
                        "option 0 must lead to an agent (a transfer to a queue or an agent), not to \"" + zero + "\""));
            }
        }
    }

    /** True if every way on from {@code id} through play, language and condition nodes ends at a transfer to an agent or a queue. */
    private static boolean leadsToAgent(String id, Map<String, FlowNode> nodes, int depth) {
        FlowNode n = nodes.get(id);
        if (n == null || depth > 10) {
            return false;
        }
        if (isAgentTransfer(n)) {
            return true;
        }
        if (n instanceof FlowNode.Play || n instanceof FlowNode.Language || n instanceof FlowNode.Branching) {
            for (String next : n.targets().values()) {
                if (!leadsToAgent(next, nodes, depth + 1)) {
                    return false;
                }
            }
            return !n.targets().isEmpty();
        }
        return false;
    }

    private static void secrets(IvrFlow flow, List<FlowProblem> problems) {
        Set<String> secret = flow.secretVariables();
        if (secret.isEmpty()) {
            return;
        }
        for (FlowNode n : flow.nodes()) {
            List<PromptItem> items = n.prompts();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof PromptItem.Say s && secret.contains(s.var())) {
                    problems.add(new FlowProblem(n.id(), "prompts." + i,
                            "plays back the secret variable \"" + s.var() + "\""));
                }
            }
            if (n instanceof FlowNode.Transfer t) {
                t.attach().forEach((k, v) -> {
                    if (v.startsWith("$") && secret.contains(v.substring(1))) {
                        problems.add(new FlowProblem(n.id(), "attach." + k,
                                "attaches the secret variable \"" + v.substring(1) + "\" to the call"));
                    }
                });
                if (t.target().startsWith("$") && secret.contains(t.target().substring(1))) {
                    problems.add(new FlowProblem(n.id(), t.kind().name().toLowerCase(java.util.Locale.ROOT),
                            "uses the secret variable \"" + t.target().substring(1) + "\" as transfer target"));
                }
            }
            if (n instanceof FlowNode.Collect c && !c.secret() && secret.contains(c.var())) {
                problems.add(new FlowProblem(n.id(), "var", "collects \"" + c.var()
                        + "\" openly, which another node collects as a secret"));
            }
            if (n instanceof FlowNode.Menu m && m.var() != null && secret.contains(m.var())) {
                problems.add(new FlowProblem(n.id(), "var", "stores its key in the secret variable \"" + m.var() + "\""));
            }
            if (n instanceof FlowNode.Service s) {
                for (String out : s.outputs()) {
                    if (secret.contains(out)) {
                        problems.add(new FlowProblem(n.id(), "outputs", "an output overwrites the secret variable \"" + out + "\""));
                    }
                }
            }
            if (n instanceof FlowNode.Record r && r.var() != null && secret.contains(r.var())) {
                problems.add(new FlowProblem(n.id(), "var", "stores a recording in the secret variable \"" + r.var() + "\""));
            }
        }
    }

    private static void variables(IvrFlow flow, List<FlowProblem> problems) {
        Set<String> defined = new HashSet<>(FlowInterpreter.PREDEFINED_VARIABLES);
        for (FlowNode n : flow.nodes()) {
            if (n instanceof FlowNode.Collect c) {
                defined.add(c.var());
            } else if (n instanceof FlowNode.Menu m && m.var() != null) {
                defined.add(m.var());
            } else if (n instanceof FlowNode.Service s) {
                defined.addAll(s.outputs());
            } else if (n instanceof FlowNode.Record r && r.var() != null) {
                defined.add(r.var());
            }
        }
        for (FlowNode n : flow.nodes()) {
            Map<String, String> used = new LinkedHashMap<>(); // field -> variable
            List<PromptItem> items = n.prompts();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof PromptItem.Say s) {
                    used.put("prompts." + i, s.var());
                }
            }
            if (n instanceof FlowNode.Service s) {
                s.inputs().forEach((k, v) -> refVar(v, "inputs." + k, used));
            } else if (n instanceof FlowNode.Transfer t) {
                t.attach().forEach((k, v) -> refVar(v, "attach." + k, used));
                refVar(t.target(), t.kind().name().toLowerCase(java.util.Locale.ROOT), used);
            } else if (n instanceof FlowNode.Branching b) {
                for (int i = 0; i < b.branches().size(); i++) {
                    if (b.branches().get(i).test() instanceof Condition.Var v) {
                        used.put("when." + i + ".var", v.var());
                    }
                }
            }
            used.forEach((field, var) -> {
                if (!defined.contains(var)) {
                    problems.add(new FlowProblem(n.id(), field, "uses the variable \"" + var
                            + "\", which no node sets (collect, menu var, service outputs, record var)"));
                }
            });
        }
    }

    private static void refVar(String ref, String field, Map<String, String> used) {
        if (ref.startsWith("$")) {
            used.put(field, ref.substring(1));
        }
    }

    private static void loops(IvrFlow flow, Map<String, FlowNode> nodes, List<FlowProblem> problems) {
        Set<String> reported = new LinkedHashSet<>();
        for (FlowNode n : flow.nodes()) {
            if (!instant(n) || reported.contains(n.id())) {
                continue;
            }
            // depth-first over instant nodes only, looking for a way back to n
            Deque<String> todo = new ArrayDeque<>(n.targets().values());
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String id = todo.pop();
                FlowNode m = nodes.get(id);
                if (m == null || !instant(m) || !seen.add(id)) {
                    continue;
                }
                if (id.equals(n.id())) {
                    reported.add(n.id());
                    problems.add(new FlowProblem(n.id(), null,
                            "is in a loop of condition and language nodes that never waits for the caller"));
                    break;
                }
                todo.addAll(m.targets().values());
            }
        }
    }

    private static boolean instant(FlowNode n) {
        return n instanceof FlowNode.Branching || n instanceof FlowNode.Language;
    }
}
