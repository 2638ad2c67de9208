package org.kefu.platform;

/** Whether the demo center (shared/DEMO-CENTER.md) is loaded: -Dkefu.demo=false turns it off. */
public final class DemoCenter {

    private DemoCenter() {
    }

    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("kefu.demo", "true"));
    }
}
