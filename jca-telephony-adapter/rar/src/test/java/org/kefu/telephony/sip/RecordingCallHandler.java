package org.kefu.telephony.sip;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/** CallHandler for tests: applies a behaviour to each INVITE and records every event as text. */
final class RecordingCallHandler implements CallHandler {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final List<InboundCall> calls = new CopyOnWriteArrayList<>();
    volatile Consumer<InboundCall> behaviour = InboundCall::answer;

    @Override
    public void onInvite(InboundCall call) {
        calls.add(call);
        events.add("invite " + call.ani() + "->" + call.dnis());
        behaviour.accept(call);
    }

    @Override public void onCancel(InboundCall call) { events.add("cancel " + call.dnis()); }
    @Override public void onEstablished(SipCall call) { events.add("established"); }
    @Override public void onHangup(SipCall call) { events.add("hangup"); }
    /** What onRefer answers (the final NOTIFY's status); 200 unless a test says otherwise. */
    volatile int referOutcome = 200;

    @Override public int onRefer(SipCall call, String referTo) { events.add("refer " + referTo); return referOutcome; }
    @Override public void onMediaChange(SipCall call, MediaDirection d) { events.add("media " + d); }

    /** The latest call offered, waiting up to 5 s for one. */
    InboundCall awaitCall() throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (calls.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return calls.get(calls.size() - 1);
    }

    String next() throws InterruptedException {
        return events.poll(5, java.util.concurrent.TimeUnit.SECONDS);
    }
}
