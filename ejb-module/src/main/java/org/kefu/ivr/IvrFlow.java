package org.kefu.ivr;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An IVR flow as data (see {@code docs/ivr-flow-format.md}): its nodes in document order, the
 * node it starts at, its default language, the node that reaches an agent (0 in any menu,
 * exhausted retries, unhandled service errors) and the default number of retries of a menu.
 *
 * @param id        stable name of the flow (banking-95500); versions share it
 * @param version   the version this text is (the database assigns it; 0 when not stored yet)
 * @param agentNode id of a transfer node, or null when the flow has none (then every menu needs
 *                  its own option 0)
 */
public record IvrFlow(String id, int version, String description, String start, String language,
                      List<String> languages, String agentNode, int retries, List<FlowNode> nodes)
        implements Serializable {

    public static final int DEFAULT_RETRIES = 2;

    public IvrFlow {
        languages = List.copyOf(languages);
        nodes = List.copyOf(nodes);
    }

    /** Nodes by id in document order (the first of duplicate ids wins; the parser refuses duplicates). */
    public Map<String, FlowNode> byId() {
        Map<String, FlowNode> m = new LinkedHashMap<>();
        for (FlowNode n : nodes) {
            m.putIfAbsent(n.id(), n);
        }
        return Collections.unmodifiableMap(m);
    }

    public Optional<FlowNode> node(String nodeId) {
        for (FlowNode n : nodes) {
            if (n.id().equals(nodeId)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** Variables that a secret collect node fills: they live in the SecretVault only. */
    public Set<String> secretVariables() {
        Set<String> s = new LinkedHashSet<>();
        for (FlowNode n : nodes) {
            if (n instanceof FlowNode.Collect c && c.secret()) {
                s.add(c.var());
            }
        }
        return Collections.unmodifiableSet(s);
    }

    public IvrFlow withVersion(int newVersion) {
        return new IvrFlow(id, newVersion, description, start, language, languages, agentNode, retries, nodes);
    }
}
