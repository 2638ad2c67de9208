package org.kefu.ivr;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The secret digits of one call (PINs), kept apart from the call's variables: never attached to
 * call data, never in the path log, never serialised (this class is deliberately not
 * {@code Serializable}), and {@link #toString()} shows names only. Immutable: {@link #with}
 * returns a new vault; {@link #wipe()} overwrites every value when the call ends.
 */
public final class SecretVault {

    private static final SecretVault EMPTY = new SecretVault(Map.of());

    private final Map<String, char[]> values;

    private SecretVault(Map<String, char[]> values) {
        this.values = values;
    }

    public static SecretVault empty() {
        return EMPTY;
    }

    /** A vault with {@code name} set to a copy of {@code digits} (replacing an earlier value). */
    public SecretVault with(String name, CharSequence digits) {
        Map<String, char[]> m = new LinkedHashMap<>(values);
        char[] copy = new char[digits.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = digits.charAt(i);
        }
        m.put(name, copy);
        return new SecretVault(Collections.unmodifiableMap(m));
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** A copy of the secret (the caller should overwrite it after use), or null if absent. */
    public char[] reveal(String name) {
        char[] v = values.get(name);
        return v == null ? null : v.clone();
    }

    /**
     * The secrets an operation may see, renamed to its parameters: {@code parameter → variable}.
     * Variables not in the vault are left out.
     */
    public SecretVault select(Map<String, String> parameterToVariable) {
        Map<String, char[]> m = new LinkedHashMap<>();
        parameterToVariable.forEach((param, var) -> {
            char[] v = values.get(var);
            if (v != null) {
                m.put(param, v);
            }
        });
        return new SecretVault(Collections.unmodifiableMap(m));
    }

    /** Overwrites every secret with zeros (this vault and every vault sharing its arrays). */
    public void wipe() {
        for (char[] v : values.values()) {
            Arrays.fill(v, '\0');
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SecretVault[");
        String sep = "";
        for (String n : values.keySet()) {
            sb.append(sep).append(n).append("=***");
            sep = ", ";
        }
        return sb.append(']').toString();
    }
}
