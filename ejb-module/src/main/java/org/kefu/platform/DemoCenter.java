package org.kefu.platform;

/**
 * Whether the demo center (shared/DEMO-CENTER.md) is loaded: off unless the server is started
 * with {@code -Dkefu.demo=true} (issue 14 item 5: its passwords and PINs are published). With it
 * off, a server that still holds the demo's users, phones or cards refuses to start until they are
 * removed with {@code -Dkefu.demo.remove=true} ({@link DemoRemnants}).
 */
public final class DemoCenter {

    private DemoCenter() {
    }

    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("kefu.demo", "false"));
    }
}
