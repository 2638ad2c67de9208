package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RegistrationsTest {

    final DigestAuthenticatorTest.MutableClock clock = new DigestAuthenticatorTest.MutableClock();
    final Registrations table = new Registrations(clock);
    final List<String> events = new CopyOnWriteArrayList<>();

    RegistrationsTest() {
        table.addListener(new RegistrationListener() {
            @Override public void registered(Binding b) { events.add("+" + b.aor() + " " + b.contact()); }
            @Override public void unregistered(Binding b, Reason r) { events.add("-" + b.aor() + " " + r); }
        });
    }

    @Test
    void bindRefreshLookupAndExpire() {
        table.bind("8001", "sip:8001@10.0.0.5:5062", Duration.ofSeconds(60), "udp", "10.0.0.5", 5062);
        table.bind("8001", "sip:8001@10.0.0.5:5062", Duration.ofSeconds(120), "udp", "10.0.0.5", 5062); // refresh: no new event
        table.bind("8001", "sip:8001@10.0.0.6:5060", Duration.ofSeconds(30), "tcp", "10.0.0.6", 40000);
        assertThat(table.lookup("8001")).hasSize(2);
        assertThat(table.contactFor("8001")).get().extracting(Binding::contact).isEqualTo("sip:8001@10.0.0.5:5062");
        clock.now = clock.now.plusSeconds(31);
        assertThat(table.lookup("8001")).hasSize(1); // lapsed ones never route, even before the sweep
        assertThat(table.sweep()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(100);
        assertThat(table.sweep()).isEqualTo(1);
        assertThat(table.contactFor("8001")).isEmpty();
        assertThat(events).containsExactly("+8001 sip:8001@10.0.0.5:5062", "+8001 sip:8001@10.0.0.6:5060",
                "-8001 EXPIRED", "-8001 EXPIRED");
    }

    @Test
    void unbindAndUnbindAll() {
        table.bind("8002", "sip:a@h", Duration.ofSeconds(60), "udp", "h", 1);
        table.bind("8002", "sip:b@h", Duration.ofSeconds(60), "udp", "h", 2);
        table.unbind("8002", "sip:a@h");
        assertThat(table.lookup("8002")).extracting(Binding::contact).containsExactly("sip:b@h");
        table.unbindAll("8002");
        assertThat(table.size()).isZero();
        assertThat(events).containsExactly("+8002 sip:a@h", "+8002 sip:b@h", "-8002 UNREGISTERED", "-8002 UNREGISTERED");
    }
}
