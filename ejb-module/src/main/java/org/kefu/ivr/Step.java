package org.kefu.ivr;

import java.util.List;

/** The result of one interpreter step: the new state and vault, and the actions to carry out in order. */
public record Step(IvrState state, SecretVault vault, List<IvrAction> actions) {

    public Step {
        actions = List.copyOf(actions);
    }

    public boolean finished() {
        return state.finished();
    }
}
