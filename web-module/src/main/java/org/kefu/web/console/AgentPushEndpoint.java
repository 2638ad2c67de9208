package org.kefu.web.console;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's push channel (no polling): the workplace page opens it, and the ACD's notifications
 * (a call rings, the state changed) are sent to every open page of that agent. The path is under
 * /agent/, so the servlet container's agent constraint guards the handshake; the job number is
 * the signed-in user, never a parameter.
 */
@ServerEndpoint("/agent/push")
public class AgentPushEndpoint {

    private static final Map<String, Set<Session>> SESSIONS = new ConcurrentHashMap<>();

    @OnOpen
    public void open(Session session) throws IOException {
        Principal user = session.getUserPrincipal();
        if (user == null) {
            session.close();
            return;
        }
        SESSIONS.computeIfAbsent(user.getName(), k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    @OnClose
    public void close(Session session) {
        forget(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        forget(session);
    }

    private static void forget(Session session) {
        Principal user = session.getUserPrincipal();
        if (user != null) {
            Set<Session> open = SESSIONS.get(user.getName());
            if (open != null) {
                open.remove(session);
            }
        }
    }

    /** Sends a small JSON notice to the agent's open pages; a broken page is dropped. */
    static void send(String jobNumber, String what) {
        Set<Session> open = SESSIONS.get(jobNumber);
        if (open == null) {
            return;
        }
        String text = "{\"agent\":\"" + jobNumber.replaceAll("[^0-9A-Za-z_.-]", "") + "\",\"what\":\""
                + what.replaceAll("[^A-Z_]", "") + "\"}";
        for (Session s : open) {
            if (!s.isOpen()) {
                open.remove(s);
                continue;
            }
            // One writer at a time per websocket session.
            synchronized (s) {
                try {
                    s.getBasicRemote().sendText(text);
                } catch (IOException | RuntimeException e) {
                    open.remove(s);
                }
            }
        }
    }
}
