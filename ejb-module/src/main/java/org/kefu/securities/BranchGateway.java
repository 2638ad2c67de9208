package org.kefu.securities;

/**
 * The adapter to one kind of branch trading system. {@link #submit} runs in the
 * caller's JTA transaction: the order reaches the branch if and only if its freeze commits.
 * Answers come back asynchronously, each protocol its own way, and end in
 * {@link OrderSettlement}.
 */
public interface BranchGateway {

    /** The protocol name in {@code sec_branch.protocol}: {@code JMS} or {@code TABLE}. */
    String protocol();

    void submit(BranchOrder order);
}
