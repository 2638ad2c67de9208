package org.kefu.it;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * TEST HOOK, never deployed with Kefu (it lives in the crash-recovery probe WAR only): an
 * XAResource that votes yes at prepare and kills the JVM when asked to commit. Enlisted first,
 * it is the first to be committed, so the server dies after every participant (ledger, journal,
 * JMS) has prepared and the transaction manager has logged its commit decision, but before any
 * participant has committed: the window that two-phase commit and recovery exist for.
 */
final class HaltOnCommitTestHook implements XAResource {

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        // halt, not exit: no shutdown hooks, no orderly close; as close to kill -9 as Java gets.
        Runtime.getRuntime().halt(137);
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
