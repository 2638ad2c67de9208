package org.kefu.platform;

/** Where this server answers, derived from WildFly's own socket-binding properties. */
public final class ServerAddresses {

    private ServerAddresses() {
    }

    public static int httpPort() {
        return Integer.getInteger("jboss.http.port", 8080) + portOffset();
    }

    public static int portOffset() {
        return Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }

    public static String consoleUrl() {
        return "http://localhost:" + httpPort() + "/kefu/";
    }
}
