package org.kefu.security;

/**
 * The desk extension of a user who is also an agent. Security owns this question and the ACD
 * answers it ({@code org.kefu.acd.AgentDeskExtensions}), so that security depends on nothing above it.
 */
public interface DeskExtensions {

    /** The agent's extension, or null when {@code login} is not an agent (or has no extension). */
    String extensionOf(String login);
}
