package org.kefu.telephony.switching;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SipSwitch is a façade over parts with one idea each: no part refers back to the façade, and the
 * parts refer to one another without a cycle (what they need of each other beyond that, the façade
 * wires, as the REFER transfer). Housekeeping in the switching and sip packages runs on
 * {@code timing.Timers}, which the resource adapter backs with its BootstrapContext's timer: no
 * class there makes a scheduler, a timer or a thread of its own.
 */
class SwitchPartsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kefu.telephony.switching", "org.kefu.telephony.sip");

    private static final Set<String> PARTS = Set.of("CallTable", "LegEvents", "Dialing", "Transfers",
            "MediaCommands", "Supervision", "WarmUp", "RegistrationEvents", "SwitchRuntime");

    @Test
    void noPartRefersToTheFacadeAndThePartsHaveNoCycle() {
        Map<String, Set<String>> uses = new HashMap<>();
        for (JavaClass c : MAIN) {
            String from = part(c);
            if (from == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = d.getTargetClass().getPackageName().equals("org.kefu.telephony.switching")
                        ? topLevel(d.getTargetClass()) : null;
                assertThat(to).as(d.getDescription()).isNotEqualTo("SipSwitch");
                if (to != null && PARTS.contains(to) && !to.equals(from)) {
                    uses.computeIfAbsent(from, k -> new HashSet<>()).add(to);
                }
            }
        }
        assertThat(uses).as("the parts refer to one another").isNotEmpty();
        for (String start : PARTS) {
            assertThat(cycleFrom(start, start, uses, new ArrayList<>(), new HashSet<>()))
                    .as("a cycle through " + start + " in " + uses).isEmpty();
        }
    }

    @Test
    void noSchedulerTimerOrThreadOfTheirOwnInSwitchingOrSip() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : MAIN) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getName();
                if (target.equals("java.util.concurrent.Executors") || target.equals("java.util.Timer")
                        || target.equals("java.lang.Thread") && d.getDescription().contains("<init>")) {
                    found.add(d.getDescription());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static String part(JavaClass c) {
        if (!c.getPackageName().equals("org.kefu.telephony.switching")) {
            return null;
        }
        String top = topLevel(c);
        return PARTS.contains(top) ? top : null;
    }

    private static String topLevel(JavaClass c) {
        String simple = c.getName().substring(c.getPackageName().length() + 1);
        int dollar = simple.indexOf('$');
        return dollar < 0 ? simple : simple.substring(0, dollar);
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                          Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(at);
                cycle.add(next);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(at);
                List<String> cycle = cycleFrom(start, next, uses, path, seen);
                path.remove(path.size() - 1);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        return List.of();
    }
}
