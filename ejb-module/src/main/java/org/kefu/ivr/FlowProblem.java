package org.kefu.ivr;

/**
 * One thing wrong with a flow, naming the node (null for the flow as a whole) and the field.
 * {@link #toString()} is the message an administrator sees.
 */
public record FlowProblem(String node, String field, String message) {

    @Override
    public String toString() {
        String where = node == null ? "flow" : "node \"" + node + "\"";
        return where + (field == null ? "" : " (" + field + ")") + ": " + message;
    }
}
